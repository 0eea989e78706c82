using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Submissions;

/// <summary>One time a reviewer returned the submission: when, why, and the values as they stood when it was returned (null: not recorded).</summary>
public sealed record SubmissionReturn(DateTimeOffset ReturnedAt, string ReturnedBy, string? Reason, IReadOnlyDictionary<string, JsonElement>? Values);

/// <summary>
/// <c>GET /api/intake/submissions/{id}/returns</c>, newest first: so a reviewer reading a resubmission sees what changed
/// against the version they returned and why they returned it (<see cref="SubmissionReturnRecord"/>, written with each return).
/// </summary>
public static class ReadReturns
{
    public static async Task<Results<Ok<IReadOnlyList<SubmissionReturn>>, ProblemHttpResult>> Handle(
        Guid id, [AsParameters] IntakeServices services, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        if (!await db.VisibleOrOwn(options.Value.Tenant, caller.Unit, time).AnyAsync(s => s.Id == id, ct)) return SubmissionHttp.NotFound();

        var returns = await db.SubmissionReturns.AsNoTracking().Where(r => r.SubmissionId == id)
            .OrderByDescending(r => r.Version).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<SubmissionReturn>>(
            [.. returns.Select(r => new SubmissionReturn(r.ReturnedAt, r.ReturnedBy, r.Reason, r.Values))]);
    }
}
