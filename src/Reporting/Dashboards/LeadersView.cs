using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.DataAndMessaging.Units;
using Platform.Reporting.Data;
using Platform.Reporting.Shared;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Dashboards;

public sealed record LeadersView(string Framework, string Period, string PeriodName, string Unit, string UnitName, IReadOnlyList<LeaderLine> Units);

/// <summary>
/// One scored unit for the heads-of-agency view (seed 001: the monthly scores are the basis to evaluate the heads of
/// ministries, sectors and provinces; class A is proposed for commendation): the month's result, its change against
/// last month, how many months of the year so far fell in each class, and its on-time reporting rate.
/// </summary>
/// <param name="TotalChange">Total minus last month's total (both reported); null otherwise.</param>
/// <param name="MonthsA">Months from January to <c>period</c> in class A (current revisions); likewise B, C, D, not reported.</param>
/// <param name="OnTimeRate">Its own reports (as reporting unit) for the framework in that year so far: on time ÷ (on time + late +
/// not reported), 0–1; null when nothing was due yet. Statuses as the compliance report defines them.</param>
public sealed record LeaderLine(string Unit, string UnitName, string PeerGroup, decimal? Total, string? Classification, string ClassificationName,
    int? Rank, int Ranked, decimal? TotalChange, int MonthsA, int MonthsB, int MonthsC, int MonthsD, int MonthsNotReported, decimal? OnTimeRate);

public static class LeadersViewQuery
{
    private sealed record Row(string Unit, string PeerGroup, bool Reported, decimal? Total, string? Classification, int? Rank, int Ranked,
        decimal? PreviousTotal, int MonthsA, int MonthsB, int MonthsC, int MonthsD, int MonthsNotReported, decimal? OnTimeRate);

