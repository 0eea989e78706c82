using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.DataAndMessaging.Obligations;

/// <summary>
/// The latest known state of one submission in intake (latest revision wins), whatever order its events arrive in: a
/// report is handed in while its submission is <c>submitted</c> or <c>approved</c>, and owed again once <c>returned</c>.
/// When it was first handed in (and whether that was late) and when it was last approved are kept apart from the state:
/// the earliest <c>SubmissionSubmitted</c> and the latest <c>SubmissionApproved</c> win, in any order.
/// </summary>
public sealed class SubmissionProgress
{
    public string Tenant { get; set; } = "";
    public Guid SubmissionId { get; set; }
    public string Framework { get; set; } = "";
    public string Period { get; set; } = "";
    public string ReportingUnit { get; set; } = "";
    public string TargetUnit { get; set; } = "";

    /// <summary><see cref="SubmissionStates"/>.</summary>
    public string State { get; set; } = "";

    public int Revision { get; set; }
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>When it was first handed in (the earliest <c>SubmissionSubmitted</c>), UTC; null until one is known.</summary>
    public DateTimeOffset? FirstSubmittedAt { get; set; }

    /// <summary>Whether that first hand-in was after the deadline (intake's <c>Late</c>); null until one is known.</summary>
    public bool? FirstSubmittedLate { get; set; }

    /// <summary>When it was last approved, UTC; null while never approved.</summary>
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>Intake's <c>Late</c> on the latest approval (a fallback when no <c>SubmissionSubmitted</c> was received).</summary>
    public bool? ApprovedLate { get; set; }
}

public static class SubmissionStates
{
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";
}

internal sealed class SubmissionProgressConfiguration : IEntityTypeConfiguration<SubmissionProgress>
{
    public void Configure(EntityTypeBuilder<SubmissionProgress> builder)
    {
        builder.ToTable("submission_progress");
        builder.HasKey(s => new { s.Tenant, s.SubmissionId });
        builder.Property(s => s.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(s => s.SubmissionId).HasColumnName("submission_id");
        builder.Property(s => s.Framework).HasColumnName("framework").HasMaxLength(100);
        builder.Property(s => s.Period).HasColumnName("period").HasMaxLength(40);
        builder.Property(s => s.ReportingUnit).HasColumnName("reporting_unit").HasMaxLength(100);
        builder.Property(s => s.TargetUnit).HasColumnName("target_unit").HasMaxLength(100);
        builder.Property(s => s.State).HasColumnName("state").HasMaxLength(20);
        builder.Property(s => s.Revision).HasColumnName("revision");
        builder.Property(s => s.OccurredAt).HasColumnName("occurred_at");
        builder.Property(s => s.FirstSubmittedAt).HasColumnName("first_submitted_at");
        builder.Property(s => s.FirstSubmittedLate).HasColumnName("first_submitted_late");
        builder.Property(s => s.ApprovedAt).HasColumnName("approved_at");
        builder.Property(s => s.ApprovedLate).HasColumnName("approved_late");
        builder.HasIndex(s => new { s.Tenant, s.Framework, s.Period, s.ReportingUnit, s.TargetUnit }).HasDatabaseName("ix_submission_progress_report");
    }
}

/// <summary>Records a submission event (one upsert, order-independent, idempotent: replaying any event changes nothing).</summary>
public static class SubmissionProgressStore
{
    /// <param name="late">Intake's <c>Late</c> flag (submitted and approved events carry it; returned ones do not).</param>
    public static Task<int> ApplyAsync(DbContext db, string tenant, Guid submissionId, string framework, string period, string reportingUnit,
        string targetUnit, string state, int revision, DateTimeOffset occurredAt, CancellationToken ct, bool? late = null)
    {
        DateTimeOffset? submittedAt = state == SubmissionStates.Submitted ? occurredAt : null;
        bool? submittedLate = state == SubmissionStates.Submitted ? late : null;
        DateTimeOffset? approvedAt = state == SubmissionStates.Approved ? occurredAt : null;
        bool? approvedLate = state == SubmissionStates.Approved ? late : null;
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO submission_progress (tenant, submission_id, framework, period, reporting_unit, target_unit, state, revision, occurred_at,
                                             first_submitted_at, first_submitted_late, approved_at, approved_late)
            VALUES ({tenant}, {submissionId}, {framework}, {period}, {reportingUnit}, {targetUnit}, {state}, {revision}, {occurredAt},
                    {submittedAt}, {submittedLate}, {approvedAt}, {approvedLate})
            ON CONFLICT (tenant, submission_id) DO UPDATE SET
                state = CASE WHEN submission_progress.revision < EXCLUDED.revision THEN EXCLUDED.state ELSE submission_progress.state END,
                occurred_at = CASE WHEN submission_progress.revision < EXCLUDED.revision THEN EXCLUDED.occurred_at ELSE submission_progress.occurred_at END,
                revision = GREATEST(submission_progress.revision, EXCLUDED.revision),
                first_submitted_late = CASE WHEN EXCLUDED.first_submitted_at IS NOT NULL AND (submission_progress.first_submitted_at IS NULL
                                                 OR EXCLUDED.first_submitted_at < submission_progress.first_submitted_at)
                                            THEN EXCLUDED.first_submitted_late ELSE submission_progress.first_submitted_late END,
                first_submitted_at = LEAST(submission_progress.first_submitted_at, EXCLUDED.first_submitted_at),
                approved_late = CASE WHEN EXCLUDED.approved_at IS NOT NULL AND (submission_progress.approved_at IS NULL
                                          OR EXCLUDED.approved_at > submission_progress.approved_at)
                                     THEN EXCLUDED.approved_late ELSE submission_progress.approved_late END,
                approved_at = GREATEST(submission_progress.approved_at, EXCLUDED.approved_at)
            """, ct);
    }
}
