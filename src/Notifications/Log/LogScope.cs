using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Log;

/// <summary>
/// The sent log an administrator may read: everything at the national root; below it, the notifications about units of
/// their subtree. The scope is part of the query, so a row outside it is never loaded.
/// </summary>
public static class LogScope
{
    public static async Task<IQueryable<Notification>?> ForAsync(NotificationsDbContext db, string tenant, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.OrgUnit() is not { } unit) return null;
        var all = db.Notifications.AsNoTracking().Where(n => n.Tenant == tenant);
        if (await db.IsRootAsync(tenant, unit, ct)) return all;
        var subtree = db.SubtreeCodes(tenant, unit);
        return all.Where(n => n.Unit != null && subtree.Contains(n.Unit));
    }

    public static async Task<List<LogItem>> ItemsAsync(NotificationsDbContext db, string tenant, IQueryable<Notification> rows, CancellationToken ct)
    {
        var list = await rows.Select(n => new
        {
            n.Id, n.Kind, n.Channel, n.Recipient, n.RecipientName, n.Unit, n.Subject, n.State, n.Attempts, n.CreatedAt, n.SentAt, n.LastError,
        }).ToListAsync(ct);
        var names = await db.UnitNamesAsync(tenant, [.. list.Where(n => n.Unit != null).Select(n => n.Unit!).Distinct()], ct);
        return [.. list.Select(n => new LogItem(n.Id, n.Kind, KindNames.Of(n.Kind), n.Channel, n.Recipient, n.RecipientName, n.Unit,
            n.Unit is null ? null : names.GetValueOrDefault(n.Unit), n.Subject, n.State, KindNames.State(n.State), n.Attempts, n.CreatedAt,
            n.SentAt, n.LastError))];
    }
}
