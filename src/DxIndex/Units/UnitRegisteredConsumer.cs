using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DxIndex.Data;
using Platform.DataAndMessaging.Outbox;

namespace Platform.DxIndex.Units;

/// <summary>
/// Keeps this service's copy of the unit directory: a higher revision replaces the stored unit, a lower or equal one
/// (stale or duplicate) is ignored. Peer groups and end date are kept as stored when an older publisher leaves them out.
/// </summary>
public sealed partial class UnitRegisteredConsumer(DxIndexDbContext db, ILogger<UnitRegisteredConsumer> logger) : IConsumer<OrganisationUnitRegistered>
{
    public async Task Consume(ConsumeContext<OrganisationUnitRegistered> context)
    {
        if (!await db.TryStartProcessingAsync(context, nameof(UnitRegisteredConsumer))) return;
        var message = context.Message;
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Tenant == message.Tenant && u.Code == message.UnitCode, context.CancellationToken);
        if (unit is null)
        {
            unit = new KnownUnit { Tenant = message.Tenant, Code = message.UnitCode };
            db.Units.Add(unit);
        }
        else if (message.Revision <= unit.Revision)
        {
            LogStale(logger, message.Tenant, message.UnitCode, message.Revision, unit.Revision);
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }

        unit.Name = message.Name;
        unit.Kind = message.Kind;
        unit.ParentCode = message.ParentCode;
        unit.Revision = message.Revision;
        if (message.PeerGroups is not null) unit.PeerGroups = [.. message.PeerGroups];
        if (message.ValidTo is not null) unit.ValidTo = message.ValidTo;
        await db.SaveChangesAsync(context.CancellationToken);
        LogStored(logger, message.Tenant, message.UnitCode, message.Revision);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {Tenant}/{UnitCode} revision {Revision} ignored: revision {Stored} is stored")]
    private static partial void LogStale(ILogger logger, string tenant, string unitCode, int revision, int stored);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unit {Tenant}/{UnitCode} stored at revision {Revision}")]
    private static partial void LogStored(ILogger logger, string tenant, string unitCode, int revision);
}
