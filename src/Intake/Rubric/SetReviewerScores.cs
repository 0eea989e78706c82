using Platform.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Audit;
using Platform.Intake.Submissions;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Rubric;

/// <summary>
/// Body of <c>PUT …/{id}/reviewer-scores</c>: the reviewer's complete set of scores by criterion code (null = none) and
/// comments by criterion code (null or blank = none); a comment is required where the score differs from the self score.
/// </summary>
public sealed record ReviewerScoresRequest(Dictionary<string, decimal?>? Scores, Dictionary<string, string?>? Comments = null);

/// <summary>
/// <c>PUT /api/intake/submissions/{id}/reviewer-scores</c>: while a rubric submission awaits its decision, a reviewer
/// who may decide it (its target unit in the reviewer's subtree, not submitted by the reviewer) scores criteria.
/// Needs <c>If-Match</c>; the engine checks the scores; history rows (<c>reviewer.&lt;code&gt;</c>) and an audit line are
/// saved with them.
/// </summary>
public static class SetReviewerScores
{
    public static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ReviewerScoresRequest body, [AsParameters] IntakeServices services, HttpRequest request, HttpResponse response,
        FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var submission = await db.Visible(options.Value.Tenant, caller.Unit, time).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null) return SubmissionHttp.NotFound();
        if (submission.SubmittedBy == caller.Subject)
            return ApiProblems.Forbidden("Không được chấm điểm thẩm định báo cáo do chính mình nộp.");
        var precondition = SubmissionHttp.CheckIfMatch(request, submission, required: true);
        if (precondition != Precondition.Met) return SubmissionHttp.PreconditionProblem(precondition, response, submission);
        if (submission.State != SubmissionStates.Submitted)
            return ApiProblems.Conflict($"Chỉ chấm điểm thẩm định báo cáo đã nộp, đang chờ phê duyệt; báo cáo này đang ở trạng thái '{Submission.StateName(submission.State)}'.");

        var framework = RubricScoring.FrameworkOf(frameworks, submission);
        if (framework is null || !framework.Definition.ReviewerScores)
            return ApiProblems.InvalidByKey("scores", $"Khung đánh giá '{submission.FrameworkId}' không có điểm thẩm định; chỉ khung chấm điểm theo tiêu chí (như nq57-self-2026) mới nhận điểm thẩm định.");
        if (body.Scores is null) return ApiProblems.InvalidByKey("scores", "Thiếu danh sách điểm thẩm định (scores).");
        var scores = body.Scores.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!.Value, StringComparer.Ordinal);
        var comments = (body.Comments ?? []).Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!.Trim(), StringComparer.Ordinal);
        var problems = RubricScoring.Check(framework, submission, scores);
        foreach (var (code, message) in RubricScoring.CheckComments(framework, submission, scores, comments))
            problems.TryAdd(code, [message]);
        if (problems.Count > 0) return ApiProblems.InvalidByKey(problems);

        var now = time.GetUtcNow();
        var changes = submission.Review(scores, comments, caller.Subject, caller.Channel, now);
        db.SubmissionValueChanges.AddRange(changes);
        db.AuditEntries.Add(SubmissionAudit.Entry("reviewer-scored", submission.Id, caller.Subject, now,
            changes.Count == 0 ? "không đổi điểm" : "điểm thẩm định: " + string.Join("; ", changes.Select(Describe))));
        string Describe(SubmissionValueChange c)
        {
            if (c.Key.StartsWith("reviewer-comment.", StringComparison.Ordinal))
            {
                var code = c.Key["reviewer-comment.".Length..];
                return $"{code} nhận xét: {(comments.TryGetValue(code, out var text) ? text : "bỏ")}";
            }
            var scored = c.Key["reviewer.".Length..];
            return $"{scored} = {(scores.TryGetValue(scored, out var v) ? RubricScoring.Num(v) : "bỏ")}";
        }
        return await SubmissionHttp.SaveAsync(db, submission, response, ct);
    }
}
