using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Evidence;

/// <summary>
/// <c>GET /api/intake/evidence/{fileId}</c>: always an attachment, with the recognised type, a safe file name
/// (ASCII <c>filename</c> and UTF-8 <c>filename*</c>) and <c>nosniff</c>, so a browser never renders it in our origin.
/// </summary>
public static class DownloadEvidence
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        Guid fileId, [AsParameters] IntakeServices services, IEvidenceStore store, HttpResponse response, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var file = await db.VisibleEvidence(options.Value.Tenant, caller.Unit, time).AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null) return EvidenceScope.NotFound();
        var content = await store.GetAsync(file.Sha256, ct);
        if (content is null) return EvidenceScope.NotFound();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(content, file.ContentType, fileDownloadName: file.FileName);
    }
}
