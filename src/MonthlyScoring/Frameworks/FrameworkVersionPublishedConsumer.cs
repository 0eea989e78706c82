using MassTransit;
using Platform.Contracts;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Outbox;
using Platform.MonthlyScoring.Data;

namespace Platform.MonthlyScoring.Frameworks;

/// <summary>Keeps this service's copy of the framework versions intake records (<see cref="FrameworkCopy"/>), then reloads the catalogue so the next request scores with it.</summary>
public sealed class FrameworkVersionPublishedConsumer(
    MonthlyScoringDbContext db, FrameworkStore<MonthlyScoringDbContext> store, TimeProvider time, ILogger<FrameworkVersionPublishedConsumer> logger)
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
