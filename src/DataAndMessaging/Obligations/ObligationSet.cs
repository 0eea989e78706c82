using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.DataAndMessaging.Obligations;

/// <summary>
/// A service's copy of intake's obligations (<see cref="ObligationCopy"/>): the latest <c>ObligationsAnnounced</c> of one (tenant, framework, period, level, overseeing unit): its deadline and
/// revision. Its reports are the <see cref="OwedReport"/> rows with the same key; a higher revision replaces them all.
/// </summary>
public sealed class ObligationSet
{
    public string Tenant { get; set; } = "";
    public string Framework { get; set; } = "";
    public string Period { get; set; } = "";
    public string Level { get; set; } = "";
    public string OverseeingUnit { get; set; } = "";
    public string FrameworkVersion { get; set; } = "";

    /// <summary>UTC, exclusive: a submission at this instant is late.</summary>
    public DateTimeOffset DueAt { get; set; }

    public int Revision { get; set; }
    public DateTimeOffset AnnouncedAt { get; set; }
}

/// <summary>One report owed in an <see cref="ObligationSet"/>: who reports, on whom, which inputs.</summary>
public sealed class OwedReport
{
    public string Tenant { get; set; } = "";
    public string Framework { get; set; } = "";
    public string Period { get; set; } = "";
    public string Level { get; set; } = "";
    public string OverseeingUnit { get; set; } = "";
    public string ReportingUnit { get; set; } = "";
    public string TargetUnit { get; set; } = "";

    /// <summary><c>lead</c> (chủ trì) or <c>cooperating</c> (phối hợp).</summary>
    public string Role { get; set; } = "";

    public string[] InputKeys { get; set; } = [];
}

internal sealed class ObligationSetConfiguration : IEntityTypeConfiguration<ObligationSet>
{
    public void Configure(EntityTypeBuilder<ObligationSet> builder)
    {
        builder.ToTable("obligation_sets");
        builder.HasKey(s => new { s.Tenant, s.Framework, s.Period, s.Level, s.OverseeingUnit });
        builder.Property(s => s.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(s => s.Framework).HasColumnName("framework").HasMaxLength(100);
        builder.Property(s => s.Period).HasColumnName("period").HasMaxLength(40);
        builder.Property(s => s.Level).HasColumnName("level").HasMaxLength(40);
        builder.Property(s => s.OverseeingUnit).HasColumnName("overseeing_unit").HasMaxLength(100);
        builder.Property(s => s.FrameworkVersion).HasColumnName("framework_version").HasMaxLength(40);
        builder.Property(s => s.DueAt).HasColumnName("due_at");
        builder.Property(s => s.Revision).HasColumnName("revision");
        builder.Property(s => s.AnnouncedAt).HasColumnName("announced_at");
    }
}

internal sealed class OwedReportConfiguration : IEntityTypeConfiguration<OwedReport>
{
    public void Configure(EntityTypeBuilder<OwedReport> builder)
    {
        builder.ToTable("owed_reports");
        builder.HasKey(r => new { r.Tenant, r.Framework, r.Period, r.Level, r.OverseeingUnit, r.ReportingUnit, r.TargetUnit });
        builder.Property(r => r.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(r => r.Framework).HasColumnName("framework").HasMaxLength(100);
        builder.Property(r => r.Period).HasColumnName("period").HasMaxLength(40);
        builder.Property(r => r.Level).HasColumnName("level").HasMaxLength(40);
        builder.Property(r => r.OverseeingUnit).HasColumnName("overseeing_unit").HasMaxLength(100);
        builder.Property(r => r.ReportingUnit).HasColumnName("reporting_unit").HasMaxLength(100);
        builder.Property(r => r.TargetUnit).HasColumnName("target_unit").HasMaxLength(100);
        builder.Property(r => r.Role).HasColumnName("role").HasMaxLength(20);
        builder.Property(r => r.InputKeys).HasColumnName("input_keys");
        // Focal-point reminders ask "which units of this subtree owe anything for this framework".
        builder.HasIndex(r => new { r.Tenant, r.Framework, r.ReportingUnit }).HasDatabaseName("ix_owed_reports_unit");
    }
}

public static class ObligationsModel
{
    /// <summary>Maps the copy of the obligations (tables <c>obligation_sets</c>, <c>owed_reports</c>, <c>submission_progress</c>).</summary>
    public static ModelBuilder AddObligations(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new ObligationSetConfiguration())
            .ApplyConfiguration(new OwedReportConfiguration())
            .ApplyConfiguration(new SubmissionProgressConfiguration());
}
