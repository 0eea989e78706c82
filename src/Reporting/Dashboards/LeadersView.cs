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

/// <summary>One page of the heads-of-agency view: peer group, then rank (units that did not report last, by name).</summary>
/// <param name="Total">Scored units in the scope for the month (all pages).</param>
public sealed record LeadersView(string Framework, string Period, string PeriodName, string Unit, string UnitName, int Total, int Page, int PageSize,
    IReadOnlyList<LeaderLine> Units);

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
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    private sealed record Row(int InScope, string Unit, string PeerGroup, bool Reported, decimal? Total, string? Classification, int? Rank, int Ranked,
        decimal? PreviousTotal, int MonthsA, int MonthsB, int MonthsC, int MonthsD, int MonthsNotReported, int OnTime, int Due);

    public static async Task<Results<Ok<LeadersView>, ValidationProblem, ProblemHttpResult>> Get(string? framework, string? period, string? unit,
        int? page, int? pageSize, ReportingDbContext db, FrameworkCatalog catalog, IOptions<ReportingOptions> options, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var fw = DashboardInput.Framework(framework, DashboardInput.MonthlyFramework, catalog, errors)!;
        var month = DashboardInput.Month(period, "period", "Kỳ báo cáo", errors);
        if (page is < 1) errors["page"] = ["Trang (page) phải từ 1 trở lên."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"Số dòng mỗi trang (pageSize) phải từ 1 đến {MaxPageSize}."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var tenant = options.Value.Tenant;
        var (scope, problem) = await ReportingScope.ResolveAsync(db, tenant, user, unit, ct);
        if (problem is not null) return problem;

        month ??= await db.Database.SqlQuery<string?>($"""
            SELECT max(period) AS "Value" FROM publications WHERE tenant = {tenant} AND framework = {fw} AND is_current AND length(period) = 7
            """).SingleAsync(ct);
        if (month is null)
            return TypedResults.Ok(new LeadersView(fw, "", "", scope!.Unit, scope.UnitName, 0, 1, pageSize ?? DefaultPageSize, []));

        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        var rows = await Lines(db, tenant, fw, month, scope!, time.GetUtcNow(), (number - 1) * size, size).ToListAsync(ct);
        var names = await db.UnitNamesAsync(tenant, rows.Select(r => r.Unit).ToList(), ct);
        var lines = rows
            .Select(r => new LeaderLine(r.Unit, names.GetValueOrDefault(r.Unit, r.Unit), r.PeerGroup, r.Reported ? r.Total : null,
                r.Reported ? r.Classification : null, ReportText.ClassificationName(r.Reported ? r.Classification : null), r.Reported ? r.Rank : null,
                r.Ranked, r.Reported && r.PreviousTotal is { } before ? r.Total - before : null,
                r.MonthsA, r.MonthsB, r.MonthsC, r.MonthsD, r.MonthsNotReported, OnTimeRate(r.OnTime, r.Due)))
            .ToList();
        // Past the last page the count comes from the first row.
        var total = rows.Count > 0 ? rows[0].InScope
            : number == 1 ? 0 : (await Lines(db, tenant, fw, month, scope!, time.GetUtcNow(), 0, 1).ToListAsync(ct)).FirstOrDefault()?.InScope ?? 0;
        return TypedResults.Ok(new LeadersView(fw, month, ReportText.PeriodName(month), scope!.Unit, scope.UnitName, total, number, size, lines));
    }

    /// <summary>On time among the reports due, four decimals (0,8750), rounded as the compliance report rounds; null when none was due.</summary>
    public static decimal? OnTimeRate(int onTime, int due) => due == 0 ? null : Math.Round((decimal)onTime / due, 4);

    /// <summary>
    /// One SQL statement: the month's current results of the units in scope, ordered and cut to the page first (the yearly
    /// figures below are computed for that page's units only: 41,000 units in one peer group stay one page's work), last month's totals, the year's class counts,
    /// and the on-time rate from the compliance read model (owed reports × submission progress, statuses as in the plan:
    /// handed in = a submission whose latest state is submitted or approved (the latest such one when there are
    /// several, as the compliance report picks it); late = its first hand-in late, or at/after the deadline when the flag
    /// is unknown, or the approval's flag; not reported = nothing handed in and the deadline passed).
    /// </summary>
    private static IQueryable<Row> Lines(ReportingDbContext db, string tenant, string framework, string month, ReportScope scope, DateTimeOffset now,
        int offset, int limit)
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
            page AS (
                SELECT cur.*, count(*) OVER ()::int AS in_scope, COALESCE(n.name, cur.unit) AS name
                FROM cur LEFT JOIN units n ON n.tenant = {tenant} AND n.code = cur.unit
                ORDER BY cur.peer_group, cur.rank NULLS LAST, COALESCE(n.name, cur.unit) COLLATE "vi-VN-x-icu", cur.unit
                OFFSET {offset} LIMIT {limit}
            ),
            prev AS (
                SELECT s.unit, s.peer_group, s.total
                FROM publications p
                JOIN published_scores s ON s.tenant = p.tenant AND s.framework = p.framework AND s.period = p.period
                                       AND s.peer_group = p.peer_group AND s.revision = p.revision
                WHERE p.tenant = {tenant} AND p.framework = {framework} AND p.period = {previous} AND p.is_current AND s.reported
                  AND s.unit IN (SELECT unit FROM page)
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
                  AND s.unit IN (SELECT unit FROM page)
                GROUP BY s.unit
            ),
            handed AS (
                SELECT DISTINCT ON (sp.period, sp.reporting_unit, sp.target_unit)
                       sp.period, sp.reporting_unit, sp.target_unit, sp.first_submitted_late, sp.first_submitted_at, sp.approved_late
                FROM submission_progress sp
                WHERE sp.tenant = {tenant} AND sp.framework = {framework} AND sp.period BETWEEN {yearStart} AND {month}
                  AND sp.state IN ('submitted', 'approved') AND sp.reporting_unit IN (SELECT unit FROM page)
                ORDER BY sp.period, sp.reporting_unit, sp.target_unit, sp.occurred_at DESC
            ),
            owed AS (
                SELECT o.reporting_unit AS unit,
                       CASE WHEN h.period IS NULL THEN (CASE WHEN os.due_at <= {now} THEN 'not-reported' ELSE 'not-yet-due' END)
                            WHEN COALESCE(h.first_submitted_late, h.first_submitted_at >= os.due_at, h.approved_late, false) THEN 'late'
                            ELSE 'on-time' END AS status
                FROM owed_reports o
                JOIN obligation_sets os ON os.tenant = o.tenant AND os.framework = o.framework AND os.period = o.period
                                       AND os.level = o.level AND os.overseeing_unit = o.overseeing_unit
                LEFT JOIN handed h ON h.period = o.period AND h.reporting_unit = o.reporting_unit AND h.target_unit = o.target_unit
                WHERE o.tenant = {tenant} AND o.framework = {framework} AND o.period BETWEEN {yearStart} AND {month}
                  AND o.reporting_unit IN (SELECT unit FROM page)
            ),
            rate AS (
                SELECT unit, count(*) FILTER (WHERE status = 'on-time')::int AS on_time,
                       count(*) FILTER (WHERE status <> 'not-yet-due')::int AS due
                FROM owed GROUP BY unit
            )
            SELECT page.in_scope AS "InScope", page.unit AS "Unit", page.peer_group AS "PeerGroup", page.reported AS "Reported", page.total AS "Total",
                   page.classification AS "Classification", page.rank AS "Rank", page.ranked AS "Ranked", prev.total AS "PreviousTotal",
                   COALESCE(year.a, 0) AS "MonthsA", COALESCE(year.b, 0) AS "MonthsB", COALESCE(year.c, 0) AS "MonthsC",
                   COALESCE(year.d, 0) AS "MonthsD", COALESCE(year.not_reported, 0) AS "MonthsNotReported", COALESCE(rate.on_time, 0) AS "OnTime", COALESCE(rate.due, 0) AS "Due"
            FROM page
            LEFT JOIN prev ON prev.unit = page.unit AND prev.peer_group = page.peer_group
            LEFT JOIN year ON year.unit = page.unit
            LEFT JOIN rate ON rate.unit = page.unit
            ORDER BY page.peer_group, page.rank NULLS LAST, page.name COLLATE "vi-VN-x-icu", page.unit
            """);
    }
}
