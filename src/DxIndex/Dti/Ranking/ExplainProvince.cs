using Microsoft.AspNetCore.Http.HttpResults;
using Platform.DxIndex.Dti.Http;
using Platform.DxIndex.Dti.Runs;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;

namespace Platform.DxIndex.Dti.Ranking;

public sealed record IndicatorExplanationView(string Code, string Name, string Rule, IReadOnlyList<string> Steps,
    IReadOnlyDictionary<string, object?> Inputs, decimal? Best, string? BestUnit, decimal Score, decimal Max, IReadOnlyList<string> Flags);

/// <summary>Monthly's <c>UnitExplanation</c> shape; <paramref name="RunId"/> is the official revision's id, null for a provisional result.</summary>
public sealed record ProvinceExplanation(Guid? RunId, string Year, string Kind, int? Revision, string Unit, IReadOnlyList<IndicatorExplanationView> Indicators);

/// <summary>
/// <c>GET /api/dx-index/dti/{year}/provinces/{unit}/explanation?kind=</c>: the engine's working of every indicator of one
/// province (inputs, rule, steps, peer best and who holds it), from the same input the answer's result was scored from.
/// </summary>
public static class ExplainProvince
{
    public static async Task<Results<Ok<ProvinceExplanation>, ValidationProblem, ProblemHttpResult>> Handle(
        string year, string unit, string? kind, [AsParameters] DtiServices services, CancellationToken ct)
    {
        var errors = DtiHttp.Check(services.Frameworks, year, out var framework, kind, checkKind: true);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        DtiResult? result;
        try
        {
            result = await DtiResults.ReadAsync(services.Db, services.Tenant, services.Frameworks, framework!, year, kind,
                services.Dti.Value.References, services.Time, ct);
        }
        catch (ScoringInputException ex)
        {
            return DtiHttp.Unscorable(ex);
        }
        if (result is null) return DtiHttp.NotPublished(year);
        var scope = DtiScope.Everything;
        if (result.Kind == DtiHttp.Provisional && (scope = await DtiScope.ForAsync(services.Db, services.Tenant, services.User, ct)) is null)
            return ApiProblems.NoUnit();
        var computed = result.Computed;
        if (computed.Request.Units.All(u => u.Unit != unit) || !scope.Sees(unit)) return DtiHttp.UnknownProvince(unit, year);
        var scorer = new Scorer(computed.Framework);
        var indicators = computed.Framework.Indicators.Select(i => scorer.Explain(computed.Request, unit, i.Code)).Select(e =>
            new IndicatorExplanationView(e.Code, e.Name, e.Rule, e.Steps, e.Inputs, e.Best?.Value,
                e.Best?.Unit is { } best && scope.Sees(best) ? best : null, e.Score.Score, e.Score.Max, e.Score.Flags.ToNames())).ToList();
        return TypedResults.Ok(new ProvinceExplanation(result.Run?.Id, year, result.Kind, result.Run?.Revision, unit, indicators));
    }
}
