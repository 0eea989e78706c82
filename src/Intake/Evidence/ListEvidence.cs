using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Submissions;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Evidence;

/// <summary><c>GET /api/intake/submissions/{id}/evidence</c>: the files linked to a submission the caller may read; anyone else gets 404.</summary>
public static class ListEvidence
{
    public static async Task<Results<Ok<List<EvidenceView>>, ProblemHttpResult>> Handle(
        Guid id, [AsParameters] IntakeServices services, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        if (!await db.VisibleOrOwn(tenant, caller.Unit, time).AnyAsync(s => s.Id == id, ct)) return SubmissionHttp.NotFound();
        var files = await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.SubmissionId == id && f.RemovedAt == null)
            .OrderBy(f => f.InputKey).ThenBy(f => f.UploadedAt)
            .ToListAsync(ct);
        return TypedResults.Ok(files.Select(EvidenceView.Of).ToList());
    }
}
