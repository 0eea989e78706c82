using Microsoft.AspNetCore.Http.HttpResults;
using Platform.DxIndex.Dti.Http;
using Platform.DxIndex.Dti.Runs;
using Platform.DataAndMessaging.Units;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;

namespace Platform.DxIndex.Dti.Ranking;

/// <summary>
/// <c>GET /api/dx-index/dti/{year}/ranking?kind=</c>: the current official revision, or the provisional index ("tạm tính")
/// with <c>kind=provisional</c> or before the first publication. Provisional: a caller below the national root sees only
/// the provinces of its own subtree.
/// </summary>
public static class ReadRanking
{
    public static async Task<Results<Ok<RankingView>, ValidationProblem, ProblemHttpResult>> Handle(
        string year, string? kind, [AsParameters] DtiServices services, CancellationToken ct)
    {
        var errors = DtiHttp.Check(services.Frameworks, year, out var framework, kind, checkKind: true);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var db = services.Db;
        DtiResult? result;
        try
        {
            result = await DtiResults.ReadAsync(db, services.Tenant, services.Frameworks, framework!, year, kind, services.Dti.Value.References, services.Time, ct);
        }
        catch (ScoringInputException ex)
        {
            return DtiHttp.Unscorable(ex);
        }
        if (result is null) return DtiHttp.NotPublished(year);
        var scope = DtiScope.Everything;
        if (result.Kind == DtiHttp.Provisional && (scope = await DtiScope.ForAsync(db, services.Tenant, services.User, ct)) is null)
            return ApiProblems.NoUnit();
        return TypedResults.Ok(await ViewAsync(db, services.Tenant, result, scope, ct));
    }

    internal static async Task<RankingView> ViewAsync(Data.DxIndexDbContext db, string tenant, DtiResult result, DtiScope scope, CancellationToken ct)
    {
        var computed = result.Computed;
        var standings = computed.Standings.Where(s => scope.Sees(s.Line.Unit)).ToList();
        var names = await db.UnitNamesAsync(tenant, [.. standings.Select(s => s.Line.Unit)], ct);
        var lines = standings.Select(s => new RankingLine(s.Line.Unit, names.GetValueOrDefault(s.Line.Unit) ?? s.Line.Unit, s.Reported,
            s.Reported ? s.Line.Total : null, s.Rank, s.Reported ? s.Line.Groups : new Dictionary<string, decimal>(),
            computed.Missing.GetValueOrDefault(s.Line.Unit)?.Count ?? 0, computed.DemoUnits.Contains(s.Line.Unit))).ToList();
        return new RankingView(computed.Request.Period, computed.Framework.Id, computed.Framework.Version, result.Kind, result.Run?.Revision,
            result.Run?.CreatedAt, result.Run?.Reason, result.ComputedAt, lines.Any(l => l.Demo), Pillars(computed), lines, lines.Count(l => !l.Reported));
    }

    internal static IReadOnlyList<DtiPillarHead> Pillars(DtiComputed computed) =>
        [.. computed.Framework.Groups.Select(g => new DtiPillarHead(g.Code, g.Name, g.Max))];
}
