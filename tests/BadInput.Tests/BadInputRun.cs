using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.BadInput.Tests;

/// <summary>
/// Sends every bad request generated from a running service's OpenAPI document, checks each answer (<see cref="Answers"/>),
/// counts them by category and prints the table. <c>PLATFORM_BADINPUT_MUTATIONS</c> (default 1) widens the run: more wrong
/// types, odd strings and number extremes per field, and the 31 MB body at every operation instead of the first one.
/// </summary>
public static class BadInputRun
{
    public const string Setting = "PLATFORM_BADINPUT_MUTATIONS";

    public static int PerField =>
        int.TryParse(Environment.GetEnvironmentVariable(Setting), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

    public sealed record Row(string Category, int Tried, int Accepted, int Client4xx, int Server5xx, int NamedField, int Masked, int Failed);

    public sealed record Result(string Service, int Operations, IReadOnlyList<Row> Rows, IReadOnlyList<string> Failures, IReadOnlyList<string> AcceptedFieldMistakes, TimeSpan Took)
    {
        public int Tried => Rows.Sum(r => r.Tried);
    }

    public static async Task<Result> RunAsync(string service, HttpClient client, CancellationToken ct, Func<ApiOperation, bool>? include = null)
    {
        var clock = Stopwatch.StartNew();
        client.Timeout = TimeSpan.FromSeconds(120);
        var text = await client.GetStringAsync("/openapi/v1.json", ct);
        var document = new OpenApiOperations((JsonObject)JsonNode.Parse(text)!);
        var operations = document.All().Where(o => include?.Invoke(o) ?? true).ToList();
        var generator = new BadRequests(document, PerField);
        var counts = Category.All.ToDictionary(c => c, _ => new int[7]);
        var failures = new List<string>();
        var accepted = new List<string>();
        var oversizedSent = false;
        foreach (var operation in operations)
        {
            var oversized = operation.BodyContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && (PerField > 1 || !oversizedSent);
            oversizedSent |= oversized;
            IReadOnlySet<string> baseKeys;
            using (var valid = generator.Base(operation))
            using (var answer = await client.SendAsync(valid, ct))
                baseKeys = await Answers.KeysAsync(answer, ct);
            foreach (var bad in generator.Generate(operation, oversized))
            {
                Answer answer;
                try
                {
                    using var request = bad.Build();
                    using var response = await client.SendAsync(request, ct);
                    answer = await Answers.CheckAsync(bad, response, baseKeys, ct);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or IOException)
                {
                    if (ct.IsCancellationRequested) throw;
                    answer = new Answer(0, false, $"no answer: {e.GetType().Name} {e.Message}", "");
                }
                var c = counts[bad.Category];
                c[0]++;
                if (answer.Status is >= 200 and < 300) c[1]++;
                if (answer.Status is >= 400 and < 500) c[2]++;
                if (answer.Status >= 500) c[3]++;
                if (answer.NamesField) c[4]++;
                if (answer.Masked) c[6]++;
                if (answer.Failure is not null)
                {
                    c[5]++;
                    failures.Add($"{bad}: {answer.Failure}\n      {answer.Body}");
                }
                else if (answer.Status is >= 200 and < 300 && bad.Category is not (Category.Extra or Category.Unicode or Category.ParamUnicode or Category.ParamHuge or Category.QueryString))
                {
                    accepted.Add($"{bad}: {answer.Status}");
                }
            }
        }
        var rows = Category.All.Where(k => counts[k][0] > 0)
            .Select(k => new Row(k, counts[k][0], counts[k][1], counts[k][2], counts[k][3], counts[k][4], counts[k][6], counts[k][5])).ToList();
        return new Result(service, operations.Count, rows, failures, accepted, clock.Elapsed);
    }

    /// <summary>The table printed in the test output (and kept next to the test assembly, <c>bad-input-{service}.md</c>).</summary>
    public static string Table(Result result)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"Bad input — {result.Service}: {result.Operations} operations from /openapi/v1.json, {result.Tried} requests, {result.Took.TotalSeconds:0.0} s, mutations per field {PerField}");
        s.AppendLine("| category | tried | 2xx accepted | 4xx | 5xx | 400/422 naming the field | 400 stopped before the field¹ | failed |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in result.Rows)
            s.AppendLine(CultureInfo.InvariantCulture, $"| {r.Category} | {r.Tried} | {r.Accepted} | {r.Client4xx} | {r.Server5xx} | {r.NamedField} | {r.Masked} | {r.Failed} |");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"| **total** | {result.Tried} | {result.Rows.Sum(r => r.Accepted)} | {result.Rows.Sum(r => r.Client4xx)} | {result.Rows.Sum(r => r.Server5xx)} | {result.Rows.Sum(r => r.NamedField)} | {result.Rows.Sum(r => r.Masked)} | {result.Rows.Sum(r => r.Failed)} |");
        s.AppendLine("¹ the service named only fields it already named for the valid-shaped request (e.g. a framework that does not exist), so the mutated field was never reached.");
        if (result.AcceptedFieldMistakes.Count > 0)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"Accepted (2xx) field mistakes other than extra fields and odd strings ({result.AcceptedFieldMistakes.Count}):");
            foreach (var a in result.AcceptedFieldMistakes.Take(60)) s.AppendLine("  " + a);
        }
        return s.ToString();
    }

    public static void Report(Result result)
    {
        var table = Table(result);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"bad-input-{result.Service}.md"), table);
        var failures = string.Join("\n", result.Failures.Take(40));
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"bad-input-{result.Service}-failures.txt"), string.Join("\n", result.Failures));
        Assert.True(result.Failures.Count == 0, $"{result.Failures.Count} of {result.Tried} bad requests to {result.Service} were answered wrongly:\n{failures}\n\n{table}");
    }
}