    public static async Task<Results<Ok<LeadersView>, ValidationProblem, ProblemHttpResult>> Get(string? framework, string? period, string? unit,
        ReportingDbContext db, FrameworkCatalog catalog, IOptions<ReportingOptions> options, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var fw = DashboardInput.Framework(framework, DashboardInput.MonthlyFramework, catalog, errors)!;
        var month = DashboardInput.Month(period, "period", "Kỳ báo cáo", errors);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var tenant = options.Value.Tenant;
        var (scope, problem) = await ReportingScope.ResolveAsync(db, tenant, user, unit, ct);
        if (problem is not null) return problem;

        month ??= await db.Database.SqlQuery<string?>($"""
            SELECT max(period) AS "Value" FROM publications WHERE tenant = {tenant} AND framework = {fw} AND is_current AND length(period) = 7
            """).SingleAsync(ct);
        if (month is null)
            return TypedResults.Ok(new LeadersView(fw, "", "", scope!.Unit, scope.UnitName, []));

        var rows = await Lines(db, tenant, fw, month, scope!, time.GetUtcNow()).ToListAsync(ct);
        var names = await db.UnitNamesAsync(tenant, rows.Select(r => r.Unit).ToList(), ct);
        var lines = rows
            .Select(r => new LeaderLine(r.Unit, names.GetValueOrDefault(r.Unit, r.Unit), r.PeerGroup, r.Reported ? r.Total : null,
                r.Reported ? r.Classification : null, ReportText.ClassificationName(r.Reported ? r.Classification : null), r.Reported ? r.Rank : null,
                r.Ranked, r.Reported && r.PreviousTotal is { } before ? r.Total - before : null,
                r.MonthsA, r.MonthsB, r.MonthsC, r.MonthsD, r.MonthsNotReported, r.OnTimeRate))
            .OrderBy(l => l.PeerGroup, StringComparer.Ordinal).ThenBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.UnitName, ReportText.NameOrder)
            .ToList();
        return TypedResults.Ok(new LeadersView(fw, month, ReportText.PeriodName(month), scope!.Unit, scope.UnitName, lines));
    }

    /// <summary>
    /// One SQL statement: the month's current results of the units in scope, last month's totals, the year's class counts,
    /// and the on-time rate from the compliance read model (owed reports × submission progress, statuses as in the plan:
    /// handed in = a submission submitted or approved; late = its first hand-in late, or at/after the deadline when the flag
    /// is unknown, or the approval's flag; not reported = nothing handed in and the deadline passed).
    /// </summary>
    private static IQueryable<Row> Lines(ReportingDbContext db, string tenant, string framework, string month, ReportScope scope, DateTimeOffset now)
    {
        var previous = ReportText.PreviousMonth(month)!;
        var yearStart = month[..4] + "-01";
        var everyone = scope.IsRoot;
        return db.Database.SqlQuery<Row>($"""
            WITH RECURSIVE tree(code) AS (
                SELECT u.code FROM units u WHERE u.tenant = {tenant} AND u.code = {scope.Unit} AND NOT {everyone}
                UNION
                SELECT c.code FROM units c JOIN tree ON c.parent_code = tree.code WHERE c.tenant = {tenant}
            ),
            cur AS (
                SELECT s.unit, s.peer_group, s.reported, s.total, s.classification, s.rank, p.reported AS ranked
                FROM publications p
                JOIN published_scores s ON s.tenant = p.tenant AND s.framework = p.framework AND s.period = p.period
                                       AND s.peer_group = p.peer_group AND s.revision = p.revision
                WHERE p.tenant = {tenant} AND p.framework = {framework} AND p.period = {month} AND p.is_current
                  AND ({everyone} OR s.unit IN (SELECT code FROM tree))
            ),
            prev AS (
                SELECT s.unit, s.peer_group, s.total
                FROM publications p
                JOIN published_scores s ON s.tenant = p.tenant AND s.framework = p.framework AND s.period = p.period
                                       AND s.peer_group = p.peer_group AND s.revision = p.revision
                WHERE p.tenant = {tenant} AND p.framework = {framework} AND p.period = {previous} AND p.is_current AND s.reported
                  AND s.unit IN (SELECT unit FROM cur)
            ),
            year AS (
                SELECT s.unit,
                       count(*) FILTER (WHERE s.reported AND s.classification = 'A')::int AS a,
                       count(*) FILTER (WHERE s.reported AND s.classification = 'B')::int AS b,
                       count(*) FILTER (WHERE s.reported AND s.classification = 'C')::int AS c,
                       count(*) FILTER (WHERE s.reported AND s.classification = 'D')::int AS d,
                       count(*) FILTER (WHERE NOT s.reported)::int AS not_reported
                FROM publications p
                JOIN published_scores s ON s.tenant = p.tenant AND s.framework = p.framework AND s.period = p.period
                                       AND s.peer_group = p.peer_group AND s.revision = p.revision
                WHERE p.tenant = {tenant} AND p.framework = {framework} AND p.period BETWEEN {yearStart} AND {month} AND p.is_current
                  AND s.unit IN (SELECT unit FROM cur)
                GROUP BY s.unit
            ),
            owed AS (
                SELECT o.reporting_unit AS unit,
                       CASE WHEN h.handed IS NULL THEN (CASE WHEN os.due_at <= {now} THEN 'not-reported' ELSE 'not-yet-due' END)
                            WHEN COALESCE(h.first_submitted_late, h.first_submitted_at >= os.due_at, h.approved_late, false) THEN 'late'
                            ELSE 'on-time' END AS status
                FROM owed_reports o
                JOIN obligation_sets os ON os.tenant = o.tenant AND os.framework = o.framework AND os.period = o.period
                                       AND os.level = o.level AND os.overseeing_unit = o.overseeing_unit
                LEFT JOIN LATERAL (
                    SELECT 1 AS handed, sp.first_submitted_late, sp.first_submitted_at, sp.approved_late
                    FROM submission_progress sp
                    WHERE sp.tenant = o.tenant AND sp.framework = o.framework AND sp.period = o.period
                      AND sp.reporting_unit = o.reporting_unit AND sp.target_unit = o.target_unit
                      AND sp.state IN ('submitted', 'approved')
                    ORDER BY sp.first_submitted_at NULLS LAST
                    LIMIT 1) h ON true
                WHERE o.tenant = {tenant} AND o.framework = {framework} AND o.period BETWEEN {yearStart} AND {month}
                  AND o.reporting_unit IN (SELECT unit FROM cur)
            ),
            rate AS (
                SELECT unit,
                       round(count(*) FILTER (WHERE status = 'on-time')::numeric
                             / NULLIF(count(*) FILTER (WHERE status <> 'not-yet-due'), 0), 4) AS on_time_rate
                FROM owed GROUP BY unit
            )
            SELECT cur.unit AS "Unit", cur.peer_group AS "PeerGroup", cur.reported AS "Reported", cur.total AS "Total",
                   cur.classification AS "Classification", cur.rank AS "Rank", cur.ranked AS "Ranked", prev.total AS "PreviousTotal",
                   COALESCE(year.a, 0) AS "MonthsA", COALESCE(year.b, 0) AS "MonthsB", COALESCE(year.c, 0) AS "MonthsC",
                   COALESCE(year.d, 0) AS "MonthsD", COALESCE(year.not_reported, 0) AS "MonthsNotReported", rate.on_time_rate AS "OnTimeRate"
            FROM cur
            LEFT JOIN prev ON prev.unit = cur.unit AND prev.peer_group = cur.peer_group
            LEFT JOIN year ON year.unit = cur.unit
            LEFT JOIN rate ON rate.unit = cur.unit
            """);
    }
}
