using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Intake.Submissions;

namespace Platform.Intake.Data;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> e)
    {
        e.ToTable("submissions");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(s => s.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(s => s.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
        e.Property(s => s.FrameworkVersion).HasColumnName("framework_version").HasMaxLength(200);
        e.Property(s => s.Period).HasColumnName("period").HasMaxLength(20);
        e.Property(s => s.ReportingUnit).HasColumnName("reporting_unit").HasMaxLength(100);
        e.Property(s => s.TargetUnit).HasColumnName("target_unit").HasMaxLength(100);
        e.Property(s => s.ValuesJson).HasColumnName("values").HasColumnType("jsonb");
        e.Property(s => s.Comments).HasColumnName("comments").HasMaxLength(4000);
        e.Property(s => s.State).HasColumnName("state").HasMaxLength(20);
        e.Property(s => s.ReturnReason).HasColumnName("return_reason").HasMaxLength(4000);
        e.Property(s => s.Late).HasColumnName("late");
        e.Property(s => s.Version).HasColumnName("version").IsConcurrencyToken();
        e.Property(s => s.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
        e.Property(s => s.CreatedAt).HasColumnName("created_at");
        e.Property(s => s.LastSavedBy).HasColumnName("last_saved_by").HasMaxLength(200);
        e.Property(s => s.LastSavedAt).HasColumnName("last_saved_at");
        e.Property(s => s.SubmittedBy).HasColumnName("submitted_by").HasMaxLength(200);
        e.Property(s => s.SubmittedAt).HasColumnName("submitted_at");
        e.Property(s => s.DecidedBy).HasColumnName("decided_by").HasMaxLength(200);
        e.Property(s => s.DecidedAt).HasColumnName("decided_at");
        e.Property(s => s.ReviewerScoresJson).HasColumnName("reviewer_scores").HasColumnType("jsonb");
        e.Ignore(s => s.ReviewerScores);
        e.Property(s => s.ReviewerCommentsJson).HasColumnName("reviewer_comments").HasColumnType("jsonb");
        e.Ignore(s => s.ReviewerComments);
        e.Ignore(s => s.Values);
        e.Ignore(s => s.IsEditable);

        e.HasIndex(s => new { s.Tenant, s.FrameworkId, s.Period, s.ReportingUnit, s.TargetUnit })
            .IsUnique()
            .HasDatabaseName("ux_submissions_key");
        // Listing by reviewers filters on the target unit.
        e.HasIndex(s => new { s.Tenant, s.TargetUnit, s.FrameworkId, s.Period })
            .HasDatabaseName("ix_submissions_target");
    }
}

internal sealed class SubmissionValueChangeConfiguration : IEntityTypeConfiguration<SubmissionValueChange>
{
    public void Configure(EntityTypeBuilder<SubmissionValueChange> e)
    {
        e.ToTable("submission_value_changes");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(c => c.SubmissionId).HasColumnName("submission_id");
        e.Property(c => c.Key).HasColumnName("key").HasMaxLength(100);
        e.Property(c => c.OldValue).HasColumnName("old_value").HasColumnType("jsonb");
        e.Property(c => c.NewValue).HasColumnName("new_value").HasColumnType("jsonb");
        e.Property(c => c.ChangedBy).HasColumnName("changed_by").HasMaxLength(200);
        e.Property(c => c.ChangedAt).HasColumnName("changed_at");
        e.Property(c => c.Channel).HasColumnName("channel").HasMaxLength(20);
        e.HasOne<Submission>().WithMany().HasForeignKey(c => c.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => new { c.SubmissionId, c.Key, c.ChangedAt }).HasDatabaseName("ix_submission_value_changes_key");
    }
}

internal sealed class SubmissionReturnConfiguration : IEntityTypeConfiguration<SubmissionReturnRecord>
{
    public void Configure(EntityTypeBuilder<SubmissionReturnRecord> e)
    {
        e.ToTable("submission_returns");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(r => r.SubmissionId).HasColumnName("submission_id");
        e.Property(r => r.Version).HasColumnName("version");
        e.Property(r => r.ReturnedAt).HasColumnName("returned_at");
        e.Property(r => r.ReturnedBy).HasColumnName("returned_by").HasMaxLength(200);
        e.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(4000);
        e.Property(r => r.ValuesJson).HasColumnName("values").HasColumnType("jsonb");
        e.Ignore(r => r.Values);
        e.HasIndex(r => new { r.SubmissionId, r.Version }).HasDatabaseName("ix_submission_returns_submission");
    }
}
