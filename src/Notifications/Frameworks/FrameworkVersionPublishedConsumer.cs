using MassTransit;
using Platform.Contracts;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Outbox;
using Platform.Notifications.Data;

namespace Platform.Notifications.Frameworks;

/// <summary>Keeps this service's copy of the framework versions intake records, so notices name frameworks as people know them.</summary>
public sealed class FrameworkVersionPublishedConsumer(
    NotificationsDbContext db, FrameworkStore<NotificationsDbContext> store, TimeProvider time, ILogger<FrameworkVersionPublishedConsumer> logger)
    : IConsumer<FrameworkVersionPublished>
{
    public async Task Consume(ConsumeContext<FrameworkVersionPublished> context)
    {
        if (!await db.TryStartProcessingAsync(context, nameof(FrameworkVersionPublishedConsumer))) return;
        var m = context.Message;
        await FrameworkCopy.AddAsync(db, logger, m.FrameworkId, m.Version, m.EffectiveFrom, m.Definition, m.Source, time.GetUtcNow(),
            context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await store.ReloadAsync(context.CancellationToken);
    }
}
