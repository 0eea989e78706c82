using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;
using Platform.MonthlyScoring.Http;

namespace Platform.MonthlyScoring.Runs;

/// <summary>
/// <c>GET /api/monthly-scoring/runs/{id}/export</c>: the run as one JSON file, <c>{ "input": &lt;scoring-io input&gt;,
/// "result": &lt;scoring-io output&gt; }</c>, both documents exactly as stored; <c>Scoring.Cli score</c> on <c>input</c>
/// prints <c>result</c>.
/// </summary>
public static class ExportRun
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        Guid id, [AsParameters] MonthlyScoringServices services, CancellationToken ct)
    {
        var (db, user, options, _) = services;
        if (await RunQueries.FindAsync(db, options.Value.Tenant, id, ct) is not { } run) return RunHttp.NotFound();
        // A provisional export holds every unit's values: only callers at the national root get it.
        if (run.Kind == ScoreRunKinds.Provisional)
        {
            if (await RunScope.ForAsync(db, options.Value.Tenant, user, ct) is not { } scope) return ApiProblems.NoUnit();
            if (!scope.All) return RunHttp.NotFound();
        }
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WritePropertyName("input");
            w.WriteRawValue(run.InputJson);
            w.WritePropertyName("result");
            w.WriteRawValue(run.ResultJson);
            w.WriteEndObject();
        }
        var name = $"{run.FrameworkId}_{run.Period}_{run.PeerGroup}_{(run.Revision is { } r ? $"r{r}" : run.Id.ToString("N"))}.json";
        return TypedResults.File(stream.ToArray(), "application/json", name);
    }
}
