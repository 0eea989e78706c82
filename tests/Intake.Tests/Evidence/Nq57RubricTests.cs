using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Intake.Data;
using Platform.Intake.Rubric;
using Platform.Intake.Submissions;
using Platform.Intake.Tests.Submissions;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Intake.Tests.Evidence;

/// <summary>
/// The nq57-self-2026 rubric (seed 003) as xã Như Thanh fills it in for itself, on 18/06/2026 at 10:00 Vietnam time
/// (before the 09:00 19/06/2026 deadline); Thanh Hóa's reviewer decides it.
/// </summary>
public sealed class Nq57RubricTests(PlatformInfrastructure infrastructure)
{
    private const string Framework = "nq57-self-2026";
    private const string Period = "2026";
    private const string Commune = "thanh-hoa.nhu-thanh";
    private static readonly TestUser CommuneReporter = new("bao-cao.nhu-thanh", [PlatformRoles.Reporter], OrgUnit: Commune);

    /// <summary>A.I.1.1 "full" → 1,5; A.I.2.1 96% (> 95%) → 3; A.III.2.2 "partial" → discretionary up to 1: 0 and needs-review.</summary>
    private static readonly Dictionary<string, object> Values = new()
    {
        ["A.I.1.1"] = "full",
        ["A.I.2.1"] = 0.96m,
        ["A.III.2.2"] = "partial",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(ServiceHost<Program, IntakeDbContext> Host, HttpClient Reporter, SubmissionView Draft)> DraftAsync(PlatformInfrastructure infrastructure, string prefix)
    {
        var host = await SubmissionsHost.StartAsync(infrastructure, prefix);
        host.Time.SetUtcNow(new DateTimeOffset(2026, 6, 18, 3, 0, 0, TimeSpan.Zero));
        var reporter = host.Client(CommuneReporter);
        var created = await reporter.PutAsJsonAsync($"/api/intake/submissions/{Framework}/{Period}/{Commune}", new { values = Values }, Ct);
        return (host, reporter, await created.ReadAsync());
    }

    [Fact]
    public async Task Submitting_without_evidence_names_every_criterion_lacking_it_and_with_evidence_it_is_submitted()
    {
        var (host, reporter, draft) = await DraftAsync(infrastructure, "nq57evidence");
        await using var _ = host;
        using var __ = reporter;

        var refused = await reporter.ActAsync(draft.Id, "submit");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ProblemAsync()).GetProperty("errors");
        Assert.Equal(Values.Keys.Order(), errors.EnumerateObject().Select(e => e.Name).Order());
        // A.I.1.1's guidance, quoted from seed 003.
        Assert.StartsWith("Chưa đính kèm minh chứng: Quyết định, Kế hoạch, Chương trình hành động", errors.GetProperty("A.I.1.1")[0].GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await reporter.UploadAsync(draft.Id, EvidenceSamples.Pdf("kế hoạch"), "ke-hoach.pdf", "A.I.1.1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await reporter.UploadAsync(draft.Id, EvidenceSamples.Png(), "theodoinq.png", "A.I.2.1")).StatusCode);
        var stillMissing = (await (await reporter.ActAsync(draft.Id, "submit")).ProblemAsync()).GetProperty("errors");
        Assert.Equal(["A.III.2.2"], stillMissing.EnumerateObject().Select(e => e.Name));

        Assert.Equal(HttpStatusCode.Created, (await reporter.UploadAsync(draft.Id, EvidenceSamples.Docx(), "bien-ban-kiem-thu.docx", "A.III.2.2")).StatusCode);
        var submitted = await (await reporter.ActAsync(draft.Id, "submit")).ReadAsync();
        Assert.Equal(SubmissionStates.Submitted, submitted.State);
    }

    [Fact]
    public async Task Reviewer_scores_are_checked_by_the_engine_count_as_final_and_travel_with_the_approval()
    {
        var (host, reporter, draft) = await DraftAsync(infrastructure, "nq57review");
        await using var _ = host;
        using var __ = reporter;
        using var reviewer = host.Client(SubmissionsHost.ThanhHoaReviewer);
        using var foreignReviewer = host.Client(SubmissionsHost.Reviewer);
        foreach (var key in Values.Keys) await reporter.UploadAsync(draft.Id, EvidenceSamples.Pdf(key), $"{key}.pdf", key);
        var submitted = await (await reporter.ActAsync(draft.Id, "submit")).ReadAsync();
        var path = $"/api/intake/submissions/{draft.Id}/reviewer-scores";

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await reviewer.PutAsJsonAsync(path, new { scores = new { } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutScoresAsync(reviewer, path, new Dictionary<string, decimal>(), "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutScoresAsync(foreignReviewer, path, new Dictionary<string, decimal>(), submitted.ETag())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutScoresAsync(reporter, path, new Dictionary<string, decimal>(), submitted.ETag())).StatusCode);

        // A.I.1.1 max 1,5; "Z.9" no such criterion; A.III.2.2 "partial" is scored by the reviewer only up to 1.
        var invalid = await PutScoresAsync(reviewer, path, new Dictionary<string, decimal> { ["A.I.1.1"] = 2m, ["Z.9"] = 1m, ["A.III.2.2"] = 1.5m }, submitted.ETag());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ProblemAsync()).GetProperty("errors");
        Assert.Equal("Điểm thẩm định của tiêu chí A.I.1.1 phải từ 0 đến 1,5 (nhận được 2).", errors.GetProperty("A.I.1.1")[0].GetString());
        Assert.Contains("không có trong khung", errors.GetProperty("Z.9")[0].GetString(), StringComparison.Ordinal);
        // Only once the codes and ranges pass does the engine weigh the tier: A.III.2.2 alone, within [0, 2] but above 1.
        var aboveTier = await PutScoresAsync(reviewer, path, new Dictionary<string, decimal> { ["A.III.2.2"] = 1.5m }, submitted.ETag());
        Assert.Equal(HttpStatusCode.BadRequest, aboveTier.StatusCode);
        Assert.Contains("từ 0 đến 1 (nhận được 1,5)", (await aboveTier.ProblemAsync()).GetProperty("errors").GetProperty("A.III.2.2")[0].GetString(), StringComparison.Ordinal);

        // Both differ from the self score (1,5 and 0): each needs its reason, and a reason is all that is missing.
        var unexplained = await PutScoresAsync(reviewer, path, new Dictionary<string, decimal> { ["A.I.1.1"] = 0.75m, ["A.III.2.2"] = 0.8m, ["A.I.2.1"] = 3m }, submitted.ETag(),
            new Dictionary<string, string> { ["A.III.2.2"] = "  ", ["Z.9"] = "không có tiêu chí này" });
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        var reasons = (await unexplained.ProblemAsync()).GetProperty("errors");
        Assert.Equal(["A.I.1.1", "A.III.2.2", "Z.9"], reasons.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Điểm thẩm định của tiêu chí A.I.1.1 (0,75) khác điểm tự đánh giá (1,5): cần ghi nhận xét nêu lý do.", reasons.GetProperty("A.I.1.1")[0].GetString());
        Assert.Contains("không ghi được nhận xét", reasons.GetProperty("Z.9")[0].GetString(), StringComparison.Ordinal);

        var scored = await (await PutScoresAsync(reviewer, path, new Dictionary<string, decimal> { ["A.I.1.1"] = 0.75m, ["A.III.2.2"] = 0.8m }, submitted.ETag(),
            new Dictionary<string, string> { ["A.I.1.1"] = "Kế hoạch ban hành chậm 2 tháng", ["A.III.2.2"] = "2/3 đơn vị đã kết nối" })).ReadAsync();
        Assert.Equal("Kế hoạch ban hành chậm 2 tháng", scored.ReviewerComments!["A.I.1.1"]);
        Assert.Equal(submitted.Version + 1, scored.Version);
        Assert.Equal(0.75m, scored.ReviewerScores!["A.I.1.1"]);

        var assessment = (await reporter.GetFromJsonAsync<AssessmentView>($"/api/intake/submissions/{draft.Id}/assessment", SubmissionCalls.Json, Ct))!;
        var byCode = assessment.Criteria.ToDictionary(c => c.Code);
        Assert.Equal((1.5m, 0.75m, 0.75m), (byCode["A.I.1.1"].Self, byCode["A.I.1.1"].Reviewer, byCode["A.I.1.1"].Final));
        Assert.Equal((3m, (decimal?)null, 3m), (byCode["A.I.2.1"].Self, byCode["A.I.2.1"].Reviewer, byCode["A.I.2.1"].Final));
        Assert.Equal((0m, 0.8m, 0.8m), (byCode["A.III.2.2"].Self, byCode["A.III.2.2"].Reviewer, byCode["A.III.2.2"].Final));
        Assert.Contains("reviewed", byCode["A.III.2.2"].Flags);
        Assert.Contains("missing", byCode["B.I.1"].Flags);
        Assert.Equal(1, byCode["A.I.1.1"].EvidenceFiles);
        Assert.Equal(("Kế hoạch ban hành chậm 2 tháng", (string?)null), (byCode["A.I.1.1"].ReviewerComment, byCode["A.I.2.1"].ReviewerComment));
        // Self 1,5 + 3 + 0 = 4,5; final 0,75 + 3 + 0,8 = 4,55.
        Assert.Equal((4.5m, 4.55m, 100m), (assessment.SelfTotal, assessment.FinalTotal, assessment.MaxPoints));

        await (await reviewer.ActAsync(draft.Id, "approve", ifMatch: scored.ETag())).ReadAsync();
        var approval = JsonSerializer.Deserialize<SubmissionApproved>(Assert.Single(await host.OutboxAsync(nameof(SubmissionApproved))), SubmissionCalls.Json)!;
        Assert.Equal(new Dictionary<string, decimal> { ["A.I.1.1"] = 0.75m, ["A.III.2.2"] = 0.8m }, approval.ReviewerScores);
        Assert.Equal("full", approval.Values["A.I.1.1"].GetString());
        Assert.Equal(new Dictionary<string, string> { ["A.I.1.1"] = "Kế hoạch ban hành chậm 2 tháng", ["A.III.2.2"] = "2/3 đơn vị đã kết nối" }, approval.ReviewerComments);

        await using var db = host.Db();
        Assert.Equal(["reviewer-comment.A.I.1.1", "reviewer-comment.A.III.2.2", "reviewer.A.I.1.1", "reviewer.A.III.2.2"],
            (await db.SubmissionValueChanges.Where(c => c.SubmissionId == draft.Id && c.Key.StartsWith("reviewer")).Select(c => c.Key).ToListAsync(Ct)).Order(StringComparer.Ordinal));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == draft.Id.ToString() && a.Action == "reviewer-scored", Ct));
    }

    [Fact]
    public async Task A_framework_without_reviewer_scores_refuses_them()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "nq57monthly");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        var submitted = await reporter.SubmittedAsync(SubmissionWorkflowTests.Values);

        var response = await PutScoresAsync(reviewer, $"/api/intake/submissions/{submitted.Id}/reviewer-scores", new Dictionary<string, decimal> { ["A1"] = 1m }, submitted.ETag());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("scores", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.GetAsync($"/api/intake/submissions/{submitted.Id}/assessment", Ct)).StatusCode);
    }

    private static Task<HttpResponseMessage> PutScoresAsync(HttpClient client, string path, Dictionary<string, decimal> scores, string ifMatch,
        Dictionary<string, string>? comments = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(new { scores, comments }) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request, Ct);
    }
}
