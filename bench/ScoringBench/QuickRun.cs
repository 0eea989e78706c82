using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.Bench.ScoringBench;

/// <summary>
/// Times whole scoring runs with a stopwatch on the calling thread (one core): validation, encoding,
/// peer bests, every indicator of every unit, totals and ranking; the same data through the baseline;
/// and a digest of the output JSON, so an engine change can be shown to leave results byte-identical.
/// </summary>
public static partial class QuickRun
{
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time of the calling thread (Linux): the one core the run uses, whatever else the machine is doing.</summary>
    internal static double ThreadCpuSeconds()
    {
        const int ThreadCpuTimeClock = 3;
        return OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuTimeClock, out var t) == 0 ? t.Seconds + t.Nanoseconds / 1e9 : double.NaN;
    }

    public static int Run(int[] sizes, int repeat, bool withBaseline, bool digest)
    {
        var framework = BenchFrameworks.Catalog.Find("monthly-4585", null, "2026-03")!;
        var scorer = new Scorer(framework);
        var baseline = new BaselineScorer(framework.Definition);
        var indicators = framework.Indicators.Count;
        Console.WriteLine($"monthly-4585, {indicators} indicators per unit (A3, C1, C2 relative to the peer best); {Environment.ProcessorCount} cores;");
        Console.WriteLine($"median of {repeat} runs; CPU = the scoring thread's CPU time; evaluations/s = units × {indicators} / CPU time, for the whole run");
        Console.WriteLine();
        Console.WriteLine("            |                engine                   |               baseline                  |");
        Console.WriteLine("      units |    wall |     CPU | evaluations/s | alloc |    wall |     CPU | evaluations/s | alloc | engine ÷ baseline (CPU)");
        Console.WriteLine("------------|---------|---------|---------------|-------|---------|---------|---------------|-------|------------------------");
        var previous = (Units: 0, Cpu: 0.0);
        var growth = new List<string>();
        var digests = new List<string>();
        foreach (var units in sizes)
        {
            var request = MonthlyData.Request(units);
            // Warm-up for a second and a half on a slice, so tiered JIT has optimised the hot path before timing.
            var slice = request with { Units = request.Units.Take(2_000).ToList() };
            for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 1.5;) scorer.Score(slice);
            var engine = Time(() => scorer.Score(request), repeat);
            var evaluations = (double)units * indicators;
            var line = $"{units,11:N0} | {Ms(engine.Wall)} | {Ms(engine.Cpu)} | {evaluations / engine.Cpu,13:N0} | {Mb(engine.Bytes)}";
            if (withBaseline)
            {
                for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 1.5;) baseline.Score(slice);
                var naive = Time(() => baseline.Score(request), Math.Min(repeat, 3));
                Compare(engine.Result, naive.Result);
                line += $" | {Ms(naive.Wall)} | {Ms(naive.Cpu)} | {evaluations / naive.Cpu,13:N0} | {Mb(naive.Bytes)} | {naive.Cpu / engine.Cpu,6:N1}×";
            }
            Console.WriteLine(line);
            if (digest) digests.Add($"{units,11:N0} units: output JSON SHA-256 {Digest(engine.Result)}");
            if (previous.Units > 0)
                growth.Add($"{previous.Units,11:N0} → {units:N0} units ({(double)units / previous.Units:N0}×): engine CPU time ×{engine.Cpu / previous.Cpu:N1}");
            previous = (units, engine.Cpu);
        }
        Console.WriteLine();
        foreach (var line in growth.Concat(digests)) Console.WriteLine(line);
        return 0;
    }

    /// <summary>Where a run's time goes: validation alone, encoding alone, and the whole run.</summary>
    public static int Stages(int units, int repeat)
    {
        var framework = BenchFrameworks.Catalog.Find("monthly-4585", null, "2026-03")!;
        var scorer = new Scorer(framework);
        var request = MonthlyData.Request(units);
        var slice = request with { Units = request.Units.Take(2_000).ToList() };
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 1.5;)
        {
            scorer.Score(slice);
            foreach (var u in slice.Units) InputEncoder.Encode(framework, u);
        }
        var validate = Time(() => scorer.Validate(request), repeat);
        var encode = Time(() => request.Units.Select(u => InputEncoder.Encode(framework, u)).ToArray(), repeat);
        var whole = Time(() => scorer.Score(request), repeat);
        Console.WriteLine($"{units:N0} units, CPU time: validate {Ms(validate.Cpu)} ({Mb(validate.Bytes)}), encode alone {Ms(encode.Cpu)} ({Mb(encode.Bytes)}), whole run {Ms(whole.Cpu)} ({Mb(whole.Bytes)})");
        return 0;
    }

    private sealed record Timing<T>(double Wall, double Cpu, long Bytes, T Result);

    /// <summary>Medians over <paramref name="repeat"/> runs, each after a full collection.</summary>
    private static Timing<T> Time<T>(Func<T> run, int repeat)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        var bytes = new List<long>();
        var notes = new List<string>();
        T result = default!;
        for (var i = 0; i < repeat; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var paused = GC.GetTotalPauseDuration();
            var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var cpuStart = ThreadCpuSeconds();
            var clock = Stopwatch.StartNew();
            result = run();
            clock.Stop();
            cpu.Add(ThreadCpuSeconds() - cpuStart);
            wall.Add(clock.Elapsed.TotalSeconds);
            bytes.Add(GC.GetAllocatedBytesForCurrentThread() - allocated);
            notes.Add($"{clock.Elapsed.TotalMilliseconds:N0} ms (GC paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:N0} ms, gen0/1/2 {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2})");
        }
        if (Environment.GetEnvironmentVariable("SCORING_BENCH_GC") is not null) Console.Error.WriteLine("  runs: " + string.Join("; ", notes));
        return new Timing<T>(Median(wall), Median(cpu), bytes.Order().ElementAt(bytes.Count / 2), result);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Ms(double seconds) => $"{seconds * 1000,4:N0} ms";

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0,2:N0} MB";

    /// <summary>The baseline must agree with the engine on every unit, or the comparison means nothing.</summary>
    private static void Compare(ScoringResult engine, BaselineScorer.Result[] baseline)
    {
        if (engine.Results.Count != baseline.Length) throw new InvalidOperationException("baseline and engine scored different numbers of units");
        for (var i = 0; i < baseline.Length; i++)
        {
            var e = engine.Results[i];
            var b = baseline[i];
            var same = e.Unit == b.Unit && e.Total == b.Total && e.Unrounded == b.Unrounded && e.Rank == b.Rank && e.Classification == b.Classification
                && e.Indicators.All(s => b.Indicators[s.Code] == s.Score) && e.Groups.All(g => b.Groups[g.Key] == g.Value);
            if (!same) throw new InvalidOperationException($"baseline and engine disagree on {e.Unit}");
        }
    }

    /// <summary>SHA-256 of the scoring-run output JSON (the CLI's bytes), streamed.</summary>
    private static string Digest(ScoringResult result)
    {
        using var hash = new HashingStream();
        ScoringRunJson.Write(result, hash);
        return hash.Hex();
    }

    private sealed class HashingStream : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        public string Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset())[..16];
        public override void Write(byte[] buffer, int offset, int count) => _hash.AppendData(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => _hash.AppendData(buffer);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
