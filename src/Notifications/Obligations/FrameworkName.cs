using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.Notifications.Data;

namespace Platform.Notifications.Obligations;

/// <summary>A framework's name as its latest published version gives it, so people read names in reminders, not ids.</summary>
public sealed class FrameworkName
{
    public string Tenant { get; set; } = "";
    public string Framework { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
}

internal sealed class FrameworkNameConfiguration : IEntityTypeConfiguration<FrameworkName>
{
    public void Configure(EntityTypeBuilder<FrameworkName> builder)
    {
        builder.ToTable("framework_names");
        builder.HasKey(f => new { f.Tenant, f.Framework });
        builder.Property(f => f.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(f => f.Framework).HasColumnName("framework").HasMaxLength(100);
        builder.Property(f => f.Name).HasColumnName("name").HasMaxLength(500);
        builder.Property(f => f.PublishedAt).HasColumnName("published_at");
    }
}

/// <summary>Keeps <see cref="FrameworkName"/> from <see cref="FrameworkVersionPublished"/> (the latest publication wins).</summary>
public sealed class FrameworkNameConsumer(NotificationsDbContext db) : IConsumer<FrameworkVersionPublished>
{
    public async Task Consume(ConsumeContext<FrameworkVersionPublished> context)
    {
        var m = context.Message;
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (!await db.TryStartProcessingAsync(context, nameof(FrameworkNameConsumer))) return;
        await db.SaveChangesAsync(context.CancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO framework_names (tenant, framework, name, published_at) VALUES ({m.Tenant}, {m.FrameworkId}, {m.Name}, {m.OccurredAt.ToUniversalTime()})
            ON CONFLICT (tenant, framework) DO UPDATE SET name = EXCLUDED.name, published_at = EXCLUDED.published_at
            WHERE framework_names.published_at <= EXCLUDED.published_at
            """, context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }
}

public static class FrameworkNames
{
    /// <summary>The framework's name, or its id when no version has been published to this service.</summary>
    public static async Task<string> NameAsync(DbContext db, string tenant, string framework, CancellationToken ct) =>
        await db.Set<FrameworkName>().AsNoTracking().Where(f => f.Tenant == tenant && f.Framework == framework)
            .Select(f => f.Name).SingleOrDefaultAsync(ct) ?? framework;
}
