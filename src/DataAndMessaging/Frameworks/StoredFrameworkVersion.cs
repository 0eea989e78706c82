using Microsoft.EntityFrameworkCore;

namespace Platform.DataAndMessaging.Frameworks;

/// <summary>
/// One framework version as a service stores it (table <c>framework_versions</c>): the definition exactly as it was
/// shipped or uploaded. Intake owns the versions (docs/decisions/0005); the scoring services keep a copy from
/// <c>FrameworkVersionPublished</c>.
/// </summary>
public sealed class StoredFrameworkVersion
{
    public required string FrameworkId { get; init; }
    public required string Version { get; init; }

    /// <summary>First period of the version (<c>YYYY-MM</c> or <c>YYYY</c>); kept beside the definition for ordering.</summary>
    public required string EffectiveFrom { get; init; }

    /// <summary>The definition's JSON, as received.</summary>
    public required string Definition { get; init; }

    /// <summary><c>shipped</c> (seeded from the build) or <c>uploaded</c> (by a framework administrator).</summary>
    public required string Source { get; init; }

    /// <summary>Who recorded it: the administrator's user name, <c>system</c> for shipped versions, or the publishing service.</summary>
    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

public static class FrameworkVersionSources
{
    public const string Shipped = "shipped";
    public const string Uploaded = "uploaded";
}

public static class FrameworkStoreModel
{
    /// <summary>Maps <see cref="StoredFrameworkVersion"/> to <c>framework_versions</c>; call from <c>OnModelCreating</c>.</summary>
    public static ModelBuilder AddFrameworkVersions(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredFrameworkVersion>(e =>
        {
            e.ToTable("framework_versions");
            e.HasKey(v => new { v.FrameworkId, v.Version });
            e.Property(v => v.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
            e.Property(v => v.Version).HasColumnName("version").HasMaxLength(100);
            e.Property(v => v.EffectiveFrom).HasColumnName("effective_from").HasMaxLength(7);
            e.Property(v => v.Definition).HasColumnName("definition");
            e.Property(v => v.Source).HasColumnName("source").HasMaxLength(20);
            e.Property(v => v.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
            e.Property(v => v.RecordedAt).HasColumnName("recorded_at");
        });
        return modelBuilder;
    }
}
