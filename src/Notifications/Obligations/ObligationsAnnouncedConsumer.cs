using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.Notifications.Data;
using Platform.Notifications.Reminders;

namespace Platform.Notifications.Obligations;

/// <summary>
/// Keeps the owed set of one (tenant, framework, period, level, overseeing unit) from <see cref="ObligationsAnnounced"/>:
/// a higher revision replaces the deadline and every report; a stale or repeated one changes nothing. The reminders and
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
        var set = await db.Set<ObligationSet>().SingleOrDefaultAsync(s => s.Tenant == m.Tenant && s.Framework == m.FrameworkId
            && s.Period == m.Period && s.Level == m.Level && s.OverseeingUnit == m.OverseeingUnit, ct);
        if (set is not null && set.Revision >= m.Revision)
        {
            LogStale(logger, m.FrameworkId, m.Period, m.Level, m.OverseeingUnit, m.Revision, set.Revision);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return;
        }
        if (set is null)
        {
            set = new ObligationSet { Tenant = m.Tenant, Framework = m.FrameworkId, Period = m.Period, Level = m.Level, OverseeingUnit = m.OverseeingUnit };
            db.Add(set);
        }
        set.FrameworkVersion = m.FrameworkVersion;
        set.DueAt = m.DueAt.ToUniversalTime();
        set.Revision = m.Revision;
        set.AnnouncedAt = m.OccurredAt.ToUniversalTime();
        await db.Set<OwedReport>().Where(r => r.Tenant == m.Tenant && r.Framework == m.FrameworkId && r.Period == m.Period
            && r.Level == m.Level && r.OverseeingUnit == m.OverseeingUnit).ExecuteDeleteAsync(ct);
        db.AddRange(m.Reports.DistinctBy(r => (r.ReportingUnit, r.TargetUnit)).Select(r => new OwedReport
        {
            Tenant = m.Tenant, Framework = m.FrameworkId, Period = m.Period, Level = m.Level, OverseeingUnit = m.OverseeingUnit,
            ReportingUnit = r.ReportingUnit, TargetUnit = r.TargetUnit, Role = r.Role, InputKeys = [.. r.InputKeys],
        }));
        await db.SaveChangesAsync(ct);
        await planner.PlanAsync(db, set, time.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        LogStored(logger, m.FrameworkId, m.Period, m.Level, m.OverseeingUnit, m.Revision, m.Reports.Count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Obligations {Framework}/{Period}/{Level}/{Overseeing} revision {Revision} ignored: revision {Stored} is stored")]
    private static partial void LogStale(ILogger logger, string framework, string period, string level, string overseeing, int revision, int stored);

    [LoggerMessage(Level = LogLevel.Information, Message = "Obligations {Framework}/{Period}/{Level}/{Overseeing} revision {Revision}: {Reports} reports owed")]
    private static partial void LogStored(ILogger logger, string framework, string period, string level, string overseeing, int revision, int reports);
}
