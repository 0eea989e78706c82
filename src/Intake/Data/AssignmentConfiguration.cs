using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Intake.Assignments;

namespace Platform.Intake.Data;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> e)
    {
        e.ToTable("assignments");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(a => a.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(a => a.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
        e.Property(a => a.ReportingUnit).HasColumnName("reporting_unit").HasMaxLength(100);
        e.Property(a => a.TargetUnit).HasColumnName("target_unit").HasMaxLength(100);
        e.Property(a => a.InputKeys).HasColumnName("input_keys").HasColumnType("text[]");
        e.Property(a => a.Frequency).HasColumnName("frequency").HasMaxLength(40);
        e.Property(a => a.Role).HasColumnName("role").HasMaxLength(20);
        e.Property(a => a.ValidFrom).HasColumnName("valid_from");
        e.Property(a => a.ValidTo).HasColumnName("valid_to");
        e.Property(a => a.Version).HasColumnName("version").IsConcurrencyToken();

        // A unit may owe inputs of one framework at several frequencies (seed 004: annual, quarterly, weekly, ...).
        e.HasIndex(a => new { a.Tenant, a.FrameworkId, a.ReportingUnit, a.TargetUnit, a.Role, a.Frequency, a.ValidFrom })
            .IsUnique()
            .HasDatabaseName("ux_assignments_key");
        e.HasIndex(a => new { a.Tenant, a.FrameworkId, a.TargetUnit }).HasDatabaseName("ix_assignments_target");
    }
}
