using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.MonthlyScoring.Inputs;

namespace Platform.MonthlyScoring.Data;

internal sealed class ApprovedValueConfiguration : IEntityTypeConfiguration<ApprovedValue>
{
    public void Configure(EntityTypeBuilder<ApprovedValue> e)
    {
        e.ToTable("approved_values");
        e.HasKey(v => new { v.Tenant, v.FrameworkId, v.Period, v.Unit, v.InputKey });
        e.Property(v => v.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(v => v.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
        e.Property(v => v.Period).HasColumnName("period").HasMaxLength(20);
        e.Property(v => v.Unit).HasColumnName("unit").HasMaxLength(100);
        e.Property(v => v.InputKey).HasColumnName("input_key").HasMaxLength(100);
        e.Property(v => v.ValueJson).HasColumnName("value").HasColumnType("jsonb");
        e.Property(v => v.FrameworkVersion).HasColumnName("framework_version").HasMaxLength(200);
        e.Property(v => v.SubmissionId).HasColumnName("submission_id");
        e.Property(v => v.SubmissionRevision).HasColumnName("submission_revision");
        e.Property(v => v.ReportingUnit).HasColumnName("reporting_unit").HasMaxLength(100);
        e.Property(v => v.ApprovedAt).HasColumnName("approved_at");
        e.Property(v => v.Derived).HasColumnName("derived");
    }
}

internal sealed class ClosedPeriodConfiguration : IEntityTypeConfiguration<ClosedPeriod>
{
    public void Configure(EntityTypeBuilder<ClosedPeriod> e)
    {
        e.ToTable("closed_periods");
        e.HasKey(c => new { c.Tenant, c.FrameworkId, c.Period, c.Level });
        e.Property(c => c.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(c => c.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
        e.Property(c => c.Period).HasColumnName("period").HasMaxLength(20);
        e.Property(c => c.Level).HasColumnName("level").HasMaxLength(40);
        e.Property(c => c.DueAt).HasColumnName("due_at");
        e.Property(c => c.ClosedAt).HasColumnName("closed_at");
    }
}
