using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Submissions;

/// <summary><c>GET /api/intake/submissions/{id}</c>: one submission the caller may read, with its version as the ETag.</summary>
public static class GetSubmission
{
    public static async Task<Results<Ok<SubmissionView>, ProblemHttpResult>> Handle(
        Guid id, [AsParameters] IntakeServices services, HttpResponse response, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var submission = await db.VisibleOrOwn(options.Value.Tenant, caller.Unit, time).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null) return SubmissionHttp.NotFound();
        response.Headers.ETag = SubmissionHttp.ETagOf(submission);
        return TypedResults.Ok(SubmissionView.Of(submission));
    }
}
