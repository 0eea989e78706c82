using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>
/// The latest approved value of one QĐ 2244 criterion of one province for one reported year, with its year of reference
/// (the reported year less the criterion's <c>referenceYearLag</c>), its source type (from the framework definition), the
/// agency that reported it and when it was approved. Several agencies report different criteria of one province; a later
/// approval of a criterion replaces it, an older one arriving late is ignored.
/// </summary>
public sealed class AnnualValue
{
    public string Tenant { get; set; } = "";
    public string Province { get; set; } = "";
    public int Year { get; set; }
    public string Criterion { get; set; } = "";
    public decimal Value { get; set; }
    public int ReferenceYear { get; set; }
    public string SourceType { get; set; } = "";
    public string ReportingUnit { get; set; } = "";
    public Guid SubmissionId { get; set; }
    public int SubmissionRevision { get; set; }
    public string FrameworkVersion { get; set; } = "";
    public DateTimeOffset ApprovedAt { get; set; }
}

internal sealed class AnnualValueConfiguration : IEntityTypeConfiguration<AnnualValue>
{
    public void Configure(EntityTypeBuilder<AnnualValue> e)
    {
        e.ToTable("annual_criterion_values");
        e.HasKey(v => new { v.Tenant, v.Province, v.Year, v.Criterion });
        e.Property(v => v.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(v => v.Province).HasColumnName("province").HasMaxLength(100);
        e.Property(v => v.Year).HasColumnName("year");
        e.Property(v => v.Criterion).HasColumnName("criterion").HasMaxLength(100);
        e.Property(v => v.Value).HasColumnName("value").HasPrecision(28, 8);
        e.Property(v => v.ReferenceYear).HasColumnName("reference_year");
        e.Property(v => v.SourceType).HasColumnName("source_type").HasMaxLength(40);
        e.Property(v => v.ReportingUnit).HasColumnName("reporting_unit").HasMaxLength(100);
        e.Property(v => v.SubmissionId).HasColumnName("submission_id");
        e.Property(v => v.SubmissionRevision).HasColumnName("submission_revision");
        e.Property(v => v.FrameworkVersion).HasColumnName("framework_version").HasMaxLength(200);
        e.Property(v => v.ApprovedAt).HasColumnName("approved_at");
        e.HasIndex(v => new { v.Tenant, v.Criterion, v.Year }).HasDatabaseName("ix_annual_criterion_values_criterion");
    }
}

/// <summary>
/// The newest approval seen of each QĐ 2244 submission: an older revision delivered after a newer one is ignored as a
/// whole, even for a criterion the newer revision removed (nothing is left in <see cref="AnnualValue"/> to compare with).
/// </summary>
public sealed class AnnualApproval
{
    public string Tenant { get; set; } = "";
    public Guid SubmissionId { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }
}

internal sealed class AnnualApprovalConfiguration : IEntityTypeConfiguration<AnnualApproval>
{
    public void Configure(EntityTypeBuilder<AnnualApproval> e)
    {
        e.ToTable("annual_criterion_approvals");
        e.HasKey(a => new { a.Tenant, a.SubmissionId });
        e.Property(a => a.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(a => a.SubmissionId).HasColumnName("submission_id");
        e.Property(a => a.Revision).HasColumnName("revision");
        e.Property(a => a.ApprovedAt).HasColumnName("approved_at");
    }
}
