using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Webhooks;

/// <summary>
/// Writes one <c>webhook</c> notification per active subscription to the event's type (cause <c>event:{messageId}</c>,
/// so a redelivered event adds nothing), in one transaction with the inbox row. A subscription owned below the national
/// root receives an event about units (<see cref="WebhookEvents.UnitsOf"/>) only when one of them is in its subtree.
/// </summary>
public static partial class WebhookFanOut
{
    public static async Task ConsumeAsync<T>(NotificationsDbContext db, ConsumeContext<T> context, string consumer, TimeProvider time, ILogger logger)
        where T : class, IIntegrationEvent
    {
        var ct = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.TryStartProcessingAsync(context, consumer, time)) return;
        var message = context.Message;
        var eventType = typeof(T).Name;
        var messageId = context.MessageId!.Value;
        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking()
            .Where(s => s.Tenant == message.Tenant && s.Active && s.Events.Contains(eventType))
            .ToListAsync(ct);
        var recipients = new List<WebhookSubscription>();
        var units = WebhookEvents.UnitsOf(message)?.ToArray();
        foreach (var subscription in subscriptions)
        {
            if (units is null || await db.IsRootAsync(message.Tenant, subscription.OwnerUnit, ct)
                || await db.SubtreeCodes(message.Tenant, subscription.OwnerUnit).AnyAsync(code => units.Contains(code), ct))
                recipients.Add(subscription);
        }
        var body = WebhookEnvelope.Create(messageId, message);
        var subject = WebhookEvents.NameOf(eventType);
        var added = await NotificationQueue.EnqueueAsync(db, message.Tenant,
            recipients.Select(s => new NewNotification(NotificationKinds.Event, $"event:{messageId:D}", Channels.Webhook, s.Recipient, s.Name,
                s.OwnerUnit, subject, body, Html: null, Link: null, Legal: false)).ToList(),
            time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogFannedOut(logger, eventType, messageId, added);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{EventType} {MessageId}: {Count} webhook deliveries queued")]
    private static partial void LogFannedOut(ILogger logger, string eventType, Guid messageId, int count);
}
