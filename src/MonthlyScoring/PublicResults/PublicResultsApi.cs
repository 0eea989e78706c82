using Platform.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Runs;
using Platform.MonthlyScoring.Units;
using Platform.ServiceDefaults.Problems;

namespace Platform.MonthlyScoring.PublicResults;

/// <summary>
/// Published results for everyone, without sign-in: the current official revision of a period and peer group, and the
/// list of what has been published. Only official runs are read here; provisional runs never leave through these routes.
/// </summary>
public static class PublicResultsApi
{
    public static RouteGroupBuilder MapPublicResultsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{MonthlyScoringModule.ServiceName}/public").WithTags("Published results").AllowAnonymous();
        group.MapGet("/periods", PeriodsAsync);
        group.MapGet("/results", ResultsAsync);
        return group;
    }

    /// <summary>Every published (period, peer group) with its current revision, newest period first.</summary>
    public static async Task<Results<Ok<List<PublishedPeriod>>, ValidationProblem>> PeriodsAsync(string? peerGroup,
        MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, CancellationToken ct)
    {
        if (peerGroup is not null && !RunScoring.PeerGroups.Contains(peerGroup))
            return ApiProblems.Invalid("peerGroup", BadPeerGroup(peerGroup));
        var tenant = options.Value.Tenant;
        var revisions = await Official(db, tenant)
            .Where(r => peerGroup == null || r.PeerGroup == peerGroup)
            .Select(r => new { r.Period, r.PeerGroup, Revision = r.Revision!.Value, r.CreatedAt, r.Reason })
            .ToListAsync(ct);
        var periods = revisions.GroupBy(r => (r.Period, r.PeerGroup))
            .Select(g => g.MaxBy(r => r.Revision)!)
            .Select(r => new PublishedPeriod(r.Period, r.PeerGroup, r.Revision, r.CreatedAt, r.Reason))
            .OrderByDescending(p => p.Period, StringComparer.Ordinal).ThenBy(p => p.PeerGroup, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(periods);
    }

    /// <summary>The current official revision of a period and peer group: rank, total, class and group scores per unit.</summary>
    public static async Task<Results<Ok<PublishedResults>, ValidationProblem, ProblemHttpResult>> ResultsAsync(string? period, string? peerGroup,
        MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var errors = RunHttp.Check(frameworks, period, peerGroup, out _);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var tenant = options.Value.Tenant;
        var revisions = await Official(db, tenant).Where(r => r.Period == period && r.PeerGroup == peerGroup)
            .OrderByDescending(r => r.Revision)
            .Select(r => new PublishedRevision(r.Revision!.Value, r.CreatedAt, r.Reason))
            .ToListAsync(ct);
        if (revisions.Count == 0)
            return ApiProblems.NotFound($"Kết quả kỳ {RunHttp.Month(period!)} của nhóm {GroupName(peerGroup!)} chưa được công bố.");
        var current = revisions[0];
        var run = await Official(db, tenant).SingleAsync(r => r.Period == period && r.PeerGroup == peerGroup && r.Revision == current.Revision, ct);
        var standings = Standings.Of(UnitResultView.Parse(run.ResultJson));
        var names = await db.UnitNamesAsync(tenant, standings.Select(s => s.Line.Unit).ToList(), ct);
        return TypedResults.Ok(new PublishedResults(run.Period, run.PeerGroup, run.FrameworkId, run.FrameworkVersion, current.Revision,
            current.PublishedAt, current.Reason, revisions, standings.Count(s => !s.Reported),
            standings.Select(s => PublishedUnitResult.Of(s, names.GetValueOrDefault(s.Line.Unit))).ToList()));
    }

    private static IQueryable<ScoreRun> Official(MonthlyScoringDbContext db, string tenant) =>
        db.ScoreRuns.AsNoTracking().Where(r => r.Tenant == tenant && r.FrameworkId == RunScoring.FrameworkId && r.Kind == ScoreRunKinds.Official);

    private static string GroupName(string peerGroup) => peerGroup == "ministries" ? "bộ, ngành" : "tỉnh, thành phố";

    private static string BadPeerGroup(string peerGroup) =>
        $"Nhóm so sánh \"{peerGroup}\" không hợp lệ: chỉ nhận provinces (tỉnh, thành phố) hoặc ministries (bộ, ngành).";
}

/// <param name="Reason">Why the current revision corrected the one before (null for revision 1).</param>
public sealed record PublishedPeriod(string Period, string PeerGroup, int Revision, DateTimeOffset PublishedAt, string? Reason);

/// <summary>One published revision: when, and for a correction (revision &gt; 1) why.</summary>
public sealed record PublishedRevision(int Revision, DateTimeOffset PublishedAt, string? Reason);

/// <summary>
/// One unit's published result. <paramref name="Reported"/> false: the unit has not reported for the month ("chưa báo
/// cáo") — <paramref name="Total"/>, <paramref name="Classification"/> and <paramref name="Rank"/> are null and
/// <paramref name="Groups"/> empty; such units follow every ranked unit.
/// </summary>
public sealed record PublishedUnitResult(string Unit, string? Name, bool Reported, decimal? Total, string? Classification, int? Rank, decimal Bonus,
    IReadOnlyDictionary<string, decimal> Groups)
{
    public static PublishedUnitResult Of(Standing s, string? name) => s.Reported
        ? new(s.Line.Unit, name, true, s.Line.Total, s.Line.Classification, s.Rank, s.Line.Bonus, s.Line.Groups)
        : new(s.Line.Unit, name, false, null, null, null, s.Line.Bonus, new Dictionary<string, decimal>());
}

/// <summary>
/// One published revision as everyone may read it: the current revision's number, time and correction reason, every
/// revision of the period (newest first, each with its reason), how many units have not reported, and the results.
/// </summary>
public sealed record PublishedResults(string Period, string PeerGroup, string FrameworkId, string FrameworkVersion, int Revision,
    DateTimeOffset PublishedAt, string? Reason, IReadOnlyList<PublishedRevision> Revisions, int NotReported,
    IReadOnlyList<PublishedUnitResult> Results);
