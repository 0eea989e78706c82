using System.Net;
using System.Net.Http.Json;
using Platform.Intake.Assignments;
using Platform.Intake.Overview;
using Platform.Intake.Submissions;
using Platform.Intake.Tests.Assignments;
using Platform.Intake.Tests.Submissions;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Intake.Tests.Overview;

/// <summary>A province's (and a ministry's) monthly picture: who owes what, who has submitted, whom to contact — and for whom.</summary>
public sealed class OverviewTests(PlatformInfrastructure infrastructure)
{
    private const string January = "/api/intake/overview/monthly-4585/2026-01";

    private static readonly TestUser Finance = new("lao-cai.so-tc.reporter", [PlatformRoles.Reporter], OrgUnit: "lao-cai.so-tc")
    {
        Name = "Nguyễn Thị Hoa", Email = "hoa.nt@stc.laocai.gov.vn",
    };

    private static readonly TestUser FinanceLeader = new("lao-cai.so-tc.leader", [PlatformRoles.Leader], OrgUnit: "lao-cai.so-tc")
    {
        Name = "Trần Văn Bình", Email = "binh.tv@stc.laocai.gov.vn",
    };

    private static readonly TestUser Science = new("lao-cai.so-khcn.reporter", [PlatformRoles.Reporter], OrgUnit: "lao-cai.so-khcn")
    {
        Name = "Lê Minh Tâm", Email = "tam.lm@skhcn.laocai.gov.vn",
    };

