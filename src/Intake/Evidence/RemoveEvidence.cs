using Platform.DataAndMessaging.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Audit;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Evidence;

/// <summary>
/// <c>DELETE /api/intake/evidence/{fileId}</c>: the reporting unit takes a file off its editable submission.
/// The link is marked removed (who, when) and audited; the stored content stays, as other links may share it.
/// </summary>
public static class RemoveEvidence
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid fileId, [AsParameters] IntakeServices services, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        var file = await db.VisibleEvidence(tenant, caller.Unit, time).SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null) return EvidenceScope.NotFound();
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == file.SubmissionId, ct);
        if (submission.ReportingUnit != caller.Unit)
            return ApiProblems.Forbidden($"Chỉ đơn vị báo cáo ({submission.ReportingUnit}) mới được gỡ minh chứng của báo cáo này.");
        if (!submission.IsEditable) return UploadEvidence.NotEditable(submission);

        var now = time.GetUtcNow();
        file.Remove(caller.Subject, now);
        db.AuditEntries.Add(new AuditEntry(AuditEntities.Evidence, file.Id.ToString(), "removed", caller.Subject, now,
            $"báo cáo {file.SubmissionId}; {(file.InputKey is null ? "" : $"chỉ số {file.InputKey}; ")}{file.FileName}"));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await EvidenceScope.LockEditableAsync(db, submission.Id, ct)) return UploadEvidence.NotEditable(submission);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
