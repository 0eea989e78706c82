using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Intake.Periods;

namespace Platform.Intake.Data;

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
        e.Property(c => c.ClosedAt).HasColumnName("closed_at");
    }
}
