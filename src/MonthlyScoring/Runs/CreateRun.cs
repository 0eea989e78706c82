using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.MonthlyScoring.Http;

namespace Platform.MonthlyScoring.Runs;

public sealed record CreateRunRequest(string? Period, string? PeerGroup);

/// <summary>
/// <c>POST /api/monthly-scoring/runs</c>: scores a peer group for a period from the approved values now and keeps it
/// as a provisional run (never published, never sent as an event).
/// </summary>
public static class CreateRun
{
    public static async Task<Results<Created<RunView>, ValidationProblem, ProblemHttpResult>> Handle(
        CreateRunRequest body, [AsParameters] MonthlyScoringServices services, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        var errors = RunHttp.Check(frameworks, body.Period, body.PeerGroup, out var framework);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        ComputedRun computed;
        try
        {
            computed = await RunScoring.ComputeAsync(db, options.Value.Tenant, framework!, body.Period!, body.PeerGroup!, ct);
        }
        catch (ScoringInputException ex)
        {
            return RunHttp.Unscorable(ex);
        }
        var run = ScoreRun.From(computed, options.Value.Tenant, ScoreRunKinds.Provisional, user.Subject() ?? "", time.GetUtcNow());
        db.ScoreRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/{MonthlyScoringModule.ServiceName}/runs/{run.Id}", RunView.Of(run, null));
    }
}
