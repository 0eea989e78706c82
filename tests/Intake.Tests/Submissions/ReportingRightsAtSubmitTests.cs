using System.Net;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Submissions;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Submissions;

/// <summary>
/// Handing in obeys the rule saving a draft does (ReportingRights): Sở KHCN reports A, D1 and E3 for the province under an
/// assignment; when that assignment is narrowed or ends after the draft was saved, the draft is no longer handed in.
/// </summary>
public sealed class ReportingRightsAtSubmitTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inputs_the_assignment_no_longer_gives_are_refused_at_submit_by_label_with_the_value_problems()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "rightsnarrowed");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await (await reporter.PutDraftAsync(new Dictionary<string, object> { ["A.due"] = 10, ["A.onTime"] = 8, ["D1.total"] = 4 }, targetUnit: "lao-cai")).ReadAsync();
        await using (var db = host.Db())
        {
            var assignment = await db.Assignments.SingleAsync(a => a.FrameworkId == SubmissionsHost.Framework && a.ReportingUnit == "lao-cai.so-khcn" && a.TargetUnit == "lao-cai", Ct);
            assignment.Reassign(null, ["D1.accepted", "D1.total", "E3.onTime", "E3.completion"]);
            await db.SaveChangesAsync(Ct);
        }

        var response = await reporter.ActAsync(draft.Id, "submit");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.Equal(["A.due", "A.onTime"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Số nhiệm vụ đến hạn trong tháng (Hệ thống 57): chỉ số này không được giao cho đơn vị của bạn báo cáo cho Tỉnh Lào Cai; chưa đơn vị nào được giao chỉ số này.",
            errors.GetProperty("A.due")[0].GetString());
        var stored = await (await reporter.GetAsync($"/api/intake/submissions/{draft.Id}", Ct)).ReadAsync();
        Assert.Equal((SubmissionStates.Draft, draft.Version), (stored.State, stored.Version));
    }

    [Fact]
    public async Task A_draft_for_a_target_the_unit_may_no_longer_report_on_is_refused_at_submit()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "rightsclosed");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await (await reporter.PutDraftAsync(new Dictionary<string, object> { ["A.due"] = 10 }, targetUnit: "lao-cai")).ReadAsync();
        await using (var db = host.Db())
        {
            var assignment = await db.Assignments.SingleAsync(a => a.FrameworkId == SubmissionsHost.Framework && a.ReportingUnit == "lao-cai.so-khcn" && a.TargetUnit == "lao-cai", Ct);
            // It ends today (exclusive): no longer in force.
            assignment.Close(DateOnly.FromDateTime(SubmissionsHost.Now.ToOffset(TimeSpan.FromHours(7)).Date));
            await db.SaveChangesAsync(Ct);
        }

        var response = await reporter.ActAsync(draft.Id, "submit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("không còn được giao báo cáo khung này cho", (await response.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await host.OutboxAsync("SubmissionSubmitted"));
    }

    [Fact]
    public async Task The_form_names_an_input_it_may_not_save_by_its_label()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "rightsform");
        using var reporter = host.Client(SubmissionsHost.Reporter);

        var response = await reporter.PutDraftAsync(new Dictionary<string, object> { ["B.B1"] = 12 }, targetUnit: "lao-cai");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Công khai, minh bạch (Quyết định 766): chỉ số này không được giao cho đơn vị của bạn báo cáo cho Tỉnh Lào Cai; chỉ số này do Trung tâm Phục vụ hành chính công tỉnh Lào Cai báo cáo.",
            (await response.ProblemAsync()).GetProperty("errors").GetProperty("B.B1")[0].GetString());
        await using var db = host.Db();
        Assert.Equal(0, await db.Submissions.CountAsync(Ct));
    }
}
