using System.Diagnostics;

namespace Platform.Bench.IntakeThroughput;

/// <summary>Latencies of one load run and how long it took.</summary>
internal sealed record Run(int Count, TimeSpan Elapsed, List<double> LatenciesMs, int Failed = 0, string? FirstFailure = null)
{
    public double Throughput => Count / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        var l = LatenciesMs;
        return l.Count == 0 ? double.NaN : l[(int)Math.Min(l.Count - 1, Math.Max(0, Math.Ceiling(p * l.Count) - 1))];
    }

    public void Report(string unit)
    {
        LatenciesMs.Sort();
        Console.WriteLine($"  {Count:N0} in {Elapsed.TotalSeconds:0.00} s = {Throughput,8:N0} {unit}/s   p50 {Percentile(0.50):0.0} ms   p99 {Percentile(0.99):0.0} ms   p99.9 {Percentile(0.999):0.0} ms   max {LatenciesMs[^1]:0.0} ms"
                          + (Failed > 0 ? $"   FAILED {Failed:N0} (first: {FirstFailure})" : ""));
    }
}

/// <summary>The two ways of loading the system: as fast as a fixed number of clients can (closed loop), or at a fixed arrival rate (open loop).</summary>
internal static class Load
{
    /// <summary>
    /// Closed loop: <paramref name="concurrency"/> workers each send the next item when their previous one is answered,
    /// so the rate is the system's maximum (and latency includes no queue outside the system).
    /// </summary>
    public static async Task<Run> ClosedAsync(int count, int concurrency, Func<int, int, Task> send)
    {
        var next = -1;
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await send(w, i);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return new Run(count, clock.Elapsed, [.. latencies.SelectMany(l => l)]);
    }

    /// <summary>
    /// Open loop: item <c>i</c> is due at <c>i / rate</c> seconds and is sent then, whether or not earlier ones were
    /// answered. Its latency counts from when it was due, not from when it was sent, so a system (or a driver) that falls
    /// behind shows it in the percentiles instead of quietly lowering the rate (no coordinated omission). The achieved
    /// rate is the items over the time until the last answer.
    /// </summary>
    public static async Task<Run> OpenAsync(int count, double rate, Func<int, Task> send)
    {
        var latencies = new double[count];
        var tasks = new Task[count];
        var failed = 0;
        string? firstFailure = null;
        var start = Stopwatch.GetTimestamp();
        var ticksPerItem = Stopwatch.Frequency / rate;
        var i = 0;
        while (i < count)
        {
            var now = Stopwatch.GetTimestamp();
            for (; i < count && start + (long)(i * ticksPerItem) <= now; i++)
            {
                var due = start + (long)(i * ticksPerItem);
                var item = i;
                tasks[i] = Task.Run(async () =>
                {
                    try
                    {
                        await send(item);
                    }
                    catch (Exception ex)
                    {
                        // An overloaded system refuses or times out: counted and told, the run goes on.
                        if (Interlocked.Increment(ref failed) == 1) firstFailure = ex.Message.Split('\n')[0];
                    }
                    latencies[item] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                });
            }
            if (i < count) await Task.Delay(1);
        }
        await Task.WhenAll(tasks);
        return new Run(count, Stopwatch.GetElapsedTime(start), [.. latencies], failed, firstFailure);
    }
}
