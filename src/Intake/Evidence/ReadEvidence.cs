using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Intake.Data;
using Platform.Intake.Submissions;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Evidence;

/// <summary>Listing and downloading evidence: only for callers who may see the submission; anyone else gets 404.</summary>
public static class ReadEvidence
{
    public static async Task<Results<Ok<List<EvidenceView>>, ProblemHttpResult>> List(
        Guid id, IntakeDbContext db, ClaimsPrincipal user, IOptions<IntakeOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        if (!await db.VisibleOrOwn(tenant, caller.Unit, time).AnyAsync(s => s.Id == id, ct)) return SubmissionHttp.NotFound();
        var files = await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.SubmissionId == id && f.RemovedAt == null)
            .OrderBy(f => f.InputKey).ThenBy(f => f.UploadedAt)
            .ToListAsync(ct);
        return TypedResults.Ok(files.Select(EvidenceView.Of).ToList());
    }

    /// <summary>
    /// <c>GET /api/intake/evidence/{fileId}</c>: always an attachment, with the recognised type, a safe file name
    /// (ASCII <c>filename</c> and UTF-8 <c>filename*</c>) and <c>nosniff</c>, so a browser never renders it in our origin.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        Guid fileId, IntakeDbContext db, IEvidenceStore store, ClaimsPrincipal user, IOptions<IntakeOptions> options,
        TimeProvider time, HttpResponse response, CancellationToken ct)
    {
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var file = await db.VisibleEvidence(options.Value.Tenant, caller.Unit, time).AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null) return NotFound();
        var content = await store.GetAsync(file.Sha256, ct);
        if (content is null) return NotFound();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(content, file.ContentType, fileDownloadName: file.FileName);
    }

    internal static ProblemHttpResult NotFound() => ApiProblems.NotFound("Không tìm thấy tệp minh chứng, hoặc tệp không thuộc phạm vi đơn vị của bạn.");
}
