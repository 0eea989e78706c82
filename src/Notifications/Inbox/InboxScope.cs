using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.Notifications.Preferences;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Inbox;

/// <summary>
/// The in-app notifications one person sees: those to <c>person:{sub}</c> and to <c>unit:{their unit}:{role}</c> for each
/// role they hold, without the kinds they turned off in-app (legal kinds always show).
/// </summary>
public static class InboxScope
{
    public static IQueryable<Notification> Visible(NotificationsDbContext db, string tenant, ClaimsPrincipal user)
    {
        var subject = user.Subject() ?? "";
        var unit = user.OrgUnit();
        var audiences = new List<string> { $"person:{subject}" };
        if (unit is not null) audiences.AddRange(PlatformRoles.All.Where(user.IsInRole).Select(r => Recipients.Audience(unit, r)));
        var legal = NotificationKinds.Legal.ToArray();
        return db.Notifications.AsNoTracking()
            .Where(n => n.Tenant == tenant && n.Channel == Channels.InApp && audiences.Contains(n.Recipient))
            .Where(n => legal.Contains(n.Kind) || !db.Set<Preference>().Any(p =>
                p.Tenant == tenant && p.Subject == subject && p.Kind == n.Kind && !p.InApp));
    }

    public static IQueryable<Notification> Unread(NotificationsDbContext db, string tenant, ClaimsPrincipal user)
    {
        var subject = user.Subject() ?? "";
        return Visible(db, tenant, user).Where(n => !db.Set<InboxRead>().Any(r =>
            r.Tenant == tenant && r.Subject == subject && r.NotificationId == n.Id));
    }
}
