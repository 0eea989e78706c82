using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Data;

namespace Platform.DxIndex.Units;

/// <summary>
/// The caller's part of the unit tree, from this service's copy of the directory: the unit and everything below it
/// (the national root sees all). An unknown unit gives an empty subtree: the caller sees nothing rather than everything.
/// </summary>
public static class UnitSubtree
{
    public static IQueryable<string> SubtreeCodes(this DxIndexDbContext db, string tenant, string unitCode) =>
        // UNION (not UNION ALL) stops at a unit already reached, so even a corrupted tree terminates.
        db.Database.SqlQuery<string>($"""
            SELECT subtree.code AS "Value" FROM (
                WITH RECURSIVE tree(code) AS (
                    SELECT u.code FROM units u WHERE u.tenant = {tenant} AND u.code = {unitCode}
                    UNION
                    SELECT c.code FROM units c JOIN tree ON c.parent_code = tree.code WHERE c.tenant = {tenant}
                )
                SELECT code FROM tree) AS subtree
            """);

    /// <summary>Whether <paramref name="unitCode"/> is the tenant's national root (the unit without a parent, e.g. <c>vn</c>).</summary>
    public static Task<bool> IsRootAsync(this DxIndexDbContext db, string tenant, string unitCode, CancellationToken ct) =>
        db.Units.AnyAsync(u => u.Tenant == tenant && u.Code == unitCode && u.ParentCode == null, ct);

    /// <summary>The current names of units, for results people read (a code without a name stays out).</summary>
    public static async Task<Dictionary<string, string>> UnitNamesAsync(this DxIndexDbContext db, string tenant,
        IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var wanted = codes.ToArray();
        return await db.Units.AsNoTracking().Where(u => u.Tenant == tenant && wanted.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, StringComparer.Ordinal, ct);
    }
}
