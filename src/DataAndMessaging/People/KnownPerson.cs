using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.DataAndMessaging.People;

/// <summary>
/// A person as their access token last described them to this service (name, e-mail, unit, roles): whom to call about a
/// report (intake), whom to e-mail a notice for "the reviewers of Lào Cai" (notifications). The platform keeps no user
/// directory (Keycloak does); this is only what signed-in people have shown the service (<see cref="KnownPeople"/>).
/// </summary>
public sealed class KnownPerson
{
    private KnownPerson() { }

    public string Tenant { get; private init; } = "";

    /// <summary>The token's <c>sub</c>: what records name as <c>created_by</c>, <c>submitted_by</c>, ….</summary>
    public string Subject { get; private init; } = "";

    public string? Username { get; private init; }
    public string? Name { get; private init; }

    /// <summary>Lower case.</summary>
    public string? Email { get; private init; }

    public string OrgUnit { get; private init; } = "";
    public string[] Roles { get; private init; } = [];
    public DateTimeOffset FirstSeenAt { get; private init; }
    public DateTimeOffset LastSeenAt { get; private init; }
}

internal sealed class KnownPersonConfiguration : IEntityTypeConfiguration<KnownPerson>
{
    public void Configure(EntityTypeBuilder<KnownPerson> builder)
    {
        builder.ToTable("known_people");
        builder.HasKey(p => new { p.Tenant, p.Subject });
        builder.Property(p => p.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(p => p.Subject).HasColumnName("subject").HasMaxLength(200);
        builder.Property(p => p.Username).HasColumnName("username").HasMaxLength(200);
        builder.Property(p => p.Name).HasColumnName("name").HasMaxLength(300);
        builder.Property(p => p.Email).HasColumnName("email").HasMaxLength(300);
        builder.Property(p => p.OrgUnit).HasColumnName("org_unit").HasMaxLength(100);
        builder.Property(p => p.Roles).HasColumnName("roles").HasColumnType("text[]");
        builder.Property(p => p.FirstSeenAt).HasColumnName("first_seen_at");
        builder.Property(p => p.LastSeenAt).HasColumnName("last_seen_at");
        // The people of a unit: intake's overview, notifications' recipients.
        builder.HasIndex(p => new { p.Tenant, p.OrgUnit }).HasDatabaseName("ix_known_people_unit");
    }
}

public static class KnownPeopleModel
{
    /// <summary>Maps the service's table of the people it has seen (<c>known_people</c>).</summary>
    public static ModelBuilder AddKnownPeople(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new KnownPersonConfiguration());
}
