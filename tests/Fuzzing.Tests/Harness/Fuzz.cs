using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Platform.Fuzzing.Tests.Harness;

/// <summary>One input for a parser: its bytes and how it was made (seed, mutations), so a failure names its shape.</summary>
public sealed record FuzzInput(byte[] Bytes, string Shape)
{
    public override string ToString() => $"{Shape} ({Bytes.Length} bytes)";
}

/// <summary>
/// What a parser answered: accepted (a result) or refused with the problems people would read. Anything else (an
/// exception escaping the entry point) is a crash.
/// </summary>
public sealed record Verdict(bool Accepted, IReadOnlyList<string> Problems)
{
    public static Verdict Ok() => new(true, []);

    public static Verdict Refused(IEnumerable<string> problems) => new(false, [.. problems]);
}

/// <summary>
/// Runs a parser on FsCheck-generated inputs, each on its own thread with a hang bound, measuring what it allocates and
/// the process's peak resident memory while it runs; a crash, a hang, memory beyond the bound or a refusal that is not
/// a Vietnamese problem list fails the property with the input's shape (the input is also saved under
/// <c>fuzz-failures/</c> next to the test assembly).
/// </summary>
public static class Fuzz
{
    /// <summary>Inputs tried per parser: <c>PLATFORM_FUZZ_ITERATIONS</c>, default a CI-sized run.</summary>
    public static int Iterations(int defaultCount) =>
        int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : defaultCount;

    /// <summary>One input that does not finish within this is a hang.</summary>
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

    /// <summary>The memory an input may cost: a fixed allowance plus a multiple of its size (generous: a parser that expands a zip bomb exceeds it by far).</summary>
    public const long FixedAllowance = 256L * 1024 * 1024;
    public const long PerInputByte = 64;

    public static long Allowance(int inputLength) => FixedAllowance + PerInputByte * inputLength;

    public static readonly ConcurrentDictionary<string, ParserStats> Stats = new(StringComparer.Ordinal);

    /// <summary>Checks <paramref name="parse"/> on <paramref name="iterations"/> inputs from <paramref name="inputs"/>.</summary>
    public static ParserStats Run(string parser, Gen<FuzzInput> inputs, Func<byte[], Verdict> parse, int iterations, ITestOutputHelper? output = null)
    {
        var stats = Stats.GetOrAdd(parser, p => new ParserStats(p));
        var config = Config.QuickThrowOnFailure.WithMaxTest(iterations).WithQuietOnSuccess(true);
        var started = Stopwatch.GetTimestamp();
        // No shrinking: inputs are megabytes and each try may take seconds; the failure names the seed and mutations instead.
        Check.One(config, Prop.ForAll(Arb.From(inputs), input => One(parser, input, parse, stats)));
        stats.Wall += Stopwatch.GetElapsedTime(started);
        var line = stats.ToString();
        output?.WriteLine(line);
        Summary.Write(line);
        return stats;
    }

    /// <summary>One input through the harness; throws (failing the property) on a crash, a hang or too much memory.</summary>
    public static Verdict One(string parser, FuzzInput input, Func<byte[], Verdict> parse, ParserStats? stats = null)
    {
        stats ??= Stats.GetOrAdd(parser, p => new ParserStats(p));
        Verdict? verdict = null;
        Exception? crash = null;
        long allocated = 0;
        long peak = 0;
        // What earlier inputs left in the heap is not this input's: give it back before measuring the peak.
        if (Environment.WorkingSet > 384L * 1024 * 1024) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        PeakMemory.Reset();
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                verdict = parse(input.Bytes);
            }
            catch (Exception ex)
            {
                crash = ex;
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, maxStackSize: 0) { IsBackground = true, Name = $"fuzz {parser}" };
        var started = Stopwatch.GetTimestamp();
        thread.Start();
        var finished = thread.Join(HangBound);
        var elapsed = Stopwatch.GetElapsedTime(started);
        peak = PeakMemory.ResidentPeakBytes();
        lock (stats)
        {
            stats.Tried++;
            stats.MaxInputBytes = Math.Max(stats.MaxInputBytes, input.Bytes.Length);
            stats.MaxAllocated = Math.Max(stats.MaxAllocated, allocated);
            stats.MaxPeakResident = Math.Max(stats.MaxPeakResident, peak);
            if (elapsed > stats.Slowest) (stats.Slowest, stats.SlowestShape) = (elapsed, input.ToString());
        }
        if (!finished)
        {
            lock (stats) stats.Hangs++;
            throw new FuzzFailureException(parser, input, $"did not finish within {HangBound.TotalSeconds:F0} s (hang)");
        }
        if (crash is not null)
        {
            lock (stats) stats.Crashes++;
            throw new FuzzFailureException(parser, input, $"threw {crash.GetType().FullName}: {crash.Message}\n{crash.StackTrace}");
        }
        if (allocated > Allowance(input.Bytes.Length))
        {
            lock (stats) stats.OverMemory++;
            throw new FuzzFailureException(parser, input, $"allocated {allocated / 1e6:F0} MB, more than the bound {Allowance(input.Bytes.Length) / 1e6:F0} MB");
        }
        if (!verdict!.Accepted)
        {
            if (verdict.Problems.Count == 0) throw new FuzzFailureException(parser, input, "refused without saying why");
            if (verdict.Problems.FirstOrDefault(p => !Vietnamese.IsVietnamese(p)) is { } english)
                throw new FuzzFailureException(parser, input, $"a problem people read is not Vietnamese: {english}");
        }
        lock (stats)
        {
            if (verdict.Accepted) stats.Accepted++;
            else stats.Refused++;
        }
        return verdict;
    }
}

