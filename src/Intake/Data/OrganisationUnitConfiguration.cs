using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Intake.Units;

namespace Platform.Intake.Data;

internal sealed class OrganisationUnitConfiguration : IEntityTypeConfiguration<OrganisationUnit>
{
    public void Configure(EntityTypeBuilder<OrganisationUnit> e)
    {
        e.ToTable("organisation_units");
        e.HasKey(u => u.Id);
        e.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(u => u.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(u => u.Code).HasColumnName("code").HasMaxLength(100);
        e.Property(u => u.Name).HasColumnName("name").HasMaxLength(300);
        e.Property(u => u.Kind).HasColumnName("kind").HasMaxLength(40);
        e.Property(u => u.ParentCode).HasColumnName("parent_code").HasMaxLength(100);
        e.Property(u => u.PeerGroups).HasColumnName("peer_groups");
        e.Property(u => u.FormedFrom).HasColumnName("formed_from").HasMaxLength(500);
        e.Property(u => u.ValidFrom).HasColumnName("valid_from");
        e.Property(u => u.ValidTo).HasColumnName("valid_to");
        e.Property(u => u.Revision).HasColumnName("revision");
        e.Ignore(u => u.Details);

        e.HasIndex(u => new { u.Tenant, u.Code, u.Revision })
            .IsUnique()
            .HasDatabaseName("ux_organisation_units_revision");
        // At most one open revision per code: the last line of defence if two writers race.
        e.HasIndex(u => new { u.Tenant, u.Code })
            .IsUnique()
            .HasFilter("valid_to IS NULL")
            .HasDatabaseName("ux_organisation_units_current");
        // Walking down the tree (subtree scoping) goes from parent to children.
        e.HasIndex(u => new { u.Tenant, u.ParentCode })
            .HasDatabaseName("ix_organisation_units_parent");
    }
}
