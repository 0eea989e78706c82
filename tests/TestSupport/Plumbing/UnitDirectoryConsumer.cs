using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;

namespace Platform.TestSupport.Plumbing;

/// <summary>
/// Keeps the consumer's unit directory: the inbox makes a redelivered message a no-op, and every
/// applied event leaves one row in <c>applied_events</c> so the tests can count effects.
/// </summary>
public sealed class UnitDirectoryConsumer(ConsumerDbContext db, DeliveryLog deliveries) : IConsumer<OrganisationUnitRegistered>
{
    public async Task Consume(ConsumeContext<OrganisationUnitRegistered> context)
    {
        deliveries.Record(context.MessageId!.Value);
        if (!await db.TryStartProcessingAsync(context, nameof(UnitDirectoryConsumer)))
        {
            deliveries.Complete(context.MessageId!.Value);
            return;
        }

        var message = context.Message;
        var entry = await db.Directory.SingleOrDefaultAsync(d => d.Code == message.UnitCode, context.CancellationToken);
        if (entry is null)
        {
            db.Directory.Add(new DirectoryEntry { Code = message.UnitCode, Name = message.Name, Revision = message.Revision });
        }
        else if (message.Revision > entry.Revision)
        {
            entry.Name = message.Name;
            entry.Revision = message.Revision;
        }
        db.Applied.Add(new AppliedEvent { MessageId = context.MessageId!.Value, UnitCode = message.UnitCode });
        await db.SaveChangesAsync(context.CancellationToken);
        deliveries.Complete(context.MessageId!.Value);
    }
}

/// <summary>
/// Counts deliveries (attempts, retries included) and completed deliveries (applied or skipped as
/// duplicates, committed) per message id, to know a duplicate has really been handled.
/// </summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentDictionary<Guid, int> _counts = new();
    private readonly ConcurrentDictionary<Guid, int> _completed = new();

    public void Complete(Guid messageId) => _completed.AddOrUpdate(messageId, 1, (_, n) => n + 1);

    public int Completed(Guid messageId) => _completed.GetValueOrDefault(messageId);

    public void Record(Guid messageId) => _counts.AddOrUpdate(messageId, 1, (_, n) => n + 1);

    public int Count(Guid messageId) => _counts.GetValueOrDefault(messageId);

    public int Total => _counts.Values.Sum();
}
