using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Reporting.Data;
using Platform.Reporting.Shared;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Dashboards;

public sealed record ClassDistribution(string Framework, string PeerGroup, string PeerGroupName, IReadOnlyList<ClassMonth> Months);

/// <summary>How many units of the peer group got each class in a month (current revision); not reported counted apart.</summary>
public sealed record ClassMonth(string Period, string PeriodName, int A, int B, int C, int D, int NotReported);

public static class ClassDistributionQuery
{
    private sealed record Row(string Period, int A, int B, int C, int D, int NotReported);

    public static async Task<Results<Ok<ClassDistribution>, ValidationProblem>> Get(string? framework, string? peerGroup, string? from, string? to,
        ReportingDbContext db, FrameworkCatalog catalog, IOptions<ReportingOptions> options, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        var errors = new Dictionary<string, string[]>();
        var fw = DashboardInput.Framework(framework, DashboardInput.MonthlyFramework, catalog, errors);
        var group = string.IsNullOrWhiteSpace(peerGroup) ? "provinces" : peerGroup.Trim();
        if (!await DashboardInput.IsKnownPeerGroupAsync(db, tenant, fw, group, ct)) errors["peerGroup"] = [DashboardInput.UnknownPeerGroup(group)];
        var first = DashboardInput.Month(from, "from", "Tháng bắt đầu", errors);
        var last = DashboardInput.Month(to, "to", "Tháng kết thúc", errors);
        DashboardInput.Range(first, last, errors);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        last ??= await db.Database.SqlQuery<string?>($"""
            SELECT max(period) AS "Value" FROM publications
            WHERE tenant = {tenant} AND framework = {fw} AND peer_group = {group} AND is_current
            """).SingleAsync(ct);
        if (last is null) return TypedResults.Ok(new ClassDistribution(fw!, group, ReportText.PeerGroupName(group), []));
        first ??= DashboardInput.MonthsBefore(last, 11);

        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT p.period AS "Period",
                   count(*) FILTER (WHERE s.reported AND s.classification = 'A')::int AS "A",
                   count(*) FILTER (WHERE s.reported AND s.classification = 'B')::int AS "B",
                   count(*) FILTER (WHERE s.reported AND s.classification = 'C')::int AS "C",
                   count(*) FILTER (WHERE s.reported AND s.classification = 'D')::int AS "D",
                   count(*) FILTER (WHERE NOT s.reported)::int AS "NotReported"
            FROM publications p
            JOIN published_scores s ON s.tenant = p.tenant AND s.framework = p.framework AND s.period = p.period
                                   AND s.peer_group = p.peer_group AND s.revision = p.revision
            WHERE p.tenant = {tenant} AND p.framework = {fw} AND p.peer_group = {group} AND p.is_current
              AND p.period BETWEEN {first} AND {last}
            GROUP BY p.period
            ORDER BY p.period
            """).ToListAsync(ct);
        return TypedResults.Ok(new ClassDistribution(fw!, group, ReportText.PeerGroupName(group),
            [.. rows.Select(r => new ClassMonth(r.Period, ReportText.PeriodName(r.Period), r.A, r.B, r.C, r.D, r.NotReported))]));
    }
}
