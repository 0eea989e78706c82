using MassTransit;
using Platform.DataAndMessaging.Outbox;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Workflow;

/// <summary>
/// What every workflow consumer does with the notices of one event: in one transaction, the inbox row (a redelivered
/// event is skipped) and the notifications (a row already there is left as it is: unique per recipient, cause and
/// channel); then it wakes the senders.
/// </summary>
public sealed class NoticeQueue(NotificationsDbContext db, NoticeWriter writer, DeliverySignal signal, TimeProvider time)
{
    public async Task WriteAsync(ConsumeContext context, string consumer, Func<NoticeWriter, CancellationToken, Task<List<NewNotification>>> build)
    {
        var ct = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.TryStartProcessingAsync(context, consumer, time)) return;
        var items = await build(writer, ct);
        await NotificationQueue.EnqueueAsync(db, writer.Tenant, items, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        signal.Notify();
    }

    /// <summary>The cause of notices about one event (<c>event:{messageId}</c>), with <paramref name="suffix"/> when one event says several things.</summary>
    public static string Cause(ConsumeContext context, string? suffix = null) =>
        $"event:{context.MessageId}" + (suffix is null ? "" : ":" + suffix);
}
