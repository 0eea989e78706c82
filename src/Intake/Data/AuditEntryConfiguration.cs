using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Intake.Audit;

namespace Platform.Intake.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_entries");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(a => a.EntityType).HasColumnName("entity_type").HasMaxLength(20);
        e.Property(a => a.EntityId).HasColumnName("entity_id").HasMaxLength(200);
        e.Property(a => a.Action).HasColumnName("action").HasMaxLength(40);
        e.Property(a => a.By).HasColumnName("by").HasMaxLength(200);
        e.Property(a => a.At).HasColumnName("at");
        e.Property(a => a.Detail).HasColumnName("detail").HasMaxLength(4000);
        e.HasIndex(a => new { a.EntityType, a.EntityId, a.At }).HasDatabaseName("ix_audit_entries_entity");
    }
}
