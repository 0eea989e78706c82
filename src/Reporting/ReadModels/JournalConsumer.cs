using MassTransit;
using Platform.Contracts;
using Platform.Reporting.Data;

namespace Platform.Reporting.ReadModels;

/// <summary>
/// What every reporting consumer does, in one transaction: journal the event (a message id already journaled is a
/// redelivery: commit and stop — the journal is these consumers' inbox), then apply it through the <see cref="Projector"/>,
/// the same code a rebuild runs.
/// </summary>
public abstract partial class JournalConsumer<T>(ReportingDbContext db, Projector projector, TimeProvider time, ILogger logger)
    : IConsumer<T> where T : class, IIntegrationEvent
{
    public async Task Consume(ConsumeContext<T> context)
    {
        var ct = context.CancellationToken;
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no MessageId; the journal cannot de-duplicate it.");
        // A retry of this message may reuse the scope: start from a clean change tracker.
        db.ChangeTracker.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await Journal.AppendAsync(db, messageId, context.Message, time.GetUtcNow(), ct))
            {
                await transaction.CommitAsync(ct);
                LogDuplicate(logger, typeof(T).Name, messageId);
                return;
            }
            await projector.ApplyAsync(db, context.Message, ct);
            await transaction.CommitAsync(ct);
        }
        LogApplied(logger, typeof(T).Name, messageId);
        await AfterCommitAsync(context.Message, ct);
    }

    /// <summary>What must wait for the commit (e.g. reloading the framework catalogue).</summary>
    protected virtual Task AfterCommitAsync(T message, CancellationToken ct) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Type} {MessageId} journaled and applied")]
    private static partial void LogApplied(ILogger logger, string type, Guid messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Type} {MessageId} is already in the journal: redelivery dropped")]
    private static partial void LogDuplicate(ILogger logger, string type, Guid messageId);
}
