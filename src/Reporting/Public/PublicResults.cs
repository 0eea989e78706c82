using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Reporting.Dashboards;
using Platform.Reporting.Data;
using Platform.Reporting.ReadModels;
using Platform.Reporting.Shared;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Public;

public sealed record PublicResults(PublicRevision Revision, IReadOnlyList<PublicResultLine> Lines);

/// <summary>One unit's published result; not reported: no rank, total, class or groups.</summary>
public sealed record PublicResultLine(int? Rank, string Unit, string UnitName, bool Reported, decimal? Total, string? Classification,
    string ClassificationName, IReadOnlyDictionary<string, decimal> Groups);

public static class PublicResultsQuery
{
    internal sealed record LineRow(string Unit, string? UnitName, bool Reported, int? Rank, decimal? Total, string? Classification, decimal Bonus, string Groups);

    public static async Task<Results<Ok<PublicResults>, ValidationProblem, ProblemHttpResult>> Get(string framework, string period, string peerGroup,
        string? revision, ReportingDbContext db, FrameworkCatalog catalog, IOptions<ReportingOptions> options, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        var (publication, problem) = await FindAsync(db, tenant, framework, period, peerGroup, revision, ct);
        if (problem is not null) return problem;
        if (publication is null) return ApiProblems.NotFound(NotPublished);

        var described = (await PublicRevisions.DescribeAsync(db, catalog, tenant, [publication], ct))[0];
        var rows = await Lines(db, publication).ToListAsync(ct);
        var lines = rows.Select(r => new PublicResultLine(r.Reported ? r.Rank : null, r.Unit, r.UnitName ?? r.Unit, r.Reported, r.Reported ? r.Total : null,
                r.Reported ? r.Classification : null, ReportText.ClassificationName(r.Reported ? r.Classification : null),
                r.Reported ? PublishedFrameworks.Scores(r.Groups) : new Dictionary<string, decimal>()))
            .OrderBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.UnitName, ReportText.NameOrder).ToList();
        return TypedResults.Ok(new PublicResults(described, lines));
    }

    internal const string NotPublished = "Không có kết quả đã công bố cho bộ chỉ số, kỳ và nhóm đơn vị này.";

    /// <summary>The published revision asked for (current when none); only what was published exists here.</summary>
    internal static async Task<(Publication? Publication, ValidationProblem? Problem)> FindAsync(ReportingDbContext db, string tenant, string framework,
        string period, string peerGroup, string? revision, CancellationToken ct)
    {
        int? wanted = null;
        if (!string.IsNullOrWhiteSpace(revision))
        {
            if (int.TryParse(revision, out var r) && r >= 1) wanted = r;
            else return (null, ApiProblems.Invalid("revision", $"Lần công bố (revision) phải là số nguyên từ 1; nhận được \"{revision}\"."));
        }
        var publication = await db.Set<Publication>().AsNoTracking()
            .Where(p => p.Tenant == tenant && p.Framework == framework && p.Period == period && p.PeerGroup == peerGroup)
            .Where(p => wanted == null ? p.IsCurrent : p.Revision == wanted)
            .FirstOrDefaultAsync(ct);
        return (publication, null);
    }

    /// <summary>The revision's units with their names, in rank order, not reported last (streamable).</summary>
    internal static IQueryable<LineRow> Lines(ReportingDbContext db, Publication p) =>
        db.Database.SqlQuery<LineRow>($"""
            SELECT s.unit AS "Unit", u.name AS "UnitName", s.reported AS "Reported", s.rank AS "Rank", s.total AS "Total",
                   s.classification AS "Classification", s.bonus AS "Bonus", s.groups::text AS "Groups"
            FROM published_scores s
            LEFT JOIN units u ON u.tenant = s.tenant AND u.code = s.unit
            WHERE s.tenant = {p.Tenant} AND s.framework = {p.Framework} AND s.period = {p.Period} AND s.peer_group = {p.PeerGroup}
              AND s.revision = {p.Revision}
            ORDER BY (CASE WHEN s.reported THEN s.rank END) NULLS LAST, u.name, s.unit
            """);
}
