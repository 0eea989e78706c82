using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.People;

/// <summary>
/// Records the signed-in person (name, e-mail, unit and roles from the token) whenever they call this service (the web
/// application asks for the unread count on every page). One upsert per call, written at most once an hour per person
/// unless something changed. Machine clients are not people and are not recorded.
/// </summary>
public static class KnownPeople
{
    public static async Task RecordAsync(DbContext db, string tenant, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        if (user.IsMachineClient() || user.Subject() is not { } subject || user.OrgUnit() is not { } unit) return;
        var username = user.FindFirst(KeycloakClaims.PreferredUsername)?.Value;
        var name = user.FindFirst("name")?.Value;
        var email = user.FindFirst("email")?.Value?.Trim().ToLowerInvariant();
        var roles = PlatformRoles.All.Where(user.IsInRole).ToArray();
        var now = time.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO people (tenant, subject, username, name, email, org_unit, roles, first_seen_at, last_seen_at)
            VALUES ({tenant}, {subject}, {username}, {name}, {email}, {unit}, {roles}, {now}, {now})
            ON CONFLICT (tenant, subject) DO UPDATE SET
                username = EXCLUDED.username, name = EXCLUDED.name, email = EXCLUDED.email, org_unit = EXCLUDED.org_unit,
                roles = EXCLUDED.roles, last_seen_at = EXCLUDED.last_seen_at
            WHERE people.last_seen_at < EXCLUDED.last_seen_at - interval '1 hour'
               OR people.username IS DISTINCT FROM EXCLUDED.username
               OR people.name IS DISTINCT FROM EXCLUDED.name
               OR people.email IS DISTINCT FROM EXCLUDED.email
               OR people.org_unit <> EXCLUDED.org_unit
               OR people.roles <> EXCLUDED.roles
            """, ct);
    }
}
