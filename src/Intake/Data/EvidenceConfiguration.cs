using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Intake.Evidence;
using Platform.Intake.Submissions;

namespace Platform.Intake.Data;

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> e)
    {
        e.ToTable("evidence_files");
        e.HasKey(f => f.Id);
        e.Property(f => f.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(f => f.SubmissionId).HasColumnName("submission_id");
        e.Property(f => f.InputKey).HasColumnName("input_key").HasMaxLength(100);
        e.Property(f => f.FileName).HasColumnName("file_name").HasMaxLength(EvidenceFileName.MaxLength);
        e.Property(f => f.ContentType).HasColumnName("content_type").HasMaxLength(100);
        e.Property(f => f.Size).HasColumnName("size");
        e.Property(f => f.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength();
        e.Property(f => f.UploadedBy).HasColumnName("uploaded_by").HasMaxLength(200);
        e.Property(f => f.UploadedAt).HasColumnName("uploaded_at");
        e.Property(f => f.RemovedAt).HasColumnName("removed_at");
        e.Property(f => f.RemovedBy).HasColumnName("removed_by").HasMaxLength(200);
        e.HasOne<Submission>().WithMany().HasForeignKey(f => f.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to evidence_blobs: the content lives behind IEvidenceStore, which need not be this database.
        // One live link per submission, input (none counts as one) and content: a parallel duplicate upload loses the race.
        e.HasIndex(f => new { f.SubmissionId, f.InputKey, f.Sha256 })
            .IsUnique()
            .AreNullsDistinct(false)
            .HasFilter("removed_at IS NULL")
            .HasDatabaseName("ux_evidence_files_link");
    }
}

internal sealed class EvidenceBlobConfiguration : IEntityTypeConfiguration<EvidenceBlob>
{
    public void Configure(EntityTypeBuilder<EvidenceBlob> e)
    {
        e.ToTable("evidence_blobs");
        e.HasKey(b => b.Sha256);
        e.Property(b => b.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength();
        e.Property(b => b.ContentType).HasColumnName("content_type").HasMaxLength(100);
        e.Property(b => b.Size).HasColumnName("size");
        e.Property(b => b.Content).HasColumnName("content").HasColumnType("bytea");
        e.Property(b => b.CreatedAt).HasColumnName("created_at");
    }
}
