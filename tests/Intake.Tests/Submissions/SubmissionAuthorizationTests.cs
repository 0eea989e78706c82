using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Intake.Submissions;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;
using Platform.Intake.Http;

namespace Platform.Intake.Tests.Submissions;

public sealed class SubmissionAuthorizationTests(PlatformInfrastructure infrastructure)
{
    private static readonly Dictionary<string, object> Values = SubmissionWorkflowTests.Values;

    [Fact]
    public async Task Without_a_token_every_route_answers_401()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "anonymous");
        using var anonymous = host.Client(null);

        var list = await anonymous.GetAsync("/api/intake/submissions", TestContext.Current.CancellationToken);
        var put = await anonymous.PutDraftAsync(Values);
        var approve = await anonymous.ActAsync(Guid.NewGuid(), "approve");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], [list.StatusCode, put.StatusCode, approve.StatusCode]);
    }

    [Fact]
    public async Task A_reporter_cannot_approve_and_a_reviewer_cannot_approve_what_they_submitted()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "selfapproval");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var both = host.Client(SubmissionsHost.ReporterAndReviewer);
        var byReporter = await reporter.SubmittedAsync(Values);
        // Reporting for a department of its province, as lao-cai, then trying to approve it.
        var byBoth = await both.SubmittedAsync(Values, targetUnit: "lao-cai.so-khcn");

        var reporterApproves = await reporter.ActAsync(byReporter.Id, "approve");
        var selfApproves = await both.ActAsync(byBoth.Id, "approve");
        var selfReturns = await both.ActAsync(byBoth.Id, "return", new { reason = "Tự trả lại" });

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [reporterApproves.StatusCode, selfApproves.StatusCode, selfReturns.StatusCode]);
        Assert.Contains("chính mình", (await selfApproves.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await host.OutboxAsync(nameof(SubmissionApproved)));
    }

    [Fact]
    public async Task Another_province_sees_no_trace_of_a_submission()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "crossprovince");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var foreign = host.Client(SubmissionsHost.ThanhHoaReviewer);
        var submitted = await reporter.SubmittedAsync(Values);

        var get = await foreign.GetAsync($"/api/intake/submissions/{submitted.Id}", TestContext.Current.CancellationToken);
        var approve = await foreign.ActAsync(submitted.Id, "approve");
        var returned = await foreign.ActAsync(submitted.Id, "return", new { reason = "Thử" });
        var list = await foreign.GetFromJsonAsync<Paged<SubmissionView>>("/api/intake/submissions", SubmissionCalls.Json, TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], [get.StatusCode, approve.StatusCode, returned.StatusCode]);
        Assert.Equal("Không tìm thấy", (await get.ProblemAsync()).GetProperty("title").GetString());
        Assert.Equal(0, list!.Total);
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task A_reporter_cannot_report_for_a_unit_outside_its_subtree()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "outside");
        using var reporter = host.Client(SubmissionsHost.Reporter);

        // Sở Y tế has no assignment for the province (Sở KHCN's is covered in AssignmentTests).
        using var health = host.Client(new TestUser("bao-cao.so-yt.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai.so-yt"));
        var province = await health.PutDraftAsync(Values, targetUnit: "lao-cai");
        var foreign = await reporter.PutDraftAsync(Values, targetUnit: "thanh-hoa.so-khcn");
        var own = await reporter.PutDraftAsync(Values, targetUnit: "lao-cai.tt-cntt");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Created], [province.StatusCode, foreign.StatusCode, own.StatusCode]);
    }

    [Fact]
    public async Task The_listing_shows_only_the_callers_subtree()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "listing");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var otherReporter = host.Client(SubmissionsHost.OtherReporter);
        using var thanhHoaReporter = host.Client(SubmissionsHost.ThanhHoaReporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        using var thanhHoaReviewer = host.Client(SubmissionsHost.ThanhHoaReviewer);
        var khcn = await reporter.SubmittedAsync(Values);
        var draft = await (await reporter.PutDraftAsync(Values, targetUnit: "lao-cai.tt-cntt")).ReadAsync();
        var tc = await (await otherReporter.PutDraftAsync(new Dictionary<string, object> { ["D2.rate"] = 0.4m }, targetUnit: "lao-cai.so-tc")).ReadAsync();
        var thanhHoa = await thanhHoaReporter.SubmittedAsync(Values, targetUnit: "thanh-hoa.so-khcn");

        async Task<List<Guid>> Ids(HttpClient client, string query = "") =>
            (await client.GetFromJsonAsync<Paged<SubmissionView>>("/api/intake/submissions" + query, SubmissionCalls.Json, TestContext.Current.CancellationToken))!
                .Items.Select(s => s.Id).Order().ToList();

        Assert.Equal(new[] { khcn.Id, draft.Id, tc.Id }.Order(), await Ids(reviewer));
        Assert.Equal([khcn.Id], await Ids(reviewer, $"?framework=monthly-4585&period=2026-01&state=submitted"));
        Assert.Equal(new[] { khcn.Id, draft.Id }.Order(), await Ids(reporter));
        Assert.Equal([tc.Id], await Ids(otherReporter));
        Assert.Equal([thanhHoa.Id], await Ids(thanhHoaReviewer));
        // Unit filters narrow what the caller sees (the review page's "last month" lookup); a foreign unit matches nothing.
        Assert.Equal([tc.Id], await Ids(reviewer, "?reportingUnit=lao-cai.so-tc"));
        Assert.Equal([draft.Id], await Ids(reviewer, "?framework=monthly-4585&period=2026-01&reportingUnit=lao-cai.so-khcn&targetUnit=lao-cai.tt-cntt"));
        Assert.Empty(await Ids(reviewer, "?targetUnit=thanh-hoa.so-khcn"));
        Assert.Empty(await Ids(reviewer, "?period=2025-12&reportingUnit=lao-cai.so-khcn"));
        Assert.Equal([thanhHoa.Id], await Ids(thanhHoaReviewer, "?targetUnit=thanh-hoa.so-khcn"));
        var badState = await reviewer.GetAsync("/api/intake/submissions?state=xong", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);

        // Pages of two, newest period first: the reviewer's three submissions span two pages.
        var first = await reviewer.GetFromJsonAsync<Paged<SubmissionView>>("/api/intake/submissions?page=1&pageSize=2", SubmissionCalls.Json, TestContext.Current.CancellationToken);
        var second = await reviewer.GetFromJsonAsync<Paged<SubmissionView>>("/api/intake/submissions?page=2&pageSize=2", SubmissionCalls.Json, TestContext.Current.CancellationToken);
        Assert.Equal((3, 1, 2, 2), (first!.Total, first.Page, first.PageSize, first.Items.Count));
        Assert.Equal((3, 2, 1), (second!.Total, second.Page, second.Items.Count));
        Assert.Equal(new[] { khcn.Id, draft.Id, tc.Id }.Order(), first.Items.Concat(second.Items).Select(s => s.Id).Order());
        var tooLarge = await reviewer.GetAsync("/api/intake/submissions?pageSize=501", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.True((await tooLarge.ProblemAsync()).GetProperty("errors").TryGetProperty("pageSize", out _));
    }
}
