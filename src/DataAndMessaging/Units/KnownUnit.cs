using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.DataAndMessaging.Units;

/// <summary>
/// This service's copy of one organisation unit, kept from <c>OrganisationUnitRegistered</c> (latest revision wins):
/// names people read, the tree that decides who sees what, and peer groups (<c>provinces</c>, <c>&lt;province&gt;.communes</c>).
/// </summary>
public sealed class KnownUnit
{
    public string Tenant { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? ParentCode { get; set; }
    public string[] PeerGroups { get; set; } = [];
    public DateOnly? ValidTo { get; set; }
    public int Revision { get; set; }
}

internal sealed class KnownUnitConfiguration : IEntityTypeConfiguration<KnownUnit>
{
    public void Configure(EntityTypeBuilder<KnownUnit> e)
    {
        e.ToTable("units");
        e.HasKey(u => new { u.Tenant, u.Code });
        e.Property(u => u.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(u => u.Code).HasColumnName("code").HasMaxLength(100);
        e.Property(u => u.Name).HasColumnName("name").HasMaxLength(300);
        e.Property(u => u.Kind).HasColumnName("kind").HasMaxLength(40);
        e.Property(u => u.ParentCode).HasColumnName("parent_code").HasMaxLength(100);
        e.Property(u => u.PeerGroups).HasColumnName("peer_groups");
        e.Property(u => u.ValidTo).HasColumnName("valid_to");
        e.Property(u => u.Revision).HasColumnName("revision");
        e.HasIndex(u => u.PeerGroups).HasMethod("gin").HasDatabaseName("ix_units_peer_groups");
        e.HasIndex(u => new { u.Tenant, u.ParentCode }).HasDatabaseName("ix_units_parent");
    }
}

public static class UnitDirectoryModel
{
    /// <summary>Maps the service's copy of the unit directory (table <c>units</c>).</summary>
    public static ModelBuilder AddUnitDirectory(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new KnownUnitConfiguration());
}
