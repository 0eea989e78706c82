using System.Net;
using System.Text.Json;
using static Platform.EndToEnd.Tests.CrossProvince.ProvincesBehindGateway;

namespace Platform.EndToEnd.Tests.CrossProvince;

/// <summary>
/// People and a source system of Lào Cai, signed in through the gateway, ask for Thanh Hóa's records by every route
/// the services offer: a foreign id answers 404 (never 403 or 409, which would confirm it exists), a listing shows
/// Lào Cai's own records only, and no answer carries a code, name, id, person, text or value of Thanh Hóa's.
/// </summary>
public sealed partial class CrossProvinceProbeTests(ProvincesBehindGateway platform) : IClassFixture<ProvincesBehindGateway>
{
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private static readonly decimal[] ThanhHoaNumbers = [4217, 4203, 613, 977];

    private ThanhHoaRecords ThanhHoa => platform.ThanhHoa;

    /// <summary>Everything that names Thanh Hóa or something it made.</summary>
    private string[] ThanhHoaTexts =>
    [
        "thanh-hoa", "Thanh Hóa", "Như Thanh", ThanhHoaComment, ThanhHoaJustification, ThanhHoaEvidenceName,
        ThanhHoaAction, ThanhHoaFocalPoint, ThanhHoaFocalEmail,
        ThanhHoa.Submission.ToString(), ThanhHoa.EvidenceFile.ToString(), ThanhHoa.Assignment.ToString(), ThanhHoa.Bonus.ToString(),
        ThanhHoa.ActionPlan.ToString(), .. ThanhHoa.InboxItems.Select(i => i.ToString()), .. ThanhHoa.People,
    ];

    /// <summary>Reads any signed-in person may try in intake.</summary>
    private Probe[] IntakeReads =>
    [
        new("GET", "/api/intake/units/thanh-hoa", NotFound),
        new("GET", "/api/intake/units/thanh-hoa.so-khcn", NotFound),
        new("GET", "/api/intake/units?q=Thanh", Ok),
        new("GET", "/api/intake/units?parent=thanh-hoa", Ok),
        new("GET", "/api/intake/units/export", Ok),
        new("GET", "/api/intake/assignments?targetUnit=thanh-hoa", Ok),
        new("GET", "/api/intake/assignments?reportingUnit=thanh-hoa.so-khcn", Ok),
        new("GET", $"/api/intake/assignments/{ThanhHoa.Assignment}", NotFound),
        new("GET", "/api/intake/submissions", Ok),
        new("GET", $"/api/intake/submissions?framework=monthly-4585&period={Period}&state=approved", Ok),
        new("GET", $"/api/intake/submissions/{ThanhHoa.Submission}", NotFound),
        new("GET", $"/api/intake/submissions/{ThanhHoa.Submission}/assessment", NotFound),
        new("GET", $"/api/intake/submissions/{ThanhHoa.Submission}/evidence", NotFound),
        new("GET", $"/api/intake/evidence/{ThanhHoa.EvidenceFile}", NotFound),
        new("GET", $"/api/intake/periods/monthly-4585/{Period}/reopenings", Ok),
        new("GET", $"/api/intake/overview/monthly-4585/{Period}?unit=thanh-hoa", NotFound),
        new("GET", $"/api/intake/overview/monthly-4585/{Period}", Ok),
        new("GET", "/api/intake/assignments/mine/open", Ok),
    ];

    private static readonly Dictionary<string, object> SomeValues = new() { ["A.due"] = 1, ["A.backlog"] = 0, ["A.onTime"] = 1, ["A.late"] = 0 };

