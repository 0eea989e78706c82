using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.DataAndMessaging.People;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Preferences;

/// <summary>The caller's channels per kind (every kind a person can receive; both channels unless they chose otherwise).</summary>
public static class ReadPreferences
{
    public static async Task<Ok<PreferencesView>> Handle(NotificationsDbContext db, IOptions<NotificationsOptions> options, ClaimsPrincipal user,
        TimeProvider time, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        return TypedResults.Ok(await ViewAsync(db, tenant, user.Subject() ?? "", ct));
    }

    internal static async Task<PreferencesView> ViewAsync(NotificationsDbContext db, string tenant, string subject, CancellationToken ct)
    {
        var chosen = await db.Set<Preference>().AsNoTracking().Where(p => p.Tenant == tenant && p.Subject == subject)
            .ToDictionaryAsync(p => p.Kind, ct);
        return new PreferencesView([.. NotificationKinds.ForPeople.Select(kind =>
        {
            var legal = NotificationKinds.Legal.Contains(kind);
            var row = chosen.GetValueOrDefault(kind);
            return new KindPreference(kind, KindNames.Of(kind), legal, legal || (row?.Email ?? true), legal || (row?.InApp ?? true));
        })]);
    }
}
