using System.Net;
using System.Net.Http.Json;
using Platform.Intake.Assignments;
using Platform.Intake.Submissions;
using Platform.Intake.Tests.Submissions;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;
using Platform.Intake.Http;

namespace Platform.Intake.Tests.Assignments;

/// <summary>
/// The one rule (<see cref="ReportingRights"/>): a unit creates and submits only what it may hand in — its assigned
/// inputs, or everything for a target in its subtree that nobody is assigned.
/// </summary>
public sealed class ReportingRightsTests(PlatformInfrastructure infrastructure)
{
    private static readonly TestUser ProvinceReporter = new("lao-cai.reporter", [PlatformRoles.Reporter], OrgUnit: "lao-cai");
    private static readonly TestUser FinanceMinistry = new("btc.reporter", [PlatformRoles.Reporter], OrgUnit: "btc");
    private static readonly TestUser NationalReviewer = new("tw-tham-dinh", [PlatformRoles.Reviewer], OrgUnit: "vn");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A whole month of monthly-4585, every input, values that pass the cross-field checks.</summary>
    public static readonly Dictionary<string, object> WholeMonth = new()
    {
        ["A.due"] = 12, ["A.backlog"] = 1, ["A.onTime"] = 10, ["A.late"] = 2,
        ["B.B1"] = 17, ["B.B2"] = 18.5, ["B.B3"] = 20, ["B.B4"] = 16, ["B.B5"] = 21,
        ["C1.records"] = 125000, ["C2.transactions"] = 48000, ["D1.accepted"] = 3, ["D1.total"] = 5, ["D2.rate"] = 0.42,
        ["E1.attended"] = 2, ["E1.held"] = 2, ["E2.speeches"] = 1, ["E2.reports"] = 0, ["E3.onTime"] = true, ["E3.completion"] = 1,
    };

    [Fact]
    public async Task A_province_account_may_not_create_a_draft_of_inputs_its_agencies_own_and_is_told_who_owns_them()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "rightprov");
        using var province = host.Client(ProvinceReporter);

        var refused = await province.PutDraftAsync(new Dictionary<string, object> { ["D2.rate"] = 0.5 }, targetUnit: "lao-cai");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Equal("Không được giao báo cáo", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("Sở Tài chính tỉnh Lào Cai (D2)", detail, StringComparison.Ordinal);
        Assert.Contains("Sở Khoa học và Công nghệ tỉnh Lào Cai (A, D1, E3)", detail, StringComparison.Ordinal);
        Assert.Contains("Trung tâm Phục vụ hành chính công tỉnh Lào Cai (B)", detail, StringComparison.Ordinal);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        var stored = await reviewer.GetFromJsonAsync<Paged<SubmissionView>>("/api/intake/submissions?targetUnit=lao-cai", SubmissionCalls.Json, Ct);
        Assert.Equal(0, stored!.Total);
    }

    [Fact]
    public async Task An_agency_is_refused_another_agencys_input_and_told_which_agency_reports_it()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "rightkey");
        using var finance = host.Client(SubmissionsHost.OtherReporter);

        var refused = await finance.PutDraftAsync(new Dictionary<string, object> { ["D2.rate"] = 0.4, ["B.B1"] = 12 }, targetUnit: "lao-cai");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ProblemAsync()).GetProperty("errors");
        Assert.Equal(
            "Công khai, minh bạch (Quyết định 766): chỉ số này không được giao cho đơn vị của bạn báo cáo cho Tỉnh Lào Cai; chỉ số này do Trung tâm Phục vụ hành chính công tỉnh Lào Cai báo cáo.",
            errors.GetProperty("B.B1")[0].GetString());
        Assert.False(errors.TryGetProperty("D2.rate", out _));
    }

    [Fact]
    public async Task A_ministry_reports_its_whole_month_to_the_national_level_and_the_national_reviewer_approves_it()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "rightmin");
        // 10:00 on 4 February in Vietnam: past the agencies' 3rd, before the national 5th.
        host.Time.SetUtcNow(new DateTimeOffset(2026, 2, 4, 3, 0, 0, TimeSpan.Zero));
        using var ministry = host.Client(FinanceMinistry);
        using var national = host.Client(NationalReviewer);

        var owed = await ministry.GetFromJsonAsync<OwedInputs>("/api/intake/assignments/mine?framework=monthly-4585&period=2026-01", SubmissionCalls.Json, Ct);
        var draft = await ministry.PutDraftAsync(WholeMonth, targetUnit: "btc");
        var submitted = await (await ministry.ActAsync((await draft.ReadAsync()).Id, "submit")).ReadAsync();
        var approved = await (await national.ActAsync(submitted.Id, "approve")).ReadAsync();

        Assert.Equal(20, owed!.Inputs.Count);
        Assert.All(owed.Inputs, i => Assert.Equal(("btc", "Bộ Tài chính", "05/02/2026 00:00", AssignmentRoles.Lead), (i.TargetUnit, i.TargetName, i.DueAtVietnam, i.Role)));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        Assert.False(submitted.Late);
        Assert.Equal((SubmissionStates.Approved, "btc", "btc"), (approved.State, approved.ReportingUnit, approved.TargetUnit));
        Assert.Contains(await host.OutboxAsync("SubmissionApproved"), body => body.Contains(submitted.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draft_whose_assignment_has_since_been_closed_can_no_longer_be_submitted()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "rightclosed");
        using var finance = host.Client(SubmissionsHost.OtherReporter);
        using var admin = host.Client(AssignmentCalls.LaoCaiAdmin);
        var draft = await (await finance.PutDraftAsync(new Dictionary<string, object> { ["D2.rate"] = 0.4 }, targetUnit: "lao-cai")).ReadAsync();
        var assignment = (await admin.AssignmentsAsync("framework=monthly-4585&reportingUnit=lao-cai.so-tc")).Single();

        var closed = await admin.PostAsJsonAsync($"/api/intake/assignments/{assignment.Id}/close",
            new { validTo = "2026-02-02", reason = "Chuyển chỉ tiêu D2 sang đơn vị khác" }, Ct);
        var submit = await finance.ActAsync(draft.Id, "submit");

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Contains("không còn được giao báo cáo", (await submit.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        var stored = await reviewer.GetFromJsonAsync<SubmissionView>($"/api/intake/submissions/{draft.Id}", SubmissionCalls.Json, Ct);
        Assert.Equal(SubmissionStates.Draft, stored!.State);
    }
}
