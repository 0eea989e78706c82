using Microsoft.AspNetCore.Http.HttpResults;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Problems;
using Platform.MonthlyScoring.Http;
using Platform.Scoring.Io;

namespace Platform.MonthlyScoring.Runs;

/// <summary>
/// <c>GET /api/monthly-scoring/runs/{id}/results?unit=&amp;class=</c>: each unit's result with its name, ranked among the
/// units of the peer group that reported.
/// </summary>
public static class ReadRunResults
{
    public static async Task<Results<Ok<RunResults>, ProblemHttpResult>> Handle(
        Guid id, string? unit, string? @class, [AsParameters] MonthlyScoringServices services, CancellationToken ct)
    {
        var (db, user, options, _) = services;
        if (await RunQueries.FindAsync(db, options.Value.Tenant, id, ct) is not { } run) return RunHttp.NotFound();
        // A provisional run shows a caller below the national root only the units of their subtree.
        RunScope? scope = null;
        if (run.Kind == ScoreRunKinds.Provisional && (scope = await RunScope.ForAsync(db, options.Value.Tenant, user, ct)) is null)
            return ApiProblems.NoUnit();
        // Ranks are those of the whole peer group (a unit that has not reported is not ranked), then the caller's filter.
        var standings = Standings.Of(ResultLines.Read(run.ResultJson))
            .Where(s => (scope is null || scope.Sees(s.Line.Unit)) && (unit == null || s.Line.Unit == unit)
                && (@class == null || (s.Reported && s.Line.Classification == @class))).ToList();
        var names = await db.UnitNamesAsync(options.Value.Tenant, standings.Select(s => s.Line.Unit).ToList(), ct);
        var results = standings.Select(s => UnitResultLine.Of(s, names.GetValueOrDefault(s.Line.Unit))).ToList();
        scope ??= await RunScope.ForAsync(db, options.Value.Tenant, user, ct);
        return TypedResults.Ok(new RunResults(RunView.Of(run, await RunQueries.CurrentRevisionAsync(db, run, ct)).ShownTo(scope, user), results));
    }
}
