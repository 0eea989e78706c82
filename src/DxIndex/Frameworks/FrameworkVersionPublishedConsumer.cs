using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Outbox;
using Platform.DxIndex.Data;
using Platform.Scoring;

namespace Platform.DxIndex.Frameworks;

/// <summary>
/// Keeps this service's copy of the framework versions intake records. A version is stored once (versions never change
/// once recorded; a redelivery or a second copy is ignored), then the catalogue is reloaded so the next request scores
/// with it. Versions of frameworks this service does not score are kept too: the copy is the store's, not a filter.
/// </summary>
public sealed partial class FrameworkVersionPublishedConsumer(
    DxIndexDbContext db, FrameworkStore<DxIndexDbContext> store, TimeProvider time, ILogger<FrameworkVersionPublishedConsumer> logger)
    : IConsumer<FrameworkVersionPublished>
{
    public async Task Consume(ConsumeContext<FrameworkVersionPublished> context)
    {
        if (!await db.TryStartProcessingAsync(context, nameof(FrameworkVersionPublishedConsumer))) return;
        var m = context.Message;
        var (framework, problems) = FrameworkFile.Read(m.Definition);
        if (framework is null || framework.Id != m.FrameworkId || framework.Version != m.Version)
        {
            // Intake checked it before recording it; an unreadable copy here means the engines disagree: keep it out, loudly.
            LogUnreadable(logger, m.FrameworkId, m.Version, string.Join("; ", problems));
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }
        if (!await db.FrameworkVersions.AnyAsync(v => v.FrameworkId == m.FrameworkId && v.Version == m.Version, context.CancellationToken))
        {
            db.FrameworkVersions.Add(new StoredFrameworkVersion
            {
                FrameworkId = m.FrameworkId, Version = m.Version, EffectiveFrom = m.EffectiveFrom, Definition = m.Definition,
                Source = m.Source, RecordedBy = "intake", RecordedAt = time.GetUtcNow(),
            });
            LogStored(logger, m.FrameworkId, m.Version, m.EffectiveFrom);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        await store.ReloadAsync(context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Framework version {FrameworkId} {Version} stored, in force from {EffectiveFrom}")]
    private static partial void LogStored(ILogger logger, string frameworkId, string version, string effectiveFrom);

    [LoggerMessage(Level = LogLevel.Error, Message = "Framework version {FrameworkId} {Version} from intake cannot be read here and is left out: {Problems}")]
    private static partial void LogUnreadable(ILogger logger, string frameworkId, string version, string problems);
}
