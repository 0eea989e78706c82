using Microsoft.EntityFrameworkCore;
using Platform.Notifications.FocalPoints;
using Platform.DataAndMessaging.People;
using Platform.Notifications.Preferences;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Delivery;

/// <summary>One address an e-mail goes to, whose it is, and why that person gets it (<see cref="Recipients"/>).</summary>
/// <param name="FocalPoint">Reached as the unit's registered focal point for the framework (not as a role holder).</param>
public sealed record MailRecipient(string Email, string? Name, bool FocalPoint);

/// <summary>
/// Who is told: in-app, the audience <c>unit:{code}:{role}</c> (whoever holds the role in the unit sees it, each with
/// their own read state); by e-mail, the unit's focal points for the framework first, or, when it has none or the
/// notice is for another role, the people of the unit with the role (those who have signed in). A person who turned
/// e-mail off for a kind is left out, except for legal kinds.
/// </summary>
public static class Recipients
{
    public static string Audience(string unit, string role) => $"unit:{unit}:{role}";

    public static async Task<IReadOnlyList<MailRecipient>> EmailAsync(DbContext db, string tenant, string unit, string? framework,
        string role, string kind, CancellationToken ct)
    {
        List<MailRecipient> found = [];
        if (role == PlatformRoles.Reporter && framework is not null)
        {
            found = await db.Set<FocalPoint>().AsNoTracking()
                .Where(f => f.Tenant == tenant && f.Unit == unit && f.Framework == framework)
                .OrderBy(f => f.Ordinal)
                .Select(f => new MailRecipient(f.Email, f.Name, true))
                .ToListAsync(ct);
        }
        if (found.Count == 0)
        {
            found = await db.Set<KnownPerson>().AsNoTracking()
                .Where(p => p.Tenant == tenant && p.OrgUnit == unit && p.Roles.Contains(role) && p.Email != null && p.Email != "")
                .OrderBy(p => p.Name)
                .Select(p => new MailRecipient(p.Email!, p.Name, false))
                .ToListAsync(ct);
        }
        found = [.. found.DistinctBy(r => r.Email.ToLowerInvariant())];
        if (NotificationKinds.Legal.Contains(kind) || found.Count == 0) return found;

        // A person's choice applies by their address too: a focal point who also signs in is one person.
        var addresses = found.Select(r => r.Email.ToLowerInvariant()).ToArray();
        var silenced = await (
                from p in db.Set<KnownPerson>().AsNoTracking()
                join pref in db.Set<Preference>().AsNoTracking() on new { p.Tenant, p.Subject } equals new { pref.Tenant, pref.Subject }
                where p.Tenant == tenant && p.Email != null && addresses.Contains(p.Email) && pref.Kind == kind && !pref.Email
                select p.Email!)
            .ToListAsync(ct);
        return [.. found.Where(r => !silenced.Contains(r.Email.ToLowerInvariant()))];
    }
}
