using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Intake.Contacts;

namespace Platform.Intake.Data;

internal sealed class KnownPersonConfiguration : IEntityTypeConfiguration<KnownPerson>
{
    public void Configure(EntityTypeBuilder<KnownPerson> e)
    {
        e.ToTable("known_people");
        e.HasKey(p => new { p.Tenant, p.Subject });
        e.Property(p => p.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(p => p.Subject).HasColumnName("subject").HasMaxLength(200);
        e.Property(p => p.Username).HasColumnName("username").HasMaxLength(200);
        e.Property(p => p.Name).HasColumnName("name").HasMaxLength(300);
        e.Property(p => p.Email).HasColumnName("email").HasMaxLength(300);
        e.Property(p => p.OrgUnit).HasColumnName("org_unit").HasMaxLength(100);
        e.Property(p => p.Roles).HasColumnName("roles").HasColumnType("text[]");
        e.Property(p => p.FirstSeenAt).HasColumnName("first_seen_at");
        e.Property(p => p.LastSeenAt).HasColumnName("last_seen_at");
        // The overview asks for the people of a unit.
        e.HasIndex(p => new { p.Tenant, p.OrgUnit }).HasDatabaseName("ix_known_people_unit");
    }
}