    [Fact]
    public async Task A_reporter_of_Lao_Cai_gets_404_for_every_Thanh_Hoa_record_in_intake_and_sees_nothing_of_it()
    {
        using var reporter = await platform.SignInAsync("lao-cai.reporter");
        Probe[] probes =
        [
            .. IntakeReads,
            // The audit log is for reviewers and administrators: the role answers before any record is looked up.
            new("GET", $"/api/intake/audit?entityType=submission&entityId={ThanhHoa.Submission}", Forbidden),
            new("PUT", $"/api/intake/submissions/monthly-4585/{Period}/thanh-hoa", NotFound, new { values = SomeValues }),
            new("POST", $"/api/intake/submissions/{ThanhHoa.Submission}/submit", NotFound),
            new("POST", $"/api/intake/submissions/{ThanhHoa.Submission}/evidence", NotFound, Probe.EvidenceUpload),
            new("DELETE", $"/api/intake/evidence/{ThanhHoa.EvidenceFile}", NotFound),
        ];

        var answers = await Probes.SendAsync(reporter, probes);

        Assert.Equal(Probes.Expected(probes), Probes.Statuses(answers));
        Assert.Empty(Probes.Leaks(answers, ThanhHoaTexts, ThanhHoaNumbers));
        // The listings are filtered, not broken: Lào Cai's own submission is there.
        Assert.Contains(platform.LaoCai.Submission.ToString(), answers.Single(a => a.Probe.Path == "/api/intake/submissions").Body, StringComparison.Ordinal);
        Assert.Contains("\"lao-cai.so-khcn\"", answers.Single(a => a.Probe.Path == $"/api/intake/overview/monthly-4585/{Period}").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_of_Lao_Cai_gets_404_for_every_Thanh_Hoa_record_in_intake_and_sees_nothing_of_it()
    {
        using var reviewer = await platform.SignInAsync("lao-cai.reviewer");
        Probe[] probes =
        [
            .. IntakeReads,
            new("GET", $"/api/intake/audit?entityType=submission&entityId={ThanhHoa.Submission}", NotFound),
            // 404 also where the record's state would answer 409 (it is approved already): its existence stays hidden.
            new("POST", $"/api/intake/submissions/{ThanhHoa.Submission}/approve", NotFound),
            new("POST", $"/api/intake/submissions/{ThanhHoa.Submission}/return", NotFound, new { reason = "Thử trả lại" }),
            new("PUT", $"/api/intake/submissions/{ThanhHoa.Submission}/reviewer-scores", NotFound, new { scores = new Dictionary<string, decimal> { ["1.1"] = 1 } }),
            new("POST", $"/api/intake/periods/monthly-4585/{Period}/reopenings", NotFound,
                new { unit = "thanh-hoa.so-khcn", until = "2026-02-10T17:00:00+07:00", reason = "Thử mở lại" }),
        ];

        var answers = await Probes.SendAsync(reviewer, probes);

        Assert.Equal(Probes.Expected(probes), Probes.Statuses(answers));
        Assert.Empty(Probes.Leaks(answers, ThanhHoaTexts, ThanhHoaNumbers));
        Assert.Contains(platform.LaoCai.Submission.ToString(), answers.Single(a => a.Probe.Path == "/api/intake/submissions").Body, StringComparison.Ordinal);
        Assert.Contains("lao-cai.so-khcn", answers.Single(a => a.Probe.Path == "/api/intake/units/export").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_and_a_reporter_of_Lao_Cai_see_only_Lao_Cai_in_monthly_scoring()
    {
        using var reviewer = await platform.SignInAsync("lao-cai.reviewer");
        using var reporter = await platform.SignInAsync("lao-cai.reporter");
        var run = platform.Run;
        Probe[] asReviewer =
        [
            new("GET", "/api/monthly-scoring/runs", Ok),
            new("GET", $"/api/monthly-scoring/runs/{run}/results", Ok),
            new("GET", $"/api/monthly-scoring/runs/{run}/results?unit=thanh-hoa", Ok),
            new("GET", $"/api/monthly-scoring/runs/{run}/units/thanh-hoa/explanation", NotFound),
            // A provisional run's file holds every province's values: national callers only.
            new("GET", $"/api/monthly-scoring/runs/{run}/export", NotFound),
            new("GET", "/api/monthly-scoring/units/thanh-hoa/history?peerGroup=provinces", NotFound),
            new("GET", $"/api/monthly-scoring/periods/{Period}/missing?peerGroup=provinces", Ok),
            new("GET", $"/api/monthly-scoring/bonuses?period={Period}", Ok),
        ];
        Probe[] asReporter =
        [
            new("GET", $"/api/monthly-scoring/bonuses?period={Period}", Ok),
            new("POST", "/api/monthly-scoring/bonuses", NotFound, new { unit = "thanh-hoa", period = Period, justification = "Đề xuất thay" }),
            // Runs are for reviewers, leaders, publishers: the role answers first.
            new("GET", $"/api/monthly-scoring/runs/{run}/results", Forbidden),
        ];

        var answers = (await Probes.SendAsync(reviewer, asReviewer)).Concat(await Probes.SendAsync(reporter, asReporter)).ToList();

        Assert.Equal(Probes.Expected([.. asReviewer, .. asReporter]), Probes.Statuses(answers));
        Assert.Empty(Probes.Leaks(answers, ThanhHoaTexts, ThanhHoaNumbers));
        var results = JsonDocument.Parse(answers[1].Body).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("unit").GetString());
        Assert.Equal(["lao-cai"], results);
        Assert.Contains("\"lao-cai\"", answers.Single(a => a.Probe.Path.Contains("/missing", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
        Assert.Contains(platform.LaoCai.Bonus.ToString(), answers[7].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bonus_approver_of_Lao_Cai_neither_sees_nor_decides_Thanh_Hoa_proposals()
    {
        using var approver = await platform.SignInAsync("lao-cai.bonus-approver");
        Probe[] probes =
        [
            new("GET", $"/api/monthly-scoring/bonuses?period={Period}", Ok),
            // Decisions are national (seed 001): a province's committee is refused before any proposal is looked up,
            // for Thanh Hóa's proposal as for Lào Cai's own.
            new("POST", $"/api/monthly-scoring/bonuses/{ThanhHoa.Bonus}/reject", Forbidden, new { reason = "Thử từ chối", basis = "Thử" }),
            new("POST", $"/api/monthly-scoring/bonuses/{ThanhHoa.Bonus}/approve", Forbidden, new { points = 5, basis = "Thử" }),
            new("POST", $"/api/monthly-scoring/bonuses/{platform.LaoCai.Bonus}/approve", Forbidden, new { points = 5, basis = "Thử" }),
        ];

        var answers = await Probes.SendAsync(approver, probes);

        Assert.Equal(Probes.Expected(probes), Probes.Statuses(answers));
        Assert.Empty(Probes.Leaks(answers, ThanhHoaTexts, ThanhHoaNumbers));
        Assert.Contains(platform.LaoCai.Bonus.ToString(), answers[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_leak_check_finds_Thanh_Hoa_in_what_Thanh_Hoa_itself_is_shown()
    {
        // The control: the same probes as Thanh Hóa's reviewer succeed, and the check spots names, values and texts in them.
        using var reviewer = await platform.SignInAsync("thanh-hoa.reviewer");
        Probe[] probes =
        [
            new("GET", "/api/intake/units/thanh-hoa.so-khcn", Ok),
            new("GET", $"/api/intake/submissions/{ThanhHoa.Submission}", Ok),
            new("GET", $"/api/monthly-scoring/bonuses?period={Period}", Ok),
        ];

        var answers = await Probes.SendAsync(reviewer, probes);

        Assert.Equal(Probes.Expected(probes), Probes.Statuses(answers));
        var leaks = Probes.Leaks(answers, ThanhHoaTexts, ThanhHoaNumbers);
        Assert.Contains(leaks, l => l.StartsWith($"{probes[0]} gives away 'Thanh Hóa'", StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.StartsWith($"{probes[1]} gives away the value 4217", StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.StartsWith($"{probes[1]} gives away '{ThanhHoaComment}'", StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.StartsWith($"{probes[2]} gives away '{ThanhHoaJustification}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reviewer_and_a_reporter_of_Lao_Cai_get_404_for_Thanh_Hoa_in_the_reports_and_see_nothing_of_it()
    {
        using var reviewer = await platform.SignInAsync("lao-cai.reviewer");
        using var reporter = await platform.SignInAsync("lao-cai.reporter");
        Probe[] asReviewer =
        [
            new("GET", $"/api/reporting/compliance/monthly-4585/{Period}", Ok),
            new("GET", $"/api/reporting/compliance/monthly-4585/{Period}?unit=thanh-hoa", NotFound),
            new("GET", $"/api/reporting/compliance/monthly-4585/{Period}?unit=thanh-hoa.so-khcn", NotFound),
            new("GET", $"/api/reporting/compliance/monthly-4585/{Period}/by-unit", Ok),
            new("GET", $"/api/reporting/compliance/monthly-4585/{Period}/by-unit?unit=thanh-hoa", NotFound),
            new("GET", $"/api/reporting/compliance/monthly-4585/{Period}/export?format=csv&unit=thanh-hoa", NotFound),
            new("GET", "/api/reporting/compliance/monthly-4585/trend", Ok),
            new("GET", "/api/reporting/compliance/monthly-4585/trend?unit=thanh-hoa", NotFound),
            new("GET", $"/api/reporting/scorecards/monthly-4585/{Period}/thanh-hoa", NotFound),
            new("GET", "/api/reporting/dashboards/units/thanh-hoa", NotFound),
            new("GET", "/api/reporting/dashboards/leaders", Ok),
            new("GET", "/api/reporting/dashboards/leaders?unit=thanh-hoa", NotFound),
            new("GET", "/api/reporting/nq57/2026?unit=thanh-hoa", NotFound),
            // Rebuilding the read models is the national administrator's.
            new("POST", "/api/reporting/admin/rebuild", Forbidden),
        ];
        Probe[] asReporter =
        [
            // Compliance is for reviewers, leaders, publishers and administrators: the role answers first.
            new("GET", $"/api/reporting/compliance/monthly-4585/{Period}?unit=thanh-hoa", Forbidden),
            new("GET", $"/api/reporting/scorecards/monthly-4585/{Period}/thanh-hoa", NotFound),
            new("GET", "/api/reporting/dashboards/units/thanh-hoa", NotFound),
        ];

        var answers = (await Probes.SendAsync(reviewer, asReviewer)).Concat(await Probes.SendAsync(reporter, asReporter)).ToList();

        Assert.Equal(Probes.Expected([.. asReviewer, .. asReporter]), Probes.Statuses(answers));
        Assert.Empty(Probes.Leaks(answers, ThanhHoaTexts, ThanhHoaNumbers));
    }

    [Fact]
    public async Task A_source_system_of_Lao_Cai_with_its_own_token_reaches_nothing_of_Thanh_Hoa()
    {
        using var machine = await platform.MachineClientAsync();
        Probe[] probes =
        [
            new("POST", "/api/intake/machine/submissions", NotFound,
                new { framework = "monthly-4585", period = Period, targetUnit = "thanh-hoa", values = SomeValues, submit = true }),
            new("GET", $"/api/intake/submissions/{ThanhHoa.Submission}", NotFound),
            new("GET", "/api/intake/submissions", Ok),
            new("GET", $"/api/intake/evidence/{ThanhHoa.EvidenceFile}", NotFound),
            new("GET", "/api/intake/units/thanh-hoa", NotFound),
            new("GET", "/api/intake/assignments?targetUnit=thanh-hoa", Ok),
            new("GET", $"/api/monthly-scoring/bonuses?period={Period}", Ok),
            new("POST", "/api/monthly-scoring/bonuses", NotFound, new { unit = "thanh-hoa", period = Period, justification = "Đề xuất thay" }),
        ];

        var answers = await Probes.SendAsync(machine, probes);

        Assert.Equal(Probes.Expected(probes), Probes.Statuses(answers));
        Assert.Empty(Probes.Leaks(answers, ThanhHoaTexts, ThanhHoaNumbers));
        Assert.Contains(platform.LaoCai.Submission.ToString(), answers[2].Body, StringComparison.Ordinal);
    }
}
