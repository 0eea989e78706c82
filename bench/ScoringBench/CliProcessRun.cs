using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.Bench.ScoringBench;

/// <summary>
/// <c>Scoring.Cli score</c> as a whole process (runtime start, JIT, reading, validating, scoring, writing, exit) against
/// the engine core scoring the same request in this process, in the same run: one monthly-4585 input file per size
/// (<see cref="MonthlyData"/>), the CLI run <c>repeat</c> times on it, wall time and peak resident memory
/// (<c>/usr/bin/time</c>), the CLI's own stage times (<c>SCORING_CLI_STAGES</c>), and with <c>--before DLL</c> another
/// build of the CLI (for instance main's) on the same file, whose output must be byte-identical.
/// </summary>
public static class CliProcessRun
{
    public static int Run(int[] sizes, int repeat, string? before, bool keep)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Scoring.Cli.dll");
        var framework = BenchFrameworks.Catalog.Find("monthly-4585", null, "2026-03")!;
        var scorer = new Scorer(framework);
        var directory = Directory.CreateTempSubdirectory("scoring-cli-bench-");
        Console.WriteLine($"Scoring.Cli score --input in.json --output out.json as a process ({cli}); {Environment.ProcessorCount} cores; median of {repeat} runs (range)");
        Console.WriteLine("engine = Scorer.Score of the same request in this process, warm (validation, bests, indicators, totals, ranking)");
        if (before is not null) Console.WriteLine($"before = {before}");
        Console.WriteLine();
        var rows = new List<string>();
        try
        {
            foreach (var units in sizes)
            {
                var request = MonthlyData.Request(units);
                var input = Path.Combine(directory.FullName, $"in-{units}.json");
                using (var file = File.Create(input)) ScoringRunJson.WriteInput(framework, request, file);

                var slice = request with { Units = request.Units.Take(2_000).ToList() };
                for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 1.5;) scorer.Score(slice);
                var engine = new List<double>();
                var engineCpu = new List<double>();
                for (var i = 0; i < repeat; i++)
                {
                    GC.Collect();
                    var cpuStart = QuickRun.ThreadCpuSeconds();
                    var clock = Stopwatch.StartNew();
                    scorer.Score(request);
                    engine.Add(clock.Elapsed.TotalSeconds);
                    engineCpu.Add(QuickRun.ThreadCpuSeconds() - cpuStart);
                }
                request = null;
                slice = null;
                GC.Collect();

                var now = Measure(cli, input, Path.Combine(directory.FullName, $"out-{units}.json"), repeat);
                var row = $"{units,9:N0} | {new FileInfo(input).Length / 1e6,6:N1} MB | {now.OutputBytes / 1e6,6:N1} MB | {Ms(Median(engine))} / {Ms(Median(engineCpu))} | {Range(now.Wall)} / {Ms(Median(now.Cpu))} | {Median(now.PeakMb),6:N0} MB | {Median(now.Wall) / Median(engine),5:N1}× / {Median(now.Cpu) / Median(engineCpu),5:N1}×";
                if (before is not null)
                {
                    var then = Measure(before, input, Path.Combine(directory.FullName, $"out-{units}-before.json"), repeat);
                    var same = then.Digest == now.Digest ? "identical" : "DIFFERENT";
                    row += $" | {Range(then.Wall)} / {Ms(Median(then.Cpu))} | {Median(then.PeakMb),6:N0} MB | {Median(then.Wall) / Median(engine),5:N1}× / {Median(then.Cpu) / Median(engineCpu),5:N1}× | {same}";
                }
                Console.WriteLine(row);
                Console.WriteLine($"          stages (last run): {now.Stages}");
                rows.Add(row);
                if (!keep)
                {
                    foreach (var f in directory.GetFiles()) f.Delete();
                }
            }
        }
        finally
        {
            if (!keep) directory.Delete(recursive: true);
            else Console.WriteLine($"files kept in {directory.FullName}");
        }
        Console.WriteLine();
        Console.WriteLine("    units |  input   |  output   | engine wall / CPU | CLI process wall (range) / CPU | CLI peak | CLI ÷ engine (wall / CPU)" + (before is null ? "" : " | before: wall (range) / CPU | before peak | before ÷ engine (wall / CPU) | output"));
        foreach (var row in rows) Console.WriteLine(row);
        return 0;
    }

    private sealed record Measured(List<double> Wall, List<double> Cpu, List<double> PeakMb, long OutputBytes, string Digest, string Stages);

    private static Measured Measure(string dll, string input, string output, int repeat)
    {
        var wall = new List<double>();
        var peak = new List<double>();
        var cpu = new List<double>();
        var stages = "";
        var timeFile = Path.Combine(Path.GetTempPath(), $"scoring-cli-time-{Environment.ProcessId}");
        var hasTime = File.Exists("/usr/bin/time");
        for (var i = 0; i < repeat; i++)
        {
            var start = new ProcessStartInfo(hasTime ? "/usr/bin/time" : Dotnet())
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            if (hasTime)
            {
                foreach (var a in new[] { "-f", "%M %U %S", "-o", timeFile, Dotnet() }) start.ArgumentList.Add(a);
            }
            foreach (var a in new[] { dll, "score", "--input", input, "--output", output }) start.ArgumentList.Add(a);
            start.Environment["SCORING_CLI_STAGES"] = "1";
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            wall.Add(clock.Elapsed.TotalSeconds);
            if (process.ExitCode != 0) throw new InvalidOperationException($"{dll} exited {process.ExitCode}: {error.Result}");
            stages = error.Result.Trim();
            if (hasTime)
            {
                var figures = File.ReadAllText(timeFile).Trim().Split('\n')[^1].Split(' ').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
                peak.Add(figures[0] / 1024);
                cpu.Add(figures[1] + figures[2]);
            }
        }
        if (hasTime) File.Delete(timeFile);
        using var stream = File.OpenRead(output);
        return new Measured(wall, cpu.Count > 0 ? cpu : [double.NaN], peak.Count > 0 ? peak : [double.NaN], stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)), stages);
    }

    private static string Dotnet() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Ms(double seconds) => $"{seconds * 1000,4:N0} ms";

    private static string Range(List<double> seconds) => $"{Ms(Median(seconds))} ({seconds.Min() * 1000:N0}–{seconds.Max() * 1000:N0})";
}
