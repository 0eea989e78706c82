using MassTransit;
using Platform.Contracts;
using Platform.MonthlyScoring.Data;
using Platform.DataAndMessaging.Outbox;

namespace Platform.MonthlyScoring.Inputs;

/// <summary>Records that a period closed at one level; the event is published once, a redelivery changes nothing.</summary>
public sealed partial class PeriodClosedConsumer(MonthlyScoringDbContext db, ILogger<PeriodClosedConsumer> logger) : IConsumer<PeriodClosed>
{
    public async Task Consume(ConsumeContext<PeriodClosed> context)
    {
        if (!await db.TryStartProcessingAsync(context, nameof(PeriodClosedConsumer))) return;
        var m = context.Message;
        var known = await db.ClosedPeriods.FindAsync([m.Tenant, m.FrameworkId, m.Period, m.Level], context.CancellationToken);
        if (known is null)
        {
            db.ClosedPeriods.Add(new ClosedPeriod
            {
                Tenant = m.Tenant, FrameworkId = m.FrameworkId, Period = m.Period, Level = m.Level, DueAt = m.DueAt, ClosedAt = m.OccurredAt,
            });
        }
        await db.SaveChangesAsync(context.CancellationToken);
        LogClosed(logger, m.FrameworkId, m.Period, m.Level, m.Tenant);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Period {FrameworkId}/{Period} closed at level {Level} ({Tenant})")]
    private static partial void LogClosed(ILogger logger, string frameworkId, string period, string level, string tenant);
}
