using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Security;

namespace Platform.DataAndMessaging.People;

/// <summary>
/// Records the signed-in person (name, e-mail in lower case, unit and roles from the token) when they call the service:
/// intake when they save, submit or look at their reports, notifications on every page (the unread count). One upsert
/// per call, written at most once an hour per person unless something changed; on its own (not in the caller's
/// transaction): knowing a person is no part of any state change. Machine clients are not people and are not recorded.
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
            INSERT INTO known_people (tenant, subject, username, name, email, org_unit, roles, first_seen_at, last_seen_at)
            VALUES ({tenant}, {subject}, {username}, {name}, {email}, {unit}, {roles}, {now}, {now})
            ON CONFLICT (tenant, subject) DO UPDATE SET
                username = EXCLUDED.username, name = EXCLUDED.name, email = EXCLUDED.email, org_unit = EXCLUDED.org_unit,
                roles = EXCLUDED.roles, last_seen_at = EXCLUDED.last_seen_at
            WHERE known_people.last_seen_at < EXCLUDED.last_seen_at - interval '1 hour'
               OR known_people.username IS DISTINCT FROM EXCLUDED.username
               OR known_people.name IS DISTINCT FROM EXCLUDED.name
               OR known_people.email IS DISTINCT FROM EXCLUDED.email
               OR known_people.org_unit <> EXCLUDED.org_unit
               OR known_people.roles <> EXCLUDED.roles
            """, ct);
    }
}
