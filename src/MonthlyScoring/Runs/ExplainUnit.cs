using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;
using Platform.MonthlyScoring.Http;

namespace Platform.MonthlyScoring.Runs;

/// <summary><c>GET /api/monthly-scoring/runs/{id}/units/{unit}/explanation</c>: the working of every indicator of one unit.</summary>
public static class ExplainUnit
{
    public static async Task<Results<Ok<UnitExplanation>, ProblemHttpResult>> Handle(
        Guid id, string unit, [AsParameters] MonthlyScoringServices services, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, _) = services;
        if (await RunQueries.FindAsync(db, options.Value.Tenant, id, ct) is not { } run) return RunHttp.NotFound();
        RunScope? scope = null;
        if (run.Kind == ScoreRunKinds.Provisional && (scope = await RunScope.ForAsync(db, options.Value.Tenant, user, ct)) is null)
            return ApiProblems.NoUnit();
        // Explained from the stored input, so the working matches the stored result even if values changed since.
        var computed = RunScoring.Score(frameworks, run.InputJson);
        if (computed.Request.Units.All(u => u.Unit != unit) || scope?.Sees(unit) == false)
            return ApiProblems.NotFound($"Đơn vị \"{unit}\" không có trong lượt chấm điểm này.");
        var scorer = new Scorer(computed.Framework);
        // The best value stays (the score is worked out from it); which unit holds it is shown only if the caller sees that unit.
        var indicators = computed.Framework.Indicators.Select(i => scorer.Explain(computed.Request, unit, i.Code)).Select(e =>
            new IndicatorExplanationView(e.Code, e.Name, e.Rule, e.Steps, e.Inputs, e.Best?.Value,
                e.Best?.Unit is { } best && scope?.Sees(best) != false ? best : null, e.Score.Score, e.Score.Max,
                e.Score.Flags.ToNames())).ToList();
        return TypedResults.Ok(new UnitExplanation(run.Id, unit, indicators));
    }
}
