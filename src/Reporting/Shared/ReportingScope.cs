using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Units;
using Platform.Reporting.Data;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Reporting.Shared;

/// <summary>The unit a request reports on, within the caller's part of the tree.</summary>
/// <param name="Unit">The unit asked for (the caller's own when none was named).</param>
/// <param name="UnitName">Its name (its code when the directory does not know it).</param>
/// <param name="IsRoot">Whether it is the tenant's national root (sees everything).</param>
public sealed record ReportScope(string Unit, string UnitName, bool IsRoot);

/// <summary>
/// Who sees what: the caller's <c>org_unit</c> and everything below it; a unit outside that subtree is answered 404 (as
/// if it did not exist), a token without exactly one unit 403 (<see cref="ApiProblems.NoUnit"/>).
/// </summary>
public static class ReportingScope
{
    public static async Task<(ReportScope? Scope, ProblemHttpResult? Problem)> ResolveAsync(ReportingDbContext db, string tenant,
        ClaimsPrincipal user, string? unit, CancellationToken ct)
    {
        if (user.OrgUnit() is not { } caller) return (null, ApiProblems.NoUnit());
        var wanted = string.IsNullOrWhiteSpace(unit) ? caller : unit.Trim();
        if (wanted != caller && !await db.SubtreeCodes(tenant, caller).AnyAsync(c => c == wanted, ct))
            return (null, ApiProblems.NotFound("Không tìm thấy đơn vị này trong phạm vi bạn được xem."));
        var known = await db.Set<KnownUnit>().AsNoTracking().Where(u => u.Tenant == tenant && u.Code == wanted)
            .Select(u => new { u.Name, u.ParentCode }).SingleOrDefaultAsync(ct);
        return (new ReportScope(wanted, known?.Name ?? wanted, known is not null && known.ParentCode is null), null);
    }
}
