using MassTransit;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.DxIndex.Data;

namespace Platform.DxIndex.Dti.Inputs;

/// <summary>
/// Records that a DTI year closed at national level (<c>PeriodClosed</c> of <c>dti-province-405</c>, level
/// <c>to-national</c>): publication requires it. Other frameworks and levels are acknowledged and ignored; a redelivery
/// changes nothing (inbox, and one row per tenant and year).
/// </summary>
public sealed partial class DtiPeriodClosedConsumer(DxIndexDbContext db, ILogger<DtiPeriodClosedConsumer> logger) : IConsumer<PeriodClosed>
{
    public const string NationalLevel = "to-national";

    public async Task Consume(ConsumeContext<PeriodClosed> context)
    {
        var m = context.Message;
        if (m.FrameworkId != DtiOptions.FrameworkId || m.Level != NationalLevel) return;
        if (!await db.TryStartProcessingAsync(context, nameof(DtiPeriodClosedConsumer))) return;
        var closed = db.Set<DtiClosedYear>();
        if (await closed.FindAsync([m.Tenant, m.Period], context.CancellationToken) is null)
            closed.Add(new DtiClosedYear { Tenant = m.Tenant, Year = m.Period, DueAt = m.DueAt, ClosedAt = m.OccurredAt });
        await db.SaveChangesAsync(context.CancellationToken);
        LogClosed(logger, m.Period, m.Tenant);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DTI year {Year} closed at national level ({Tenant})")]
    private static partial void LogClosed(ILogger logger, string year, string tenant);
}
