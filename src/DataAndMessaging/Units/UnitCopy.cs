using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts;

namespace Platform.DataAndMessaging.Units;

/// <summary>
/// Keeps a service's copy of the unit directory from <c>OrganisationUnitRegistered</c>: a higher revision replaces the
/// stored unit, a lower or equal one (stale or duplicate) is ignored. Peer groups and end date are kept as stored when an
/// older publisher leaves them out. The caller's consumer starts its inbox row first and saves afterwards.
/// </summary>
public static partial class UnitCopy
{
    public static async Task ApplyAsync(DbContext db, OrganisationUnitRegistered message, ILogger logger, CancellationToken ct)
    {
        var units = db.Set<KnownUnit>();
        var unit = await units.SingleOrDefaultAsync(u => u.Tenant == message.Tenant && u.Code == message.UnitCode, ct);
        if (unit is null)
        {
            unit = new KnownUnit { Tenant = message.Tenant, Code = message.UnitCode };
            units.Add(unit);
        }
        else if (message.Revision <= unit.Revision)
        {
            LogStale(logger, message.Tenant, message.UnitCode, message.Revision, unit.Revision);
            return;
        }

        unit.Name = message.Name;
        unit.Kind = message.Kind;
        unit.ParentCode = message.ParentCode;
        unit.Revision = message.Revision;
        if (message.PeerGroups is not null) unit.PeerGroups = [.. message.PeerGroups];
        if (message.ValidTo is not null) unit.ValidTo = message.ValidTo;
        LogStored(logger, message.Tenant, message.UnitCode, message.Revision);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {Tenant}/{UnitCode} revision {Revision} ignored: revision {Stored} is stored")]
    private static partial void LogStale(ILogger logger, string tenant, string unitCode, int revision, int stored);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unit {Tenant}/{UnitCode} stored at revision {Revision}")]
    private static partial void LogStored(ILogger logger, string tenant, string unitCode, int revision);
}
