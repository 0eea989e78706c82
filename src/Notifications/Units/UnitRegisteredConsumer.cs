using MassTransit;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Data;

namespace Platform.Notifications.Units;

/// <summary>Keeps this service's copy of the unit directory (<see cref="UnitCopy"/>): names in messages, parents for escalation.</summary>
public sealed class UnitRegisteredConsumer(NotificationsDbContext db, ILogger<UnitRegisteredConsumer> logger) : IConsumer<OrganisationUnitRegistered>
{
    public async Task Consume(ConsumeContext<OrganisationUnitRegistered> context)
    {
        if (!await db.TryStartProcessingAsync(context, nameof(UnitRegisteredConsumer))) return;
        await UnitCopy.ApplyAsync(db, context.Message, logger, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
