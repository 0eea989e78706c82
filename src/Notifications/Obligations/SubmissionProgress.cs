using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.Obligations;

/// <summary>
/// The latest known state of one submission in intake (latest revision wins), whatever order its events arrive in: a
/// report is handed in while its submission is <c>submitted</c> or <c>approved</c>, and owed again once <c>returned</c>.
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
        builder.HasIndex(s => new { s.Tenant, s.Framework, s.Period, s.ReportingUnit, s.TargetUnit }).HasDatabaseName("ix_submission_progress_report");
    }
}

/// <summary>Records a submission event's state when it is newer than what is stored (one upsert, order-independent).</summary>
public static class SubmissionProgressStore
{
    public static Task<int> ApplyAsync(DbContext db, string tenant, Guid submissionId, string framework, string period, string reportingUnit,
        string targetUnit, string state, int revision, DateTimeOffset occurredAt, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO submission_progress (tenant, submission_id, framework, period, reporting_unit, target_unit, state, revision, occurred_at)
            VALUES ({tenant}, {submissionId}, {framework}, {period}, {reportingUnit}, {targetUnit}, {state}, {revision}, {occurredAt})
            ON CONFLICT (tenant, submission_id) DO UPDATE SET state = EXCLUDED.state, revision = EXCLUDED.revision, occurred_at = EXCLUDED.occurred_at
            WHERE submission_progress.revision < EXCLUDED.revision
            """, ct);
}
