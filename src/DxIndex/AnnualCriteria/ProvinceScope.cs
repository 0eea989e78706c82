using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Data;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>
/// Which provinces a caller reads: every province for a caller at the national root (<c>vn</c>); otherwise the one
/// province (or centrally-run city) its <c>org_unit</c> is or lies in — a department of Lào Cai reads Lào Cai. Another
/// province is answered 404, as if it did not exist.
/// </summary>
internal sealed class ProvinceScope
{
    private readonly string? _province;

    private ProvinceScope(string? province) => _province = province;

    public bool All => _province is null;

    public bool Sees(string province) => _province is null || _province == province;

    /// <summary>The caller's scope; null when the token carries no single <c>org_unit</c> or the unit lies in no province.</summary>
    public static async Task<ProvinceScope?> ForAsync(DxIndexDbContext db, string tenant, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.OrgUnit() is not { } unit) return null;
        if (await db.IsRootAsync(tenant, unit, ct)) return new ProvinceScope(null);
        // Walk up to the province (a few steps: commune → province); a corrupted tree stops after ten.
        string? code = unit;
        for (var steps = 0; code is not null && steps < 10; steps++)
        {
            var current = code;
            var u = await db.Units.AsNoTracking().Where(x => x.Tenant == tenant && x.Code == current)
                .Select(x => new { x.Code, x.Kind, x.ParentCode }).SingleOrDefaultAsync(ct);
            if (u is null) return null;
            if (IsProvince(u.Kind)) return new ProvinceScope(u.Code);
            code = u.ParentCode;
        }
        return null;
    }

    public static bool IsProvince(string kind) => kind is "province" or "city";
}
