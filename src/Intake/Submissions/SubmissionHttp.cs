using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.Intake.Http;
using Platform.Intake.Units;
using Platform.ServiceDefaults.Problems;

namespace Platform.Intake.Submissions;

/// <summary>ETags, the scoped queries, saving and the not-found and precondition answers of the submission handlers.</summary>
internal static class SubmissionHttp
{
    public static string ETagOf(Submission s) => Versioning.ETag(s.Version);

    /// <summary>Submissions whose target unit lies in the caller's subtree; the filter is part of the SQL.</summary>
    public static IQueryable<Submission> Visible(this IntakeDbContext db, string tenant, string callerUnit, TimeProvider time) =>
        db.Submissions.Where(s => s.Tenant == tenant)
            .WithinSubtree(s => s.TargetUnit, db.SubtreeCodes(tenant, callerUnit, time.TodayInVietnam()));

    /// <summary>
    /// <see cref="Visible"/> plus what the caller's own unit reported for a target outside its subtree (under an
    /// assignment, e.g. Sở KHCN for the province): for reading and submitting, never for deciding.
    /// </summary>
    public static IQueryable<Submission> VisibleOrOwn(this IntakeDbContext db, string tenant, string callerUnit, TimeProvider time)
    {
        var subtree = db.SubtreeCodes(tenant, callerUnit, time.TodayInVietnam());
        return db.Submissions.Where(s => s.Tenant == tenant && (subtree.Contains(s.TargetUnit) || s.ReportingUnit == callerUnit));
    }

    public static Precondition CheckIfMatch(HttpRequest request, Submission s, bool required) =>
        Versioning.CheckIfMatch(request, s.Version, required);

    /// <summary>Saves a change to <paramref name="submission"/>; someone else's save in between answers 412 with their version.</summary>
    public static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        IntakeDbContext db, Submission submission, HttpResponse response, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await SaveDraft.Stale(db, submission.Id, response, ct);
        }
        response.Headers.ETag = ETagOf(submission);
        return TypedResults.Ok(SubmissionView.Of(submission));
    }

    public static ProblemHttpResult Refused(Assignments.ReportingRefusal refusal) => ApiProblems.Problem(refusal.Status, refusal.Title, refusal.Detail);

    public static ProblemHttpResult NotFound() => ApiProblems.NotFound("Không tìm thấy báo cáo, hoặc báo cáo không thuộc phạm vi đơn vị của bạn.");

    public static ProblemHttpResult PreconditionProblem(Precondition outcome, HttpResponse response, Submission current) =>
        Versioning.PreconditionProblem(outcome, response, current.Version, "Báo cáo");
}
