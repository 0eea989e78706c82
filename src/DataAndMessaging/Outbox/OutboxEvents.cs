using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Platform.DataAndMessaging.Outbox;

public static class OutboxEvents
{
    internal static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>
    /// Adds an integration event to the outbox. It is written by the same <c>SaveChangesAsync</c> as the
    /// state change, so either both are stored or neither is; the relay publishes it afterwards, in the trace
    /// of the activity current here (<see cref="OutboxTracing"/>).
    /// </summary>
    /// <returns>The id the message will carry as its MessageId.</returns>
    public static Guid EnqueueEvent<T>(this DbContext db, T message, TimeProvider? time = null) where T : class
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var type = message.GetType();
        var (traceParent, traceState) = OutboxTracing.Capture();
        var row = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, type, Json),
            CreatedAt = now,
            NextAttemptAt = now,
            TraceParent = traceParent,
            TraceState = traceState,
        };
        db.Set<OutboxMessage>().Add(row);
        return row.Id;
    }

    /// <summary>
    /// Inbox check for a consumer: returns false when this consumer has already processed the message
    /// (a redelivery); otherwise records it in the change tracker so it is saved with the consumer's
    /// effect in one transaction. A concurrent duplicate then fails on the primary key and is retried,
    /// and the retry sees the record and returns false.
    /// </summary>
    public static async Task<bool> TryStartProcessingAsync(this DbContext db, ConsumeContext context, string consumer, TimeProvider? time = null)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"Message {context.SupportedMessageTypes.FirstOrDefault()} has no MessageId; the inbox cannot de-duplicate it.");
        var seen = await db.Set<InboxMessage>()
            .AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken);
        if (seen) return false;
        db.Set<InboxMessage>().Add(new InboxMessage
        {
            MessageId = messageId,
            Consumer = consumer,
            ProcessedAt = (time ?? TimeProvider.System).GetUtcNow(),
        });
        return true;
    }
}
