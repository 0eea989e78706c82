using Microsoft.EntityFrameworkCore;
using Platform.Notifications.FocalPoints;
using Platform.DataAndMessaging.People;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Reminders;

/// <summary>Someone to e-mail: an address and, when known, a name.</summary>
public sealed record Addressee(string Email, string? Name);

/// <summary>
/// Whom to e-mail about a unit: the focal points it registered for the framework first, otherwise the people of the unit
/// with the role (those who have signed in and have an e-mail address).
/// </summary>
public static class Audiences
{
    public static string InApp(string unit, string role) => $"unit:{unit}:{role}";

    public static async Task<Dictionary<string, List<Addressee>>> ReportersAsync(DbContext db, string tenant, string framework,
        IReadOnlyCollection<string> units, CancellationToken ct)
    {
        var codes = units.ToArray();
        var focal = (await db.Set<FocalPoint>().AsNoTracking()
                .Where(f => f.Tenant == tenant && f.Framework == framework && codes.Contains(f.Unit))
                .OrderBy(f => f.Unit).ThenBy(f => f.Ordinal)
                .Select(f => new { f.Unit, f.Email, f.Name }).ToListAsync(ct))
            .GroupBy(f => f.Unit)
            .ToDictionary(g => g.Key, g => g.Select(f => new Addressee(f.Email, f.Name)).ToList());
        var without = codes.Where(c => !focal.ContainsKey(c)).ToList();
        foreach (var (unit, people) in await PeopleAsync(db, tenant, without, PlatformRoles.Reporter, ct)) focal[unit] = people;
        return focal;
    }

    public static async Task<Dictionary<string, List<Addressee>>> PeopleAsync(DbContext db, string tenant, IReadOnlyCollection<string> units,
        string role, CancellationToken ct)
    {
        var codes = units.ToArray();
        var people = await db.Set<KnownPerson>().AsNoTracking()
            .Where(p => p.Tenant == tenant && codes.Contains(p.OrgUnit) && p.Roles.Contains(role) && p.Email != null && p.Email != "")
            .OrderBy(p => p.Name)
            .Select(p => new { p.OrgUnit, p.Email, p.Name }).ToListAsync(ct);
        return people.GroupBy(p => p.OrgUnit)
            .ToDictionary(g => g.Key, g => g.DistinctBy(p => p.Email).Select(p => new Addressee(p.Email!, p.Name)).ToList());
    }
}
