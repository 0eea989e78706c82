using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Intake.Machine;
using Platform.Intake.Submissions;
using Platform.Scoring;

namespace Platform.Bench.IntakeThroughput;

/// <summary>
/// One submission taken apart: submissions sent one at a time, each under a bench activity, while an
/// <see cref="ActivityListener"/> records what happened under it — the server's request (ASP.NET Core) and every
/// command Npgsql sent (one activity per round trip; a batch is one). What is not SQL is the service's own work
/// (token, routing, body, validation, EF, serialisation). The parts that can be timed alone are timed alone.
/// </summary>
internal static partial class Profile
{
    private static readonly ActivitySource Source = new("Platform.Bench.IntakeThroughput");

    public static async Task RunAsync(int count, Func<int, Task> send, Dictionary<string, object> values, string framework, string period)
    {
        var recorded = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or "Microsoft.AspNetCore" or "System.Net.Http" || s == Source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = recorded.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var client = new List<double>();
        for (var i = 0; i < count; i++)
        {
            using var root = Source.StartActivity("submission")!;
            var started = Stopwatch.GetTimestamp();
            await send(i);
            client.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        // Activities stop on the server after the response is written: give the last one a moment.
        await Task.Delay(200);
        listener.Dispose();

        // Each request's SQL runs under its server activity (same trace); the outbox relay's and other background
        // commands run under none of them and are left out.
        var requests = recorded.Where(a => a.Source.Name == "Microsoft.AspNetCore").ToList();
        var traces = requests.Select(a => a.TraceId).ToHashSet();
        var sql = recorded.Where(a => a.Source.Name == "Npgsql" && traces.Contains(a.TraceId)).ToList();
        var perSubmission = (double)count;
        var server = requests.Sum(a => a.Duration.TotalMilliseconds) / perSubmission;
        var sqlTime = sql.Sum(a => a.Duration.TotalMilliseconds) / perSubmission;
        client.Sort();
        Console.WriteLine($"  profile: {count} submissions one at a time ({requests.Count} requests)");
        Console.WriteLine($"    client round trip           p50 {client[client.Count / 2],7:0.00} ms   mean {client.Average(),7:0.00} ms");
        Console.WriteLine($"    server request (ASP.NET)   mean {server,7:0.00} ms");
        Console.WriteLine($"    SQL, all round trips       mean {sqlTime,7:0.00} ms   {sql.Count / perSubmission:0.0} round trips per submission (+ COMMIT, not traced)");
        foreach (var statement in sql.GroupBy(Kind).OrderByDescending(g => g.Sum(a => a.Duration.TotalMilliseconds)))
            Console.WriteLine($"      {statement.Count() / perSubmission,4:0.0} × {statement.Average(a => a.Duration.TotalMilliseconds),6:0.00} ms  {statement.Key}");
        Console.WriteLine($"    in-process (server − SQL)  mean {server - sqlTime,7:0.00} ms   (token, routing, body, rights, validation, EF, JSON, answer, COMMIT)");
        Console.WriteLine($"    outside the server (client − server) {client.Average() - server,5:0.00} ms   (HttpClient, Kestrel, loopback)");

        // The parts of the in-process time that can be timed on their own.
        var body = JsonSerializer.SerializeToUtf8Bytes(new { framework, period, targetUnit = "lao-cai.bench-000001", values, submit = true });
        var catalog = FrameworkCatalog.Shipped();
        var definition = catalog.Find(framework, null, period)!;
        var parsed = JsonSerializer.Deserialize<MachinePush>(body, JsonSerializerOptions.Web)!;
        Console.WriteLine($"    body parse (MachinePush)   {Micro(() => JsonSerializer.Deserialize<MachinePush>(body, JsonSerializerOptions.Web)),7:0.0} µs");
        Console.WriteLine($"    value validation (20)      {Micro(() => ValueValidation.Validate(definition, period, parsed.TargetUnit!, parsed.Values!)),7:0.0} µs");
        Console.WriteLine($"    framework lookup           {Micro(() => catalog.Find(framework, null, period)),7:0.0} µs (the catalogue is built once; the service holds it)");
    }

    private static double Micro(Func<object?> work)
    {
        for (var i = 0; i < 200; i++) work();
        const int n = 2000;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++) work();
        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / n;
    }

    private static string Kind(Activity a)
    {
        var text = a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string ?? a.DisplayName;
        text = Whitespace().Replace(text, " ").Trim();
        // A batch is told by its statements' first words.
        var parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 1
            ? $"batch of {parts.Length}: " + string.Join(", ", parts.GroupBy(Short).Select(g => g.Count() > 1 ? $"{g.Count()}× {g.Key}" : g.Key))
            : Short(text);
    }

    private static string Short(string statement)
    {
        var from = FromTable().Match(statement);
        var verb = statement.Split(' ', 2)[0].ToUpperInvariant();
        var table = from.Success ? from.Groups[1].Value : "";
        if (statement.Contains("pg_advisory_xact_lock", StringComparison.Ordinal)) return "SELECT pg_advisory_xact_lock";
        if (statement.Contains("WITH RECURSIVE", StringComparison.Ordinal)) return "SELECT … subtree (recursive CTE) … " + table;
        return $"{verb} {table}".Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?:FROM|INTO|UPDATE)\s+""?([a-z_]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex FromTable();
}
