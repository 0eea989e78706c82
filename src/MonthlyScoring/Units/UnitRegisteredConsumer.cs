using MassTransit;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.DataAndMessaging.Units;
using Platform.MonthlyScoring.Data;

namespace Platform.MonthlyScoring.Units;

/// <summary>Keeps this service's copy of the unit directory (<see cref="UnitCopy"/>): who belongs to which peer group, and whether the unit still exists.</summary>
public sealed class UnitRegisteredConsumer(MonthlyScoringDbContext db, ILogger<UnitRegisteredConsumer> logger) : IConsumer<OrganisationUnitRegistered>
{
    public async Task Consume(ConsumeContext<OrganisationUnitRegistered> context)
    {
        if (!await db.TryStartProcessingAsync(context, nameof(UnitRegisteredConsumer))) return;
        await UnitCopy.ApplyAsync(db, context.Message, logger, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
