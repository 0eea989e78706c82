using System.Globalization;
using System.Text.Json;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.Scoring.Cli;

/// <summary>
/// What-if, offline: scores an input (or an exported run's <c>input</c>) under a shipped version and under a draft, and
/// prints them side by side, marked "MÔ PHỎNG": one line per unit (total, class and rank before and after, as the engine
/// computes them, the change of total), then every indicator whose score moved or that only one version has. Invalid
/// input or draft: exit code 2, nothing on standard output, one Vietnamese line per problem on standard error.
/// </summary>
internal static class SimulateCommand
{
    public const string Marking = "MÔ PHỎNG – không phải kết quả chính thức";

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (await Options.ReadAsync(args, ["--input", "--framework-file", "--version"], stderr) is not { } options) return Usage.InvalidInput;
        var input = options.GetValueOrDefault("--input");
        var frameworkFile = options.GetValueOrDefault("--framework-file");
        var version = options.GetValueOrDefault("--version");
        if (input is null || frameworkFile is null)
        {
            await stderr.WriteLineAsync(input is null ? "thiếu tùy chọn --input" : "thiếu tùy chọn --framework-file");
            return Usage.Print(stderr);
        }

        var (draft, draftProblems) = await FrameworkFileOption.ReadAsync(frameworkFile);
        if (draft is null)
        {
            foreach (var problem in draftProblems) await stderr.WriteLineAsync(problem);
            return Usage.InvalidInput;
        }
        if (await ScoreCommand.ReadInputAsync(input, stdin, stderr) is not { } json) return Usage.InvalidInput;

        var (run, problems) = ScoringRunJson.Read(InputOf(json));
        var all = problems.ToList();
        CompiledFramework? baseline = null;
        if (run is not null && !Period.TryParse(run.Request.Period, out _))
        {
            all.Add(new ScoringProblem(null, "period", $"kỳ \"{run.Request.Period}\" không hợp lệ (YYYY-MM cho khung hằng tháng, YYYY cho khung hằng năm)"));
        }
        else if (run is not null)
        {
            baseline = FrameworkCatalog.Shipped().Find(run.Framework, version ?? run.Version, run.Request.Period);
            if (baseline is null)
            {
                all.Add(new ScoringProblem(null, "framework", (version ?? run.Version) is { } named
                    ? $"không có khung \"{run.Framework}\" phiên bản \"{named}\""
                    : $"không có khung \"{run.Framework}\" có hiệu lực cho kỳ {run.Request.Period}"));
            }
            if (FrameworkFileOption.Mismatch(draft, run.Framework, frameworkFile) is { } mismatch) all.Add(mismatch);
            if (all.Count == 0) all.AddRange(new Scorer(baseline!).Validate(run.Request));
            // The draft's own checks, once the values pass the baseline's (a value wrong for both is told once).
            if (all.Count == 0)
                all.AddRange(new Scorer(draft).Validate(run.Request.KnownTo(draft)).Select(p => p with { Message = p.Message + " (theo bản dự thảo)" }));
        }
        if (all.Count > 0 || run is null || baseline is null)
        {
            foreach (var problem in all) await stderr.WriteLineAsync(problem.ToString());
            return Usage.InvalidInput;
        }

        var before = new Scorer(baseline).Score(run.Request);
        var after = new Scorer(draft).Score(run.Request.KnownTo(draft));
        await PrintAsync(stdout, before, after, frameworkFile);
        return 0;
    }

    /// <summary>An exported run (<c>{ "input": …, "result": … }</c>, the API's export) is simulated from its input.</summary>
    private static string InputOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("framework", out _)
                && root.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.Object
                ? input.GetRawText()
                : json;
        }
        catch (JsonException)
        {
            return json; // the reader says where the syntax is wrong
        }
    }

    private static async Task PrintAsync(TextWriter stdout, ScoringResult before, ScoringResult after, string frameworkFile)
    {
        await stdout.WriteLineAsync(Marking);
        await stdout.WriteLineAsync($"khung: {before.Framework.Id}; kỳ: {before.Period}; nhóm: {before.PeerGroup ?? "—"}");
        await stdout.WriteLineAsync($"trước: phiên bản \"{before.Framework.Version}\"");
        await stdout.WriteLineAsync($"sau: bản dự thảo \"{after.Framework.Version}\" (tệp {frameworkFile})");
        await stdout.WriteLineAsync("đơn vị\tđiểm trước\txếp loại trước\thạng trước\tđiểm sau\txếp loại sau\thạng sau\tchênh lệch");
        var now = after.Results.ToDictionary(r => r.Unit, StringComparer.Ordinal);
        foreach (var old in before.Results)
        {
            var r = now[old.Unit];
            var delta = r.Total - old.Total;
            await stdout.WriteLineAsync(string.Join('\t', old.Unit, Number(old.Total), old.Classification ?? "—", old.Rank,
                Number(r.Total), r.Classification ?? "—", r.Rank, (delta > 0 ? "+" : "") + Number(delta)));
        }

        await stdout.WriteLineAsync("chỉ tiêu thay đổi:");
        await stdout.WriteLineAsync("đơn vị\tchỉ tiêu\ttrước\tsau");
        foreach (var old in before.Results)
        {
            var was = old.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
            var r = now[old.Unit];
            foreach (var i in old.Indicators)
            {
                var score = r.Indicators.FirstOrDefault(x => x.Code == i.Code);
                if (score is null) await stdout.WriteLineAsync($"{old.Unit}\t{i.Code}\t{Number(i.Score)}\t—\t(không còn trong bản dự thảo)");
                else if (score.Score != i.Score) await stdout.WriteLineAsync($"{old.Unit}\t{i.Code}\t{Number(i.Score)}\t{Number(score.Score)}");
            }
            foreach (var i in r.Indicators.Where(i => !was.ContainsKey(i.Code)))
                await stdout.WriteLineAsync($"{old.Unit}\t{i.Code}\t—\t{Number(i.Score)}\t(chỉ có trong bản dự thảo)");
        }
    }

    private static string Number(decimal value) => value.ToString("0.####", Vi);
}