    private static readonly TestUser ProvinceLeader = new("lao-cai.leader", [PlatformRoles.Leader], OrgUnit: "lao-cai");
    private static readonly TestUser ThanhHoaLeader = new("thanh-hoa.leader", [PlatformRoles.Leader], OrgUnit: "thanh-hoa");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_province_sees_every_input_its_owner_the_state_deadline_and_whom_to_contact()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "overview");
        using var finance = host.Client(Finance);
        using var science = host.Client(Science);
        using var financeLeader = host.Client(FinanceLeader);
        // The leader of the Department of Finance has opened "Việc của tôi" once: intake now knows them.
        (await financeLeader.GetAsync("/api/intake/assignments/mine/open", Ct)).EnsureSuccessStatusCode();
        var submitted = await finance.SubmittedAsync(new Dictionary<string, object> { ["D2.rate"] = 0.42 }, targetUnit: "lao-cai");
        await science.PutDraftAsync(new Dictionary<string, object> { ["A.due"] = 10 }, targetUnit: "lao-cai");
        // Past the agencies' deadline (before 3 February): 10:00 on 4 February, Vietnam time.
        host.Time.SetUtcNow(new DateTimeOffset(2026, 2, 4, 3, 0, 0, TimeSpan.Zero));

        using var province = host.Client(ProvinceLeader);
        var overview = await province.GetFromJsonAsync<ReportingOverview>(January, SubmissionCalls.Json, Ct);

        Assert.Equal(("lao-cai", "Tỉnh Lào Cai", 20), (overview!.Unit, overview.UnitName, overview.Inputs.Count));
        Assert.All(overview.Inputs, i => Assert.Single(i.Owners));
        Assert.Equal(["lao-cai.tt-pvhcc"], overview.Inputs.Single(i => i.Key == "B.B3").Owners);
        Assert.Equal(
            [
                ("lao-cai.so-khcn", SubmissionStates.Draft, true, "quá hạn 1 ngày"),
                ("lao-cai.tt-pvhcc", WhatIOwe.NotStarted, true, "quá hạn 1 ngày"),
                ("lao-cai.cong-an", WhatIOwe.NotStarted, true, "quá hạn 1 ngày"),
                ("lao-cai.tt-cntt", WhatIOwe.NotStarted, true, "quá hạn 1 ngày"),
                ("lao-cai.so-tc", SubmissionStates.Submitted, false, null),
                ("lao-cai.vp-ubnd", WhatIOwe.NotStarted, true, "quá hạn 1 ngày"),
            ],
            overview.Reports.Select(r => (r.ReportingUnit, r.Status, r.Overdue, r.OverdueText)));
        var d2 = overview.Reports.Single(r => r.ReportingUnit == "lao-cai.so-tc");
        Assert.Equal(("Sở Tài chính tỉnh Lào Cai", AssignmentRoles.Lead, "03/02/2026 00:00", submitted.Id, false),
            (d2.ReportingUnitName, d2.Role, d2.DueAtVietnam, d2.SubmissionId, d2.Late));
        Assert.Equal(["D2.rate"], d2.InputKeys);
        Assert.Equal(new DateTimeOffset(2026, 2, 2, 3, 0, 0, TimeSpan.Zero), d2.SubmittedAt);
        Assert.Equal(("Nguyễn Thị Hoa", "hoa.nt@stc.laocai.gov.vn"), (d2.SubmittedBy!.Name, d2.SubmittedBy.Email));
        Assert.Equal(
            [("Nguyễn Thị Hoa", "hoa.nt@stc.laocai.gov.vn", "submitted"), ("Trần Văn Bình", "binh.tv@stc.laocai.gov.vn", "leader")],
            d2.Contacts.Select(c => (c.Name, c.Email, c.Relation)));
        var a = overview.Reports[0];
        Assert.Equal(("Lê Minh Tâm", "saved-last"), (a.LastSavedBy!.Name, a.LastSavedBy.Relation));
        Assert.Null(a.SubmittedBy);
        Assert.Empty(overview.Reports.Single(r => r.ReportingUnit == "lao-cai.cong-an").Contacts);
        Assert.Equal(new Dictionary<string, int> { ["draft"] = 1, ["not-started"] = 4, ["submitted"] = 1 }, overview.Counts);
    }

    [Fact]
    public async Task A_province_cannot_see_another_provinces_picture_nor_a_department_its_provinces()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "overviewscope");
        using var thanhHoa = host.Client(ThanhHoaLeader);
        using var finance = host.Client(Finance);
        using var laoCai = host.Client(ProvinceLeader);

        var foreign = await thanhHoa.GetAsync(January + "?unit=lao-cai", Ct);
        var upward = await finance.GetAsync(January + "?unit=lao-cai", Ct);
        var own = await thanhHoa.GetFromJsonAsync<ReportingOverview>(January, SubmissionCalls.Json, Ct);
        var ownDepartment = await finance.GetFromJsonAsync<ReportingOverview>(January, SubmissionCalls.Json, Ct);
        var invalid = await laoCai.GetAsync("/api/intake/overview/monthly-4585/2026-13", Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var body = await foreign.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Lào Cai", body, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy đơn vị 'lao-cai' trong phạm vi của bạn.", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, upward.StatusCode);
        Assert.Equal("thanh-hoa", own!.Unit);
        Assert.All(own.Reports, r => Assert.StartsWith("thanh-hoa.", r.ReportingUnit, StringComparison.Ordinal));
        // Nobody is assigned monthly-4585 for the department itself: every input unassigned, no report yet.
        Assert.Equal(("lao-cai.so-tc", 0), (ownDepartment!.Unit, ownDepartment.Reports.Count));
        Assert.All(ownDepartment.Inputs, i => Assert.Empty(i.Owners));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task The_national_level_reads_a_ministrys_picture_and_the_ministry_its_own()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "overviewmin");
        var ministryReporter = new TestUser("btc.reporter", [PlatformRoles.Reporter], OrgUnit: "btc") { Name = "Phạm Thu Hà", Email = "ha.pt@mof.gov.vn" };
        using var ministry = host.Client(ministryReporter);
        await ministry.SubmittedAsync(ReportingRightsTests.WholeMonth, targetUnit: "btc");

        using var national = host.Client(new TestUser("tw-tham-dinh", [PlatformRoles.Reviewer], OrgUnit: "vn"));
        var fromAbove = await national.GetFromJsonAsync<ReportingOverview>(January + "?unit=btc", SubmissionCalls.Json, Ct);
        using var leader = host.Client(new TestUser("btc.leader", [PlatformRoles.Leader], OrgUnit: "btc"));
        var own = await leader.GetFromJsonAsync<ReportingOverview>(January, SubmissionCalls.Json, Ct);

        foreach (var overview in new[] { fromAbove!, own! })
        {
            var report = Assert.Single(overview.Reports);
            Assert.Equal(("btc", "Bộ Tài chính", SubmissionStates.Submitted, "to-national", "05/02/2026 00:00", 20),
                (report.ReportingUnit, report.ReportingUnitName, report.Status, report.Level, report.DueAtVietnam, report.InputKeys.Count));
            Assert.Equal("Phạm Thu Hà", report.SubmittedBy!.Name);
        }
    }
}
