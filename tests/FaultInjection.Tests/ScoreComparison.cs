using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Platform.FaultInjection.Tests;

/// <summary>
/// A score run over what the faulted platform holds, against a run over the same data without faults: monthly scoring
/// scores the provinces for every period of the load (provisional runs, through the gateway as the national reviewer);
/// then it is stopped, its database copied, and in the copy every reported value replaced by intake's approved
/// submissions read straight from intake's database (the source, no bus, no consumer, no fault in between); monthly
/// scoring started again on the copy, on a virtual host no event reaches, scores the same periods. Same code, same
/// units and frameworks, inputs from the source: equal results mean the faults changed no input of any score.
/// </summary>
public static class ScoreComparison
{
    /// <param name="ReportedUnits">Provinces scored as having reported, summed over the periods of the faulted runs (the load's two provinces each period).</param>
    public sealed record Result(int Periods, int Equal, List<string> Differences, int ReportedUnits = 0);

    public static async Task<Result> RunAsync(FaultedPlatform platform, IReadOnlyList<string> periods)
    {
        using var reviewer = new Person(platform.GatewayUrl, "tw-tham-dinh");
        var faulted = new Dictionary<string, string>();
        foreach (var period in periods) faulted[period] = await ScoreAsync(reviewer, period);
        var reported = faulted.Values.Sum(r => JsonNode.Parse(r)!["results"]!.AsArray().Count(line => line!["reported"]!.GetValue<bool>()));

        await platform.MonthlyScoring.KillAsync();
        await using (var postgres = await platform.OpenAsync("postgres"))
        await using (var copy = new NpgsqlCommand("CREATE DATABASE monthlyscoringref TEMPLATE monthlyscoringdb", postgres))
            await copy.ExecuteNonQueryAsync();
        await ReplaceInputsWithIntakesAsync(platform);
        await platform.RestartMonthlyScoringOnAsync("monthlyscoringref", "reference");

        var differences = new List<string>();
        var equal = 0;
        foreach (var period in periods)
        {
            var reference = await ScoreAsync(reviewer, period);
            if (reference == faulted[period]) equal++;
            else differences.Add($"{period}: faulted {faulted[period]} | reference {reference}");
        }
        return new Result(periods.Count, equal, differences, reported);
    }

    private static async Task ReplaceInputsWithIntakesAsync(FaultedPlatform platform)
    {
        var approved = new List<(string Tenant, string Version, string Period, string Unit, string Key, string Value, Guid Id, int Revision, string Reporter)>();
        await using (var intake = await platform.OpenAsync("intakedb"))
        await using (var read = new NpgsqlCommand(
            "SELECT s.tenant, s.framework_version, s.period, s.target_unit, v.key, v.value::text, s.id, s.version, s.reporting_unit " +
            "FROM submissions s, jsonb_each(s.\"values\") v WHERE s.framework_id = $1 AND s.state = 'approved'", intake))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = LoadRun.Framework });
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
                approved.Add((rows.GetString(0), rows.GetString(1), rows.GetString(2), rows.GetString(3), rows.GetString(4), rows.GetString(5),
                    rows.GetGuid(6), rows.GetInt32(7), rows.GetString(8)));
        }
        await using var reference = await platform.OpenAsync("monthlyscoringref");
        await using var transaction = await reference.BeginTransactionAsync();
        await using (var clear = new NpgsqlCommand("DELETE FROM approved_values WHERE framework_id = $1 AND NOT derived", reference, transaction))
        {
            clear.Parameters.Add(new NpgsqlParameter { Value = LoadRun.Framework });
            await clear.ExecuteNonQueryAsync();
        }
        await using (var clear = new NpgsqlCommand("DELETE FROM score_runs", reference, transaction)) await clear.ExecuteNonQueryAsync();
        await using var batch = new NpgsqlBatch(reference, transaction);
        foreach (var a in approved)
        {
            var insert = new NpgsqlBatchCommand(
                "INSERT INTO approved_values (tenant, framework_id, period, unit, input_key, value, framework_version, submission_id, submission_revision, reporting_unit, approved_at, derived) " +
                "VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, now(), false)");
            foreach (var value in new object[] { a.Tenant, LoadRun.Framework, a.Period, a.Unit, a.Key, a.Value, a.Version, a.Id, a.Revision, a.Reporter })
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(insert);
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>A provisional run of the provinces for <paramref name="period"/>; its results without what names the run (ids, times, who).</summary>
    private static async Task<string> ScoreAsync(Person reviewer, string period)
    {
        var created = await Retry(() => reviewer.CallAsync(HttpMethod.Post, "/api/monthly-scoring/runs", new { period, peerGroup = "provinces" }));
        if (!created.Ok) throw new InvalidOperationException($"Scoring {period}: {created}");
        var id = created.Json.GetProperty("id").GetGuid();
        var results = await Retry(() => reviewer.CallAsync(HttpMethod.Get, $"/api/monthly-scoring/runs/{id}/results"));
        if (!results.Ok) throw new InvalidOperationException($"Results of {period}: {results}");
        var node = JsonNode.Parse(results.Body)!;
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    if (name is "id" or "runId" or "createdBy" or "supersedes" || name.EndsWith("At", StringComparison.Ordinal)) o.Remove(name);
                    else Strip(o[name]);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Strip(item);
                break;
        }
    }

    private static async Task<Answer> Retry(Func<Task<Answer>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await call();
            if (!answer.Transient || attempt >= 20) return answer;
            await Backoff.WaitAsync(attempt);
        }
    }
}
