using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;

namespace Platform.Intake.Units;

/// <summary>
/// Keeps every query inside the caller's part of the tree: a province sees itself, its departments and
/// communes; a ministry sees its own units; the national root <c>vn</c> sees everything. The filter is
/// part of the SQL (a recursive CTE), so rows outside the subtree are never loaded. An unknown unit code
/// gives an empty subtree: the caller sees nothing rather than everything.
/// </summary>
public static class UnitScope
{
    /// <summary>Codes of <paramref name="unitCode"/> and all units below it, as the tree stood on <paramref name="asOf"/>.</summary>
    public static IQueryable<string> SubtreeCodes(this IntakeDbContext db, string tenant, string unitCode, DateOnly asOf) =>
        // UNION (not UNION ALL) stops at a unit already reached, so even a corrupted tree terminates.
        // The CTE sits in a sub-select so EF can compose over it ("Value" is EF's name for a scalar column).
        db.Database.SqlQuery<string>($"""
            SELECT subtree.code AS "Value" FROM (
                WITH RECURSIVE tree(code) AS (
                    SELECT u.code FROM organisation_units u
                    WHERE u.tenant = {tenant} AND u.code = {unitCode}
                      AND u.valid_from <= {asOf} AND (u.valid_to IS NULL OR u.valid_to > {asOf})
                    UNION
                    SELECT c.code FROM organisation_units c JOIN tree ON c.parent_code = tree.code
                    WHERE c.tenant = {tenant}
                      AND c.valid_from <= {asOf} AND (c.valid_to IS NULL OR c.valid_to > {asOf})
                )
                SELECT code FROM tree) AS subtree
            """);

    /// <summary>
    /// Whether <paramref name="unitCode"/> is <paramref name="ancestorCode"/> or lies below it, as the tree stood on
    /// <paramref name="asOf"/>: the same answer as <c>SubtreeCodes(tenant, ancestorCode, asOf).Contains(unitCode)</c>, found by
    /// walking up from the unit through its parents in force (a handful of index lookups) instead of down through the
    /// whole subtree (a province of a 410,000-unit directory has thousands of units below it).
    /// </summary>
    public static Task<bool> IsInSubtreeAsync(this IntakeDbContext db, string tenant, string ancestorCode, string unitCode, DateOnly asOf,
        CancellationToken ct) =>
        // UNION stops at a unit already reached, so even a corrupted (cyclic) tree terminates.
        db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (
                WITH RECURSIVE up(code, parent_code) AS (
                    SELECT u.code, u.parent_code FROM organisation_units u
                    WHERE u.tenant = {tenant} AND u.code = {unitCode}
                      AND u.valid_from <= {asOf} AND (u.valid_to IS NULL OR u.valid_to > {asOf})
                    UNION
                    SELECT p.code, p.parent_code FROM organisation_units p JOIN up ON p.code = up.parent_code
                    WHERE p.tenant = {tenant}
                      AND p.valid_from <= {asOf} AND (p.valid_to IS NULL OR p.valid_to > {asOf})
                )
                SELECT 1 FROM up WHERE up.code = {ancestorCode}) AS "Value"
            """).SingleAsync(ct);

    /// <summary>
    /// Restricts <paramref name="source"/> to rows whose unit (picked by <paramref name="unitCode"/>) lies in
    /// <paramref name="subtree"/>: <c>query.WithinSubtree(s =&gt; s.ReportingUnit, db.SubtreeCodes(tenant, callerUnit, today))</c>.
    /// </summary>
    public static IQueryable<T> WithinSubtree<T>(this IQueryable<T> source, Expression<Func<T, string>> unitCode, IQueryable<string> subtree)
    {
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(string)], subtree.Expression, unitCode.Body);
        return source.Where(Expression.Lambda<Func<T, bool>>(contains, unitCode.Parameters));
    }

    /// <summary>The units a caller may see today (Vietnam time).</summary>
    public static IQueryable<OrganisationUnit> VisibleUnits(this IntakeDbContext db, string tenant, string callerUnit, TimeProvider time)
    {
        var today = time.TodayInVietnam();
        return db.OrganisationUnits.AsOf(tenant, today).WithinSubtree(u => u.Code, db.SubtreeCodes(tenant, callerUnit, today));
    }
}
