using Platform.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Submissions;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Rubric;

/// <summary>One criterion: the self score (the engine's, from the reported values), the reviewer's, and the one that counts.</summary>
public sealed record CriterionAssessment(
    string Code,
    string Name,
    decimal Max,
    decimal Self,
    decimal? Reviewer,
    decimal Final,
    IReadOnlyList<string> Flags,
    int EvidenceFiles,
    string? ReviewerComment = null);

/// <summary>A rubric submission scored twice by the engine: without reviewer scores (self) and with them (final).</summary>
public sealed record AssessmentView(
    Guid SubmissionId,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    string TargetUnit,
    string State,
    int Version,
    decimal MaxPoints,
    decimal SelfTotal,
    decimal FinalTotal,
    IReadOnlyDictionary<string, decimal> SelfGroups,
    IReadOnlyDictionary<string, decimal> FinalGroups,
    IReadOnlyList<CriterionAssessment> Criteria);

/// <summary><c>GET /api/intake/submissions/{id}/assessment</c>: for whoever may read the submission.</summary>
public static class ReadAssessment
{
    public static async Task<Results<Ok<AssessmentView>, ProblemHttpResult>> Handle(
        Guid id, [AsParameters] IntakeServices services, HttpResponse response, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var submission = await db.VisibleOrOwn(options.Value.Tenant, caller.Unit, time).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null) return SubmissionHttp.NotFound();
        var framework = RubricScoring.FrameworkOf(frameworks, submission);
        if (framework is null || !framework.Definition.ReviewerScores)
            return ApiProblems.Conflict($"Khung đánh giá '{submission.FrameworkId}' không chấm điểm theo tiêu chí có thẩm định; không có bảng tự đánh giá và điểm thẩm định.");

        var scorer = new Scorer(framework);
        UnitResult self, final;
        try
        {
            var request = RubricScoring.RequestOf(submission, null);
            self = scorer.Score(request).Results[0];
            final = scorer.Score(RubricScoring.WithReviewer(request, submission.ReviewerScores)).Results[0];
        }
        catch (ScoringInputException ex)
        {
            return ApiProblems.Conflict("Không chấm được báo cáo theo khung hiện hành: " + string.Join("; ", ex.Problems.Select(p => p.Message)) + ".");
        }

        var evidence = await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.SubmissionId == id && f.RemovedAt == null && f.InputKey != null)
            .GroupBy(f => f.InputKey!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var comments = submission.ReviewerComments;
        var criteria = framework.Indicators.Select(indicator =>
        {
            var mine = self.Indicators[indicator.Index];
            var counted = final.Indicators[indicator.Index];
            var files = indicator.UsedSlots.Sum(slot => evidence.GetValueOrDefault(framework.Inputs[slot].Key));
            return new CriterionAssessment(indicator.Code, indicator.Definition.Name, indicator.Max, mine.Score, counted.Reviewer,
                counted.Score, counted.Flags.ToNames(), files, comments?.GetValueOrDefault(indicator.Code));
        }).ToList();

        response.Headers.ETag = SubmissionHttp.ETagOf(submission);
        return TypedResults.Ok(new AssessmentView(submission.Id, submission.FrameworkId, submission.FrameworkVersion, submission.Period,
            submission.TargetUnit, submission.State, submission.Version, framework.Definition.MaxPoints, self.Total, final.Total,
            self.Groups.ToDictionary(), final.Groups.ToDictionary(), criteria));
    }
}
