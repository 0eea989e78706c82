using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Intake.Obligations;

namespace Platform.Intake.Data;

internal sealed class AnnouncedObligationConfiguration : IEntityTypeConfiguration<AnnouncedObligation>
{
    public void Configure(EntityTypeBuilder<AnnouncedObligation> e)
    {
        e.ToTable("announced_obligations");
        e.HasKey(a => new { a.Tenant, a.FrameworkId, a.Period, a.Level, a.OverseeingUnit });
        e.Property(a => a.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(a => a.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
        e.Property(a => a.Period).HasColumnName("period").HasMaxLength(20);
        e.Property(a => a.Level).HasColumnName("level").HasMaxLength(40);
        e.Property(a => a.OverseeingUnit).HasColumnName("overseeing_unit").HasMaxLength(100);
        e.Property(a => a.Revision).HasColumnName("revision");
        e.Property(a => a.Hash).HasColumnName("hash").HasMaxLength(64);
        e.Property(a => a.AnnouncedAt).HasColumnName("announced_at");
    }
}
