using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.DxIndex.Dti.Runs;

/// <summary>
/// One official revision of the DTI of a year (a publication): the exact scoring-io input it scored and the exact output,
/// as text, so that <c>Scoring.Cli score --input</c> on the stored input prints the stored result byte for byte.
/// Revision 1 is the first publication; each correction is n+1 with the run it supersedes and its reason.
/// Provisional results ("tạm tính") are never stored: they are scored on request from the approved values.
/// </summary>
public sealed class DtiRun
{
    public Guid Id { get; set; }
    public string Tenant { get; set; } = "";
    public string FrameworkId { get; set; } = "";
    public string FrameworkVersion { get; set; } = "";
    public string Year { get; set; } = "";
    public int Revision { get; set; }
    public Guid? Supersedes { get; set; }

    /// <summary>Why a correction was published (Vietnamese free text); null for revision 1.</summary>
    public string? Reason { get; set; }

    /// <summary>Corrections: provinces whose standing or any indicator differs from the superseded revision.</summary>
    public string[]? ChangedUnits { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The scoring-io input document, exactly as stored (text, not jsonb: the bytes matter).</summary>
    public string InputJson { get; set; } = "";

    /// <summary>The scoring-io output document, exactly as <c>ScoringRunJson.Write</c> wrote it.</summary>
    public string ResultJson { get; set; } = "";
}

internal sealed class DtiRunConfiguration : IEntityTypeConfiguration<DtiRun>
{
    public void Configure(EntityTypeBuilder<DtiRun> e)
    {
        e.ToTable("dti_runs");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).HasColumnName("id");
        e.Property(r => r.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(r => r.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
        e.Property(r => r.FrameworkVersion).HasColumnName("framework_version").HasMaxLength(200);
        e.Property(r => r.Year).HasColumnName("year").HasMaxLength(4);
        e.Property(r => r.Revision).HasColumnName("revision");
        e.Property(r => r.Supersedes).HasColumnName("supersedes");
        e.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(2000);
        e.Property(r => r.ChangedUnits).HasColumnName("changed_units");
        e.Property(r => r.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
        e.Property(r => r.CreatedAt).HasColumnName("created_at");
        e.Property(r => r.InputJson).HasColumnName("input").HasColumnType("text");
        e.Property(r => r.ResultJson).HasColumnName("result").HasColumnType("text");
        e.HasOne<DtiRun>().WithMany().HasForeignKey(r => r.Supersedes).OnDelete(DeleteBehavior.Restrict);
        e.ToTable(t => t.HasCheckConstraint("ck_dti_runs_revision", "revision >= 1"));
        // One row per official revision: the last guard against two publications of the same revision.
        e.HasIndex(r => new { r.Tenant, r.FrameworkId, r.Year, r.Revision }).IsUnique().HasDatabaseName("ux_dti_runs_revision");
    }
}
