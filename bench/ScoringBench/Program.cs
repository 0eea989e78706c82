// Scoring benchmark: one month of monthly-4585 for 4,100 / 41,000 / 410,000 units (scale.md: the
// national instance, 10× and 100× it), scored by the engine and by a naive JSON-walking baseline.
//
//   dotnet run -c Release --project bench/ScoringBench -- --quick [--units 4100,41000,410000] [--repeat 5] [--no-baseline] [--digest]
//   dotnet run -c Release --project bench/ScoringBench -- --stages [--units 41000]   (validation, encoding, whole run)
//   dotnet run -c Release --project bench/ScoringBench -- --digest-all   (one digest of every shipped framework's results)
//   dotnet run -c Release --project bench/ScoringBench -- --filter '*'        (BenchmarkDotNet, in-process)
//   dotnet run -c Release --project bench/ScoringBench -- --cli [--units 4100,41000,410000] [--repeat 3] [--before OLD/Scoring.Cli.dll] [--keep]
//       (Scoring.Cli score as a whole process: wall time, peak memory, stages, against the engine core in the same run)
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Platform.Bench.ScoringBench;

if (args.Contains("--digest-all"))
{
    return AnyFrameworkData.Digest(int.Parse(Option("--units", "300"), CultureInfo.InvariantCulture), 4);
}
if (args.Contains("--cli"))
{
    var sizes = Option("--units", "4100,41000,410000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    return CliProcessRun.Run(sizes, int.Parse(Option("--repeat", "3"), CultureInfo.InvariantCulture), args.Contains("--before") ? Option("--before", "") : null, args.Contains("--keep"));
}
if (args.Contains("--stages"))
{
    return QuickRun.Stages(int.Parse(Option("--units", "41000"), CultureInfo.InvariantCulture), int.Parse(Option("--repeat", "5"), CultureInfo.InvariantCulture));
}
if (args.Contains("--quick"))
{
    var sizes = Option("--units", "4100,41000,410000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    return QuickRun.Run(sizes, int.Parse(Option("--repeat", "5"), CultureInfo.InvariantCulture), !args.Contains("--no-baseline"), args.Contains("--digest"));
}

// In-process: the generated benchmark project would otherwise inherit the repository's
// warnings-as-errors build settings.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args, config);
return 0;

string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
