using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.People;

/// <summary>
/// A person as their access token last described them (<see cref="KnownPeople"/>): whom to e-mail when a notice is for
/// "the reviewers of Lào Cai" or "the leader of Sở Tài chính", and whose preferences apply. The platform keeps no user
/// directory of its own (Keycloak does); this is what signed-in people have shown this service.
/// </summary>
public sealed class Person
{
    public string Tenant { get; set; } = "";

    /// <summary>The token's <c>sub</c>.</summary>
    public string Subject { get; set; } = "";

    public string? Username { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string OrgUnit { get; set; } = "";
    public string[] Roles { get; set; } = [];
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasKey(p => new { p.Tenant, p.Subject });
        builder.Property(p => p.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(p => p.Subject).HasColumnName("subject").HasMaxLength(200);
        builder.Property(p => p.Username).HasColumnName("username").HasMaxLength(200);
        builder.Property(p => p.Name).HasColumnName("name").HasMaxLength(300);
        builder.Property(p => p.Email).HasColumnName("email").HasMaxLength(320);
        builder.Property(p => p.OrgUnit).HasColumnName("org_unit").HasMaxLength(100);
        builder.Property(p => p.Roles).HasColumnName("roles");
        builder.Property(p => p.FirstSeenAt).HasColumnName("first_seen_at");
        builder.Property(p => p.LastSeenAt).HasColumnName("last_seen_at");
        builder.HasIndex(p => new { p.Tenant, p.OrgUnit }).HasDatabaseName("ix_people_unit");
    }
}
