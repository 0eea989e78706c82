using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.Intake.Submissions;
using Platform.ServiceDefaults.Problems;

namespace Platform.Intake.Evidence;

/// <summary>The evidence queries shared by the handlers, scoped through the submission as the submissions are, and their 404.</summary>
internal static class EvidenceScope
{
    /// <summary>Files (not removed) of submissions the caller may read: its subtree's, and those its own unit reported.</summary>
    public static IQueryable<EvidenceFile> VisibleEvidence(this IntakeDbContext db, string tenant, string callerUnit, TimeProvider time)
    {
        var submissions = db.VisibleOrOwn(tenant, callerUnit, time).Select(s => s.Id);
        return db.EvidenceFiles.Where(f => f.RemovedAt == null && submissions.Contains(f.SubmissionId));
    }

    /// <summary>
    /// Locks the submission row for the current transaction when it is still editable; false when it is not
    /// (anymore). A submit committed in between is seen here, as PostgreSQL re-reads a row it waited for.
    /// </summary>
    public static async Task<bool> LockEditableAsync(IntakeDbContext db, Guid submissionId, CancellationToken ct) =>
        await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM submissions
            WHERE id = {submissionId} AND state IN ({SubmissionStates.Draft}, {SubmissionStates.Returned})
            FOR UPDATE
            """).ToListAsync(ct) is { Count: 1 };

    public static ProblemHttpResult NotFound() => ApiProblems.NotFound("Không tìm thấy tệp minh chứng, hoặc tệp không thuộc phạm vi đơn vị của bạn.");
}