/// <summary>Counts for one parser, printed in the summary.</summary>
public sealed class ParserStats(string parser)
{
    public string Parser { get; } = parser;
    public int Tried { get; set; }
    public int Accepted { get; set; }
    public int Refused { get; set; }
    public int Crashes { get; set; }
    public int Hangs { get; set; }
    public int OverMemory { get; set; }
    public long MaxInputBytes { get; set; }
    public long MaxAllocated { get; set; }
    public long MaxPeakResident { get; set; }
    public TimeSpan Slowest { get; set; }
    public string SlowestShape { get; set; } = "";
    public TimeSpan Wall { get; set; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Parser}: {Tried} inputs ({Accepted} accepted, {Refused} refused with problems), crashes {Crashes}, hangs {Hangs}, over memory {OverMemory}; " +
        $"largest input {MaxInputBytes / 1024.0:F0} KiB, max allocated per input {MaxAllocated / 1e6:F1} MB, peak resident {MaxPeakResident / 1e6:F0} MB; " +
        $"slowest {Slowest.TotalMilliseconds:F0} ms [{SlowestShape}]; wall {Wall.TotalSeconds:F1} s");
}

/// <summary>A failed input, saved to <c>fuzz-failures/{parser}-{sha}.bin</c> so it can be replayed.</summary>
public sealed class FuzzFailureException(string parser, FuzzInput input, string what)
    : Exception($"{parser}: input {input} {what}; saved as {Save(parser, input)}")
{
    private static string Save(string parser, FuzzInput input)
    {
        try
        {
            var directory = Path.Combine(AppContext.BaseDirectory, "fuzz-failures");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, $"{parser}-{Convert.ToHexStringLower(SHA256.HashData(input.Bytes))[..16]}.bin");
            File.WriteAllBytes(path, input.Bytes);
            return path;
        }
        catch (IOException)
        {
            return "(not saved)";
        }
    }
}

/// <summary>The process's peak resident memory, reset before each input where Linux allows it (<c>/proc/self/clear_refs</c>).</summary>
public static class PeakMemory
{
    private static bool canReset = true;

    public static void Reset()
    {
        if (!canReset) return;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            canReset = false;
        }
    }

    public static long ResidentPeakBytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return Environment.WorkingSet;
        }
    }
}

/// <summary>Whether a message people read is Vietnamese: with what it quotes from the input left out, it still has Vietnamese letters.</summary>
public static class Vietnamese
{
    private const string Letters = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ";

    public static bool IsVietnamese(string message)
    {
        var own = new StringBuilder();
        char? closing = null;
        foreach (var c in message)
        {
            if (closing is { } end)
            {
                if (c == end) closing = null;
                continue;
            }
            closing = c switch { '\'' => '\'', '"' => '"', '«' => '»', _ => null };
            if (closing is null) own.Append(c);
        }
        return own.ToString().ToLowerInvariant().Any(c => Letters.Contains(c, StringComparison.Ordinal));
    }
}

/// <summary>The per-parser lines, appended to <c>fuzz-summary.txt</c> next to the test assembly and to standard output.</summary>
public static class Summary
{
    private static readonly Lock Gate = new();

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "fuzz-summary.txt");

    public static void Write(string line)
    {
        lock (Gate)
        {
            File.AppendAllText(Path, $"{DateTimeOffset.UtcNow:O} {line}{Environment.NewLine}");
            Console.WriteLine(line);
        }
    }
}
