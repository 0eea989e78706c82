using Microsoft.EntityFrameworkCore;

namespace Platform.DataAndMessaging.Units;

/// <summary>
/// Questions a service asks its copy of the unit directory. The caller's part of the tree is the unit and everything
/// below it (the national root sees all); an unknown unit gives an empty subtree: the caller sees nothing rather than
/// everything.
/// </summary>
public static class UnitDirectory
{
    public static IQueryable<string> SubtreeCodes(this DbContext db, string tenant, string unitCode) =>
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
    public static Task<bool> IsRootAsync(this DbContext db, string tenant, string unitCode, CancellationToken ct) =>
        db.Set<KnownUnit>().AnyAsync(u => u.Tenant == tenant && u.Code == unitCode && u.ParentCode == null, ct);

    /// <summary>The current names of units, for results people read (a code without a name stays out).</summary>
    public static async Task<Dictionary<string, string>> UnitNamesAsync(this DbContext db, string tenant,
        IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var wanted = codes.ToArray();
        return await db.Set<KnownUnit>().AsNoTracking().Where(u => u.Tenant == tenant && wanted.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, StringComparer.Ordinal, ct);
    }
}
