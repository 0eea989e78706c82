using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;

namespace Platform.MonthlyScoring.Units;

/// <summary>The current names of units (from this service's copy of the directory), for results people read.</summary>
public static class UnitNames
{
    public static async Task<Dictionary<string, string>> UnitNamesAsync(this MonthlyScoringDbContext db, string tenant,
        IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var wanted = codes.ToArray();
        return await db.Units.AsNoTracking().Where(u => u.Tenant == tenant && wanted.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, StringComparer.Ordinal, ct);
    }
}
