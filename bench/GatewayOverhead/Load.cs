using System.Diagnostics;

namespace Platform.Bench.GatewayOverhead;

/// <summary>Closed-loop load: <c>concurrency</c> callers, each sending its next request when the last one is answered.</summary>
internal static class Load
{
    /// <param name="Cpu">CPU time each watched process used during the run (gateway, service).</param>
    public sealed record Run(int Requests, TimeSpan Elapsed, List<double> LatenciesMs, TimeSpan[] Cpu)
    {
        public double Throughput => Requests / Elapsed.TotalSeconds;

        /// <summary>Microseconds of CPU the <paramref name="process"/>-th watched process spent per request.</summary>
        public double CpuPerRequestUs(int process) => Cpu[process].TotalMicroseconds / Requests;

        public double P(double p) => LatenciesMs[(int)Math.Min(LatenciesMs.Count - 1, Math.Ceiling(p * LatenciesMs.Count) - 1)];

        public static Run Merge(List<Run> runs)
        {
            var all = runs.SelectMany(r => r.LatenciesMs).ToList();
            all.Sort();
            var cpu = runs[0].Cpu.Select((_, i) => TimeSpan.FromTicks(runs.Sum(r => r.Cpu[i].Ticks))).ToArray();
            return new Run(runs.Sum(r => r.Requests), TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks)), all, cpu);
        }
    }

    /// <summary>Sends one request and fails with the answer when it is not a success (wrong setup, not load).</summary>
    public static async Task CheckAsync(HttpClient client, Func<long, HttpRequestMessage> request)
    {
        using var message = request(0);
        using var response = await client.SendAsync(message);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode} from {client.BaseAddress}{message.RequestUri}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<Run> RunAsync(HttpClient client, Func<long, HttpRequestMessage> request, TimeSpan duration, int concurrency, params ChildProcess[] watched)
    {
        var cpuBefore = watched.Select(p => p.CpuTime).ToArray();
        var latencies = new List<double>[concurrency];
        var next = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var message = request(Interlocked.Increment(ref next));
                using var response = await client.SendAsync(message);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed;
        var cpu = watched.Select((p, i) => p.CpuTime - cpuBefore[i]).ToArray();
        var all = latencies.SelectMany(l => l).ToList();
        all.Sort();
        return new Run(all.Count, elapsed, all, cpu);
    }
}
