using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Units;
using Platform.Reporting.Dashboards;
using Platform.Reporting.Data;
using Platform.Reporting.ReadModels;
using Platform.Reporting.Shared;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Reporting.OfficialReports;

/// <summary>One unit of a published revision with its name and last month's result (current revision of the previous month).</summary>
public sealed record RankingRow(string Unit, string? UnitName, bool Reported, int? Rank, decimal? Total, string? Classification, decimal Bonus,
    string Groups, int? PreviousRank, decimal? PreviousTotal, string? PreviousClassification);

/// <summary>Which publication a ranking request means, and which of its units the caller may see.</summary>
/// <param name="Restricted">Only units of the caller's subtree (a peer group that is not national, for a caller below the root).</param>
public sealed record RankingSource(Publication Publication, bool Restricted, string Caller);

public static class RankingSources
{
    public static readonly IReadOnlyList<string> Classifications = ["A", "B", "C", "D", "none"];

    /// <summary>
    /// The revision asked for (current when none) of <paramref name="framework"/>/<paramref name="period"/>/<paramref name="peerGroup"/>:
    /// bad input → 400 naming every field at once; not published (or nothing of it in the caller's part of the tree) → 404.
    /// </summary>
    public static async Task<(RankingSource? Source, ValidationProblem? Invalid, ProblemHttpResult? Problem)> FindAsync(ReportingDbContext db, string tenant, ClaimsPrincipal user,
        string framework, string period, string peerGroup, string? revision, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (!IsPeriod(period)) errors["period"] = [$"Kỳ (period) phải có dạng YYYY-MM, ví dụ 2026-11; nhận được \"{period}\"."];
        var wanted = Revision(revision, errors);
        if (errors.Count > 0) return (null, ApiProblems.Invalid(errors), null);

        var publication = await db.Set<Publication>().AsNoTracking()
            .Where(p => p.Tenant == tenant && p.Framework == framework && p.Period == period && p.PeerGroup == peerGroup)
            .Where(p => wanted == null ? p.IsCurrent : p.Revision == wanted)
            .FirstOrDefaultAsync(ct);
        var notPublished = ApiProblems.NotFound(wanted is null
            ? $"Kết quả {ReportText.PeriodName(period).ToLower(ReportText.Vietnamese)} của nhóm \"{ReportText.PeerGroupName(peerGroup)}\" chưa được công bố."
            : $"Không có lần công bố {wanted} của kết quả {ReportText.PeriodName(period).ToLower(ReportText.Vietnamese)} nhóm \"{ReportText.PeerGroupName(peerGroup)}\".");
        if (publication is null) return (null, null, notPublished);

        var caller = user.OrgUnit();
        if (DashboardInput.NationalPeerGroups.Contains(peerGroup)) return (new RankingSource(publication, false, caller ?? ""), null, null);
        if (caller is null) return (null, null, ApiProblems.NoUnit());
        if (await db.IsRootAsync(tenant, caller, ct)) return (new RankingSource(publication, false, caller), null, null);
        var subtree = db.SubtreeCodes(tenant, caller);
        var visible = await Scores(db, publication).AnyAsync(s => subtree.Contains(s.Unit), ct);
        return visible ? (new RankingSource(publication, true, caller), null, null) : (null, null, notPublished);
    }

    /// <summary>The revision's units with names and last month, in rank order (not reported last, by name); streamable.</summary>
    public static IQueryable<RankingRow> Rows(ReportingDbContext db, RankingSource source, string? classification = null)
    {
        var p = source.Publication;
        var previous = ReportText.PreviousMonth(p.Period) ?? "";
        var rows = db.Database.SqlQuery<RankingRow>($"""
            SELECT s.unit AS "Unit", u.name AS "UnitName", s.reported AS "Reported", s.rank AS "Rank", s.total AS "Total",
                   s.classification AS "Classification", s.bonus AS "Bonus", s.groups::text AS "Groups",
                   prev.rank AS "PreviousRank", prev.total AS "PreviousTotal", prev.classification AS "PreviousClassification"
            FROM published_scores s
            LEFT JOIN units u ON u.tenant = s.tenant AND u.code = s.unit
            LEFT JOIN LATERAL (
                SELECT ps.rank, ps.total, ps.classification FROM publications pp
                JOIN published_scores ps ON ps.tenant = pp.tenant AND ps.framework = pp.framework AND ps.period = pp.period
                                        AND ps.peer_group = pp.peer_group AND ps.revision = pp.revision
                WHERE pp.tenant = s.tenant AND pp.framework = s.framework AND pp.peer_group = s.peer_group AND pp.period = {previous}
                  AND pp.is_current AND ps.unit = s.unit AND ps.reported) prev ON true
            WHERE s.tenant = {p.Tenant} AND s.framework = {p.Framework} AND s.period = {p.Period} AND s.peer_group = {p.PeerGroup}
              AND s.revision = {p.Revision}
            """).AsNoTracking();
        if (source.Restricted)
        {
            var subtree = db.SubtreeCodes(p.Tenant, source.Caller);
            rows = rows.Where(r => subtree.Contains(r.Unit));
        }
        if (classification == "none") rows = rows.Where(r => !r.Reported);
        else if (classification is not null) rows = rows.Where(r => r.Reported && r.Classification == classification);
        // Units that have not reported come last, by name in Vietnamese order (Đ after D).
        return rows.OrderBy(r => r.Rank == null || !r.Reported).ThenBy(r => r.Rank)
            .ThenBy(r => EF.Functions.Collate(r.UnitName, Compliance.ComplianceRows.VietnameseCollation)).ThenBy(r => r.Unit);
    }

    /// <summary>How many units of each class (A–D, and <c>none</c> = not reported) the caller sees in the revision.</summary>
    public static async Task<IReadOnlyList<ClassCount>> ClassesAsync(ReportingDbContext db, RankingSource source, CancellationToken ct)
    {
        var scores = Scores(db, source.Publication);
        if (source.Restricted)
        {
            var subtree = db.SubtreeCodes(source.Publication.Tenant, source.Caller);
            scores = scores.Where(s => subtree.Contains(s.Unit));
        }
        var counts = await scores.GroupBy(s => s.Reported ? s.Classification ?? "none" : "none")
            .Select(g => new { g.Key, Units = g.Count() }).ToListAsync(ct);
        return Classifications.Select(c => new ClassCount(c, ReportText.ClassificationName(c == "none" ? null : c),
            counts.Where(x => x.Key == c).Sum(x => x.Units))).ToList();
    }

    public static IQueryable<PublishedScore> Scores(ReportingDbContext db, Publication p) =>
        db.Set<PublishedScore>().AsNoTracking().Where(s => s.Tenant == p.Tenant && s.Framework == p.Framework && s.Period == p.Period
            && s.PeerGroup == p.PeerGroup && s.Revision == p.Revision);

    public static int? Revision(string? revision, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(revision)) return null;
        if (int.TryParse(revision.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r >= 1) return r;
        errors["revision"] = [$"Lần công bố (revision) phải là số nguyên từ 1; nhận được \"{revision}\"."];
        return null;
    }

    public static bool IsPeriod(string period) =>
        period.Length == 7 && DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Positive: moved up (rank 5 → 2 is +3).</summary>
    public static int? RankChange(RankingRow r) => r.Reported && r.Rank is { } rank && r.PreviousRank is { } before ? before - rank : null;

    public static decimal? TotalChange(RankingRow r) => r.Reported && r.Total is { } total && r.PreviousTotal is { } before ? total - before : null;
}
