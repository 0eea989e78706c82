using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.DxIndex.Dti.Inputs;

/// <summary>
/// The latest approved value of one DTI input of one province for one year, and where it came from (submission,
/// revision, reporting department, approval time). Several departments report different inputs of the same province:
/// each input is its own row, owned by the submission that last approved it. Sub-annual inputs keep the latest
/// approved value (stock reading, see docs/dx-index.md). <see cref="Demo"/> marks illustrative values
/// ("dữ liệu minh họa") seeded for a demonstration: they enter provisional answers only, never an official run.
/// </summary>
public sealed class DtiApprovedValue
{
    public string Tenant { get; set; } = "";
    public string FrameworkId { get; set; } = "";
    public string Year { get; set; } = "";
    public string Unit { get; set; } = "";
    public string InputKey { get; set; } = "";

    /// <summary>The value as raw JSON: a number, <c>true</c>/<c>false</c> or a string (choice).</summary>
    public string ValueJson { get; set; } = "";

    public string FrameworkVersion { get; set; } = "";
    public Guid SubmissionId { get; set; }
    public int SubmissionRevision { get; set; }
    public string ReportingUnit { get; set; } = "";
    public DateTimeOffset ApprovedAt { get; set; }
    public bool Demo { get; set; }
}

/// <summary>Intake closed a DTI year at national level (<c>PeriodClosed</c>, level <c>to-national</c>): publication may follow.</summary>
public sealed class DtiClosedYear
{
    public string Tenant { get; set; } = "";
    public string Year { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset ClosedAt { get; set; }
}

internal sealed class DtiApprovedValueConfiguration : IEntityTypeConfiguration<DtiApprovedValue>
{
    public void Configure(EntityTypeBuilder<DtiApprovedValue> e)
    {
        e.ToTable("dti_approved_values");
        e.HasKey(v => new { v.Tenant, v.FrameworkId, v.Year, v.Unit, v.InputKey });
        e.Property(v => v.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(v => v.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
        e.Property(v => v.Year).HasColumnName("year").HasMaxLength(4);
        e.Property(v => v.Unit).HasColumnName("unit").HasMaxLength(100);
        e.Property(v => v.InputKey).HasColumnName("input_key").HasMaxLength(100);
        e.Property(v => v.ValueJson).HasColumnName("value").HasColumnType("jsonb");
        e.Property(v => v.FrameworkVersion).HasColumnName("framework_version").HasMaxLength(200);
        e.Property(v => v.SubmissionId).HasColumnName("submission_id");
        e.Property(v => v.SubmissionRevision).HasColumnName("submission_revision");
        e.Property(v => v.ReportingUnit).HasColumnName("reporting_unit").HasMaxLength(100);
        e.Property(v => v.ApprovedAt).HasColumnName("approved_at");
        e.Property(v => v.Demo).HasColumnName("demo");
    }
}

internal sealed class DtiClosedYearConfiguration : IEntityTypeConfiguration<DtiClosedYear>
{
    public void Configure(EntityTypeBuilder<DtiClosedYear> e)
    {
        e.ToTable("dti_closed_years");
        e.HasKey(c => new { c.Tenant, c.Year });
        e.Property(c => c.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(c => c.Year).HasColumnName("year").HasMaxLength(4);
        e.Property(c => c.DueAt).HasColumnName("due_at");
        e.Property(c => c.ClosedAt).HasColumnName("closed_at");
    }
}
