using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Data;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Webhooks;

/// <summary>
/// Which subscriptions a platform administrator manages: all of the tenant's at the national root, otherwise those owned
/// by the caller's unit or a unit below it.
/// </summary>
internal sealed class WebhookScope
{
    private readonly string _tenant;
    private readonly HashSet<string>? _units;

    private WebhookScope(string tenant, string unit, HashSet<string>? units) => (_tenant, Unit, _units) = (tenant, unit, units);

    /// <summary>The caller's unit: the owner of a subscription created without one.</summary>
    public string Unit { get; }

    /// <summary>The caller's scope, or null when the token carries no single <c>org_unit</c>.</summary>
    public static async Task<WebhookScope?> ForAsync(NotificationsDbContext db, string tenant, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.OrgUnit() is not { } unit) return null;
        if (await db.IsRootAsync(tenant, unit, ct)) return new WebhookScope(tenant, unit, null);
        var codes = await db.SubtreeCodes(tenant, unit).ToListAsync(ct);
        return new WebhookScope(tenant, unit, codes.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The subscriptions in scope (the filter is part of the query: a row out of scope is never loaded).</summary>
    public IQueryable<WebhookSubscription> Subscriptions(NotificationsDbContext db)
    {
        var query = db.Set<WebhookSubscription>().Where(s => s.Tenant == _tenant);
        if (_units is null) return query;
        var units = _units.ToArray();
        return query.Where(s => units.Contains(s.OwnerUnit));
    }

    public async Task<bool> CanOwnAsync(NotificationsDbContext db, string unit, CancellationToken ct) =>
        _units is null ? await db.Set<KnownUnit>().AnyAsync(u => u.Tenant == _tenant && u.Code == unit, ct) : _units.Contains(unit);
}
