using MassTransit;
using Platform.Contracts;
using Platform.DataAndMessaging.Obligations;
using Platform.DataAndMessaging.Outbox;
using Platform.Notifications.Data;
using Platform.Notifications.Reminders;

namespace Platform.Notifications.Obligations;

/// <summary>
/// Keeps the owed set of one (tenant, framework, period, level, overseeing unit) from <see cref="ObligationsAnnounced"/>
/// (<see cref="ObligationCopy"/>: a higher revision replaces it, a stale or repeated one changes nothing). The reminders and
/// escalations of the deadline are planned in the same transaction (<see cref="ReminderPlanner"/>).
/// </summary>
public sealed partial class ObligationsAnnouncedConsumer(NotificationsDbContext db, ReminderPlanner planner, TimeProvider time,
    ILogger<ObligationsAnnouncedConsumer> logger) : IConsumer<ObligationsAnnounced>
{
    public async Task Consume(ConsumeContext<ObligationsAnnounced> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.TryStartProcessingAsync(context, nameof(ObligationsAnnouncedConsumer), time)) return;
        var set = await ObligationCopy.ApplyAsync(db, m, ct);
        if (set is null)
        {
            LogStale(logger, m.FrameworkId, m.Period, m.Level, m.OverseeingUnit, m.Revision);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return;
        }
        await db.SaveChangesAsync(ct);
        await planner.PlanAsync(db, set, time.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        LogStored(logger, m.FrameworkId, m.Period, m.Level, m.OverseeingUnit, m.Revision, m.Reports.Count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Obligations {Framework}/{Period}/{Level}/{Overseeing} revision {Revision} ignored: an equal or newer revision is stored")]
    private static partial void LogStale(ILogger logger, string framework, string period, string level, string overseeing, int revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Obligations {Framework}/{Period}/{Level}/{Overseeing} revision {Revision}: {Reports} reports owed")]
    private static partial void LogStored(ILogger logger, string framework, string period, string level, string overseeing, int revision, int reports);
}
