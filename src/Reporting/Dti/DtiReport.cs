using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.DataAndMessaging.Units;
using Platform.Reporting.Dashboards;
using Platform.Reporting.Data;
using Platform.Reporting.ReadModels;
using Platform.Reporting.Shared;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Dti;

/// <summary>The annual provincial DX index (QĐ 405) as published: one revision, its pillars, every province with last year beside it.</summary>
public sealed record DtiReport(string Framework, string FrameworkName, string FrameworkVersion, string Year, int Revision, bool Current,
    DateTimeOffset PublishedAt, string PublishedAtVietnam, string? CorrectionReason, IReadOnlyList<GroupHeader> Pillars, IReadOnlyList<DtiLine> Provinces);

/// <param name="PreviousRank">Rank and total in the previous year's current revision, when the province was ranked then.</param>
public sealed record DtiLine(int? Rank, string Unit, string UnitName, bool Reported, decimal? Total, IReadOnlyDictionary<string, decimal> Pillars,
    int? PreviousRank, decimal? PreviousTotal);

public static class DtiReportQuery
{
    public const string Framework = "dti-province-405";
    public const string PeerGroup = "provinces";

    internal sealed record LineRow(string Unit, string? UnitName, bool Reported, int? Rank, decimal? Total, string Pillars, int? PreviousRank, decimal? PreviousTotal);

    public static async Task<Results<Ok<DtiReport>, ValidationProblem, ProblemHttpResult>> Get(string year, string? revision,
        ReportingDbContext db, FrameworkCatalog catalog, IOptions<ReportingOptions> options, CancellationToken ct)
    {
        var (publication, problem) = await FindAsync(db, options.Value.Tenant, year, revision, ct);
        if (problem is not null) return problem;
        if (publication is null) return ApiProblems.NotFound(NotPublished(year, revision));

        var rows = await Lines(db, publication).ToListAsync(ct);
        var lines = rows.Select(r => new DtiLine(r.Reported ? r.Rank : null, r.Unit, r.UnitName ?? r.Unit, r.Reported, r.Reported ? r.Total : null,
                r.Reported ? PublishedFrameworks.Scores(r.Pillars) : new Dictionary<string, decimal>(), r.PreviousRank, r.PreviousTotal))
            .OrderBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.UnitName, ReportText.NameOrder).ToList();
        return TypedResults.Ok(new DtiReport(Framework, PublishedFrameworks.Name(catalog, Framework, publication.FrameworkVersion, year),
            publication.FrameworkVersion, year, publication.Revision, publication.IsCurrent, publication.PublishedAt,
            ReportText.Moment(publication.PublishedAt), publication.Reason,
            PublishedFrameworks.Groups(catalog, Framework, publication.FrameworkVersion, year), lines));
    }

    internal static string NotPublished(string year, string? revision) =>
        string.IsNullOrWhiteSpace(revision)
            ? $"Chỉ số chuyển đổi số cấp tỉnh năm {year} chưa được công bố."
            : $"Không có lần công bố {revision} của chỉ số chuyển đổi số cấp tỉnh năm {year}.";

    /// <summary>The revision asked for (current when none); a malformed year or revision is a 400 naming it.</summary>
    internal static async Task<(Publication? Publication, ValidationProblem? Problem)> FindAsync(ReportingDbContext db, string tenant, string year,
        string? revision, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (year.Length != 4 || !year.All(char.IsAsciiDigit))
            errors["year"] = [$"Năm (year) phải là 4 chữ số, ví dụ 2026; nhận được \"{year}\"."];
        int? wanted = null;
        if (!string.IsNullOrWhiteSpace(revision))
        {
            if (int.TryParse(revision, out var r) && r >= 1) wanted = r;
            else errors["revision"] = [$"Lần công bố (revision) phải là số nguyên từ 1; nhận được \"{revision}\"."];
        }
        if (errors.Count > 0) return (null, ApiProblems.Invalid(errors));
        var publication = await db.Set<Publication>().AsNoTracking()
            .Where(p => p.Tenant == tenant && p.Framework == Framework && p.PeerGroup == PeerGroup && p.Period == year)
            .Where(p => wanted == null ? p.IsCurrent : p.Revision == wanted)
            .FirstOrDefaultAsync(ct);
        return (publication, null);
    }

    /// <summary>The revision's provinces with names and the previous year's current rank and total, in rank order (streamable).</summary>
    internal static IQueryable<LineRow> Lines(ReportingDbContext db, Publication p)
    {
        var previousYear = (int.Parse(p.Period, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.Database.SqlQuery<LineRow>($"""
            SELECT s.unit AS "Unit", u.name AS "UnitName", s.reported AS "Reported", s.rank AS "Rank", s.total AS "Total",
                   s.groups::text AS "Pillars", prev.rank AS "PreviousRank", prev.total AS "PreviousTotal"
            FROM published_scores s
            LEFT JOIN units u ON u.tenant = s.tenant AND u.code = s.unit
            LEFT JOIN LATERAL (
                SELECT ps.rank, ps.total FROM publications pp
                JOIN published_scores ps ON ps.tenant = pp.tenant AND ps.framework = pp.framework AND ps.period = pp.period
                                        AND ps.peer_group = pp.peer_group AND ps.revision = pp.revision
                WHERE pp.tenant = s.tenant AND pp.framework = s.framework AND pp.peer_group = s.peer_group AND pp.period = {previousYear}
                  AND pp.is_current AND ps.unit = s.unit AND ps.reported) prev ON true
            WHERE s.tenant = {p.Tenant} AND s.framework = {p.Framework} AND s.period = {p.Period} AND s.peer_group = {p.PeerGroup}
              AND s.revision = {p.Revision}
            ORDER BY (CASE WHEN s.reported THEN s.rank END) NULLS LAST, u.name, s.unit
            """);
    }
}
