using System.Net;
using System.Net.Http.Json;
using Platform.Intake.Audit;
using Platform.Intake.Tests.Assignments;
using Platform.Intake.Tests.Submissions;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;
using Platform.Intake.Http;

namespace Platform.Intake.Tests.Audit;

public sealed class AuditReadTests(PlatformInfrastructure infrastructure)
{
    private static readonly Dictionary<string, object> Values = SubmissionWorkflowTests.Values;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> AuditAsync(HttpClient client, string query) => client.GetAsync("/api/intake/audit" + query, Ct);

    private static async Task<Paged<AuditLine>> LinesAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<Paged<AuditLine>>(SubmissionCalls.Json, Ct))!;
    }

    [Fact]
    public async Task A_reviewer_reads_the_lines_of_a_submission_it_may_see_and_another_province_gets_404()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "auditsub");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        using var foreign = host.Client(SubmissionsHost.ThanhHoaReviewer);
        var draft = await (await reporter.PutDraftAsync(Values)).ReadAsync();
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await (await reporter.ActAsync(draft.Id, "submit")).ReadAsync();
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await (await reviewer.ActAsync(draft.Id, "approve")).ReadAsync();

        var lines = await LinesAsync(await AuditAsync(reviewer, $"?entityType=submission&entityId={draft.Id}"));
        var paged = await LinesAsync(await AuditAsync(reviewer, $"?entityType=submission&entityId={draft.Id}&page=2&pageSize=2"));
        var byForeign = await AuditAsync(foreign, $"?entityType=submission&entityId={draft.Id}");
        var byReporter = await AuditAsync(reporter, $"?entityType=submission&entityId={draft.Id}");

        // Oldest first; the draft's "created" and "edited" lines share one instant, so their order is not asserted.
        Assert.Equal(["created", "edited"], lines.Items.Take(2).Select(l => l.Action).Order(StringComparer.Ordinal));
        Assert.Equal(["submitted", "approved"], lines.Items.Skip(2).Select(l => l.Action));
        Assert.Equal(SubmissionsHost.Reviewer.Subject, lines.Items[^1].By);
        Assert.Equal(4, paged.Total);
        Assert.Equal(["submitted", "approved"], paged.Items.Select(l => l.Action));
        Assert.Equal(HttpStatusCode.NotFound, byForeign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);
    }

    [Fact]
    public async Task Assignment_lines_are_for_administrators_of_its_subtree_only()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "auditassign");
        using var admin = host.Client(AssignmentCalls.LaoCaiAdmin);
        using var foreignAdmin = host.Client(AssignmentCalls.ThanhHoaAdmin);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        var cntt = (await admin.AssignmentsAsync("framework=monthly-4585")).Single(a => a.ReportingUnit == "lao-cai.tt-cntt");
        await (await admin.EditAssignmentAsync(cntt, new { reportingUnit = "lao-cai.so-yt" })).ReadAssignmentAsync();

        var lines = await LinesAsync(await AuditAsync(admin, $"?entityType=assignment&entityId={cntt.Id}"));
        var byForeign = await AuditAsync(foreignAdmin, $"?entityType=assignment&entityId={cntt.Id}");
        var byReviewer = await AuditAsync(reviewer, $"?entityType=assignment&entityId={cntt.Id}");
        var noType = await AuditAsync(admin, "");
        var everything = await AuditAsync(admin, "?entityType=assignment");

        var line = Assert.Single(lines.Items);
        Assert.Equal(("edited", AssignmentCalls.LaoCaiAdmin.Subject, "lao-cai.tt-cntt: C2.transactions → lao-cai.so-yt: C2.transactions"), (line.Action, line.By, line.Detail));
        Assert.Equal(HttpStatusCode.NotFound, byForeign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.True((await noType.ProblemAsync()).GetProperty("errors").TryGetProperty("entityType", out _));
        // Without an id the lines cannot be scoped to a subtree: only the platform administrator may list them.
        Assert.Equal(HttpStatusCode.BadRequest, everything.StatusCode);
        using var platformAdmin = host.Client(new TestUser("quan-tri.nen-tang", [PlatformRoles.PlatformAdmin], OrgUnit: "vn"));
        Assert.Equal(1, (await LinesAsync(await AuditAsync(platformAdmin, "?entityType=assignment"))).Total);
    }
}
