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

/// <param name="Peers">Every unit of the peer group, totals aligned with <see cref="Months"/>; only when the group has ≤ 60 units.</param>
public sealed record UnitDashboard(string Framework, string Unit, string UnitName, string PeerGroup, string PeerGroupName,
    IReadOnlyList<GroupHeader> Groups, IReadOnlyList<UnitMonth> Months, IReadOnlyList<PeerSeries> Peers);

/// <summary>One month of a unit (current revision). Not reported: no total, class, rank or groups.</summary>
/// <param name="Ranked">Units of the peer group that reported (ranked) that month.</param>
/// <param name="PeerMedian">Median, average and best total of the peer group's reported units that month.</param>
public sealed record UnitMonth(string Period, string PeriodName, bool Reported, decimal? Total, string? Classification, int? Rank, int Ranked,
    IReadOnlyDictionary<string, decimal> Groups, decimal? PeerMedian, decimal? PeerAverage, decimal? PeerBest);

public sealed record PeerSeries(string Unit, string UnitName, IReadOnlyList<decimal?> Totals);

/// <summary>
/// A unit's totals and group scores over months beside its peer group's median, average and best (computed in SQL over
/// the current revisions), and each peer's line when the group is small enough to draw.
/// </summary>
public static class UnitDashboardQuery
{
    public const int MaxPeerSeries = 60;

    private sealed record MonthRow(string Period, string FrameworkVersion, int Ranked, int Units, bool? Reported, decimal? Total,
        string? Classification, int? Rank, string? Groups, decimal? PeerMedian, decimal? PeerAverage, decimal? PeerBest);

    private sealed record PeerRow(string Unit, string Period, decimal? Total);

    public static async Task<Results<Ok<UnitDashboard>, ValidationProblem, ProblemHttpResult>> Get(string unit, string? framework, string? from,
        string? to, ReportingDbContext db, FrameworkCatalog catalog, IOptions<ReportingOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var fw = DashboardInput.Framework(framework, DashboardInput.MonthlyFramework, catalog, errors)!;
        var first = DashboardInput.Month(from, "from", "Tháng bắt đầu", errors);
        var last = DashboardInput.Month(to, "to", "Tháng kết thúc", errors);
        DashboardInput.Range(first, last, errors);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var tenant = options.Value.Tenant;
        var (scope, problem) = await ReportingScope.ResolveAsync(db, tenant, user, unit, ct);
        if (problem is not null) return problem;

        // The peer group of its latest publication in (or before the end of) the range.
        var upTo = last ?? "9999-12";
        var peerGroup = await db.Database.SqlQuery<string>($"""
            SELECT s.peer_group AS "Value" FROM published_scores s
            JOIN publications p ON p.tenant = s.tenant AND p.framework = s.framework AND p.period = s.period
                               AND p.peer_group = s.peer_group AND p.revision = s.revision AND p.is_current
            WHERE s.tenant = {tenant} AND s.framework = {fw} AND s.unit = {scope!.Unit} AND s.period <= {upTo}
            ORDER BY s.period DESC LIMIT 1
            """).FirstOrDefaultAsync(ct);
        if (peerGroup is null)
            return ApiProblems.NotFound($"Chưa có kết quả chấm điểm nào được công bố cho {scope.UnitName}.");

        last ??= await db.Database.SqlQuery<string>($"""
            SELECT max(period) AS "Value" FROM publications
            WHERE tenant = {tenant} AND framework = {fw} AND peer_group = {peerGroup} AND is_current
            """).SingleAsync(ct);
        first ??= DashboardInput.MonthsBefore(last, 11);

        var months = await db.Database.SqlQuery<MonthRow>($"""
            SELECT p.period AS "Period", p.framework_version AS "FrameworkVersion", p.reported AS "Ranked", p.units AS "Units",
                   s.reported AS "Reported", s.total AS "Total", s.classification AS "Classification", s.rank AS "Rank",
                   s.groups::text AS "Groups", st.median AS "PeerMedian", st.average AS "PeerAverage", st.best AS "PeerBest"
            FROM publications p
            LEFT JOIN published_scores s ON s.tenant = p.tenant AND s.framework = p.framework AND s.period = p.period
                                        AND s.peer_group = p.peer_group AND s.revision = p.revision AND s.unit = {scope.Unit}
            CROSS JOIN LATERAL (
                SELECT round((percentile_cont(0.5) WITHIN GROUP (ORDER BY o.total))::numeric, 2) AS median,
                       round(avg(o.total), 2) AS average, max(o.total) AS best
                FROM published_scores o
                WHERE o.tenant = p.tenant AND o.framework = p.framework AND o.period = p.period
                  AND o.peer_group = p.peer_group AND o.revision = p.revision AND o.reported) st
            WHERE p.tenant = {tenant} AND p.framework = {fw} AND p.peer_group = {peerGroup} AND p.is_current
              AND p.period BETWEEN {first} AND {last}
            ORDER BY p.period
            """).ToListAsync(ct);

        var peers = new List<PeerSeries>();
        if (months.Count > 0 && months.Max(m => m.Units) <= MaxPeerSeries)
        {
            var rows = await db.Database.SqlQuery<PeerRow>($"""
                SELECT s.unit AS "Unit", s.period AS "Period", CASE WHEN s.reported THEN s.total END AS "Total"
                FROM publications p
                JOIN published_scores s ON s.tenant = p.tenant AND s.framework = p.framework AND s.period = p.period
                                       AND s.peer_group = p.peer_group AND s.revision = p.revision
                WHERE p.tenant = {tenant} AND p.framework = {fw} AND p.peer_group = {peerGroup} AND p.is_current
                  AND p.period BETWEEN {first} AND {last}
                """).ToListAsync(ct);
            var names = await db.UnitNamesAsync(tenant, rows.Select(r => r.Unit).Distinct().ToList(), ct);
            var index = months.Select((m, i) => (m.Period, i)).ToDictionary(x => x.Period, x => x.i);
            peers = [.. rows.GroupBy(r => r.Unit)
                .Select(g =>
                {
                    var totals = new decimal?[months.Count];
                    foreach (var r in g) totals[index[r.Period]] = r.Total;
                    return new PeerSeries(g.Key, names.GetValueOrDefault(g.Key, g.Key), totals);
                })
                .OrderBy(p => p.UnitName, ReportText.NameOrder)];
        }

        var latest = months.LastOrDefault();
        var groups = PublishedFrameworks.Groups(catalog, fw, latest?.FrameworkVersion, latest?.Period ?? last);
        return TypedResults.Ok(new UnitDashboard(fw, scope.Unit, scope.UnitName, peerGroup, ReportText.PeerGroupName(peerGroup), groups,
            [.. months.Select(m => m.Reported == true
                ? new UnitMonth(m.Period, ReportText.PeriodName(m.Period), true, m.Total, m.Classification, m.Rank, m.Ranked,
                    PublishedFrameworks.Scores(m.Groups), m.PeerMedian, m.PeerAverage, m.PeerBest)
                : new UnitMonth(m.Period, ReportText.PeriodName(m.Period), false, null, null, null, m.Ranked,
                    new Dictionary<string, decimal>(), m.PeerMedian, m.PeerAverage, m.PeerBest))],
            peers));
    }
}
