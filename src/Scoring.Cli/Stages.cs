using System.Diagnostics;

namespace Platform.Scoring.Cli;

/// <summary>
/// With <c>SCORING_CLI_STAGES=1</c>, <c>score</c> tells on standard error where its time went: the runtime's start up to
/// the command, then each stage (reading the file, parsing, the framework, validating and scoring, writing), wall and process
/// CPU time, the bytes allocated and the peak
/// resident memory. For bench/ScoringBench's <c>--cli</c>; without the variable it does nothing.
/// </summary>
internal sealed class Stages
{
    private readonly TextWriter stderr;
    private readonly List<(string Name, double Ms, double CpuMs)> marks = [];
    private long last = Stopwatch.GetTimestamp();
    private TimeSpan lastCpu = Process.GetCurrentProcess().TotalProcessorTime;

    private Stages(TextWriter stderr) => this.stderr = stderr;

    public static Stages FromEnvironment(TextWriter stderr)
    {
        if (Environment.GetEnvironmentVariable("SCORING_CLI_STAGES") is not { Length: > 0 }) return new Stages(TextWriter.Null) { Off = true };
        var stages = new Stages(stderr);
        stages.marks.Add(("start", (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds, stages.lastCpu.TotalMilliseconds));
        return stages;
    }

    private bool Off { get; init; }

    public void Mark(string name)
    {
        if (Off) return;
        var now = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        marks.Add((name, Stopwatch.GetElapsedTime(last, now).TotalMilliseconds, (cpu - lastCpu).TotalMilliseconds));
        (last, lastCpu) = (now, cpu);
    }

    public void Report()
    {
        if (Off) return;
        var peak = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))?[6..].Trim() ?? "?";
        stderr.WriteLine(FormattableString.Invariant(
            $"stages (wall/CPU): {string.Join(", ", marks.Select(m => $"{m.Name} {m.Ms:F0}/{m.CpuMs:F0} ms"))}; CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms; allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB; gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}; peak {peak}"));
    }
}
