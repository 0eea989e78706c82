using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Security;

namespace Platform.MonthlyScoring.Runs;

/// <summary>
/// Which units a caller may see in provisional runs, explanations and unit history: everything for a caller whose
/// <c>org_unit</c> is the tenant's national root (the unit without a parent in <c>units</c>, e.g. <c>vn</c>); otherwise
/// only the caller's subtree. Official revisions are not limited by this.
/// </summary>
internal sealed class RunScope
{
    private readonly HashSet<string>? _units;

    private RunScope(HashSet<string>? units) => _units = units;

    /// <summary>The caller sees every unit.</summary>
    public bool All => _units is null;

    public bool Sees(string unit) => _units is null || _units.Contains(unit);

    /// <summary>The caller's scope, or null when the token carries no single <c>org_unit</c>.</summary>
    public static async Task<RunScope?> ForAsync(MonthlyScoringDbContext db, string tenant, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.OrgUnit() is not { } unit) return null;
        if (await db.IsRootAsync(tenant, unit, ct)) return new RunScope(null);
        var codes = await db.SubtreeCodes(tenant, unit).ToListAsync(ct);
        return new RunScope(codes.ToHashSet(StringComparer.Ordinal));
    }
}
