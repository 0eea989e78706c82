using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Data;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Dti.Http;

/// <summary>
/// Which provinces a caller sees in provisional answers: all of them at the tenant's national root (the unit without a
/// parent, <c>vn</c>), otherwise the caller's own subtree. Official (published) results are not limited by this.
/// </summary>
internal sealed class DtiScope
{
    private readonly HashSet<string>? _units;

    private DtiScope(HashSet<string>? units) => _units = units;

    public static readonly DtiScope Everything = new(null);

    public bool All => _units is null;

    public bool Sees(string unit) => _units is null || _units.Contains(unit);

    /// <summary>The caller's scope, or null when the token carries no single <c>org_unit</c>.</summary>
    public static async Task<DtiScope?> ForAsync(DxIndexDbContext db, string tenant, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.OrgUnit() is not { } unit) return null;
        if (await db.IsRootAsync(tenant, unit, ct)) return Everything;
        var codes = await db.SubtreeCodes(tenant, unit).ToListAsync(ct);
        return new DtiScope(codes.ToHashSet(StringComparer.Ordinal));
    }
}
