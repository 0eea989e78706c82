using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.MonthlyScoring.Runs;

namespace Platform.MonthlyScoring.Data;

internal sealed class ScoreRunConfiguration : IEntityTypeConfiguration<ScoreRun>
{
    public void Configure(EntityTypeBuilder<ScoreRun> e)
    {
        e.ToTable("score_runs");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).HasColumnName("id");
        e.Property(r => r.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(r => r.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
        e.Property(r => r.FrameworkVersion).HasColumnName("framework_version").HasMaxLength(200);
        e.Property(r => r.Period).HasColumnName("period").HasMaxLength(20);
        e.Property(r => r.PeerGroup).HasColumnName("peer_group").HasMaxLength(100);
        e.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(20);
        e.Property(r => r.Revision).HasColumnName("revision");
        e.Property(r => r.Supersedes).HasColumnName("supersedes");
        e.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(2000);
        e.Property(r => r.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
        e.Property(r => r.CreatedAt).HasColumnName("created_at");
        // text, not jsonb: jsonb would re-format the documents and break byte-identical reproduction. Compressed with
        // lz4 rather than PostgreSQL's default pglz: at 41,000 units (86 MiB) pglz took seconds of the publish request
        // (docs/monthly-scoring.md, Performance); the bytes read back are the same.
        e.Property(r => r.InputJson).HasColumnName("input").HasColumnType("text").UseCompressionMethod("lz4");
        e.Property(r => r.ResultJson).HasColumnName("result").HasColumnType("text").UseCompressionMethod("lz4");
        e.Property(r => r.ChangedUnits).HasColumnName("changed_units");
        e.HasOne<ScoreRun>().WithMany().HasForeignKey(r => r.Supersedes).OnDelete(DeleteBehavior.Restrict);
        e.ToTable(t => t.HasCheckConstraint("ck_score_runs_kind",
            "(kind = 'provisional' AND revision IS NULL) OR (kind = 'official' AND revision >= 1)"));
        // One row per official revision; provisional runs have no revision (NULLs are distinct).
        e.HasIndex(r => new { r.Tenant, r.FrameworkId, r.Period, r.PeerGroup, r.Revision }).IsUnique()
            .HasDatabaseName("ux_score_runs_revision");
        e.HasIndex(r => new { r.Tenant, r.PeerGroup, r.Period }).HasDatabaseName("ix_score_runs_period");
    }
}
