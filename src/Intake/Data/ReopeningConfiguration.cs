using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Intake.Periods;

namespace Platform.Intake.Data;

internal sealed class ReopeningConfiguration : IEntityTypeConfiguration<Reopening>
{
    public void Configure(EntityTypeBuilder<Reopening> e)
    {
        e.ToTable("period_reopenings");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(r => r.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(r => r.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
        e.Property(r => r.Period).HasColumnName("period").HasMaxLength(20);
        e.Property(r => r.Unit).HasColumnName("unit").HasMaxLength(100);
        e.Property(r => r.Until).HasColumnName("until");
        e.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(4000);
        e.Property(r => r.By).HasColumnName("by").HasMaxLength(200);
        e.Property(r => r.At).HasColumnName("at");
        e.HasIndex(r => new { r.Tenant, r.FrameworkId, r.Period, r.Unit }).HasDatabaseName("ix_period_reopenings_unit");
    }
}
