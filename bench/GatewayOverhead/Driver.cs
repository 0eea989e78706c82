// Gateway proxy overhead: the same load against a small API endpoint directly and through the gateway (YARP,
// service discovery, correlation id, security headers, rate limiter, body limit), in the same run, with
// throughput and p50/p99 latency of each and the ratio. Both run on Kestrel over real HTTP on this machine;
// the load driver shares the cores with them. The backend answers a small JSON document, like a listing page.
//
//   dotnet run -c Release --project bench/GatewayOverhead -- [--seconds 10] [--concurrency 16] [--rounds 2]
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.LocalInfrastructure;
using Platform.TestSupport;

namespace Platform.Bench.GatewayOverhead;

internal static class Driver
{
    public static async Task<int> Main(string[] args)
    {
        var seconds = Option(args, "--seconds", 10);
        var concurrency = Option(args, "--concurrency", 16);
        var rounds = Option(args, "--rounds", 2);

        var backendPort = Ports.GetFree();
        var backendBuilder = WebApplication.CreateSlimBuilder();
        backendBuilder.Logging.ClearProviders();
        backendBuilder.WebHost.UseUrls($"http://127.0.0.1:{backendPort}");
        await using var backend = backendBuilder.Build();
        var payload = Enumerable.Range(1, 20).Select(i => new { code = $"lao-cai.xa-{i:00}", name = $"Xã thử {i}", total = 70.5m + i }).ToArray();
        backend.MapGet("/api/intake/units", () => Results.Json(new { items = payload, total = payload.Length }));
        await backend.StartAsync();

        // No solution-relative content root outside a test project: the gateway needs none.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GATEWAY", AppContext.BaseDirectory);
        await using var gateway = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["services:intake:http:0"] = $"http://127.0.0.1:{backendPort}",
            ["Logging:LogLevel:Default"] = "Warning",
            // The load is one caller: lift the per-caller limit so the limiter is measured, not its refusals.
            ["Gateway:RateLimit:PermitLimit"] = "100000000",
            ["Gateway:RateLimit:IpPermitLimit"] = "100000000",
        });
        gateway.UseKestrel(0);
        gateway.StartServer();
        using var viaGateway = gateway.CreateClient();
        using var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{backendPort}") };
        Console.WriteLine($"Backend {direct.BaseAddress}, gateway {viaGateway.BaseAddress}; {concurrency} concurrent clients, {seconds} s per measurement, {Environment.ProcessorCount} cores");

        // Warm-up of both paths (JIT, connection pools), then alternating measurements so drift hits both alike.
        await LoadAsync(direct, TimeSpan.FromSeconds(3), concurrency);
        await LoadAsync(viaGateway, TimeSpan.FromSeconds(3), concurrency);
        var directRuns = new List<Run>();
        var gatewayRuns = new List<Run>();
        for (var round = 0; round < rounds; round++)
        {
            directRuns.Add(await LoadAsync(direct, TimeSpan.FromSeconds(seconds), concurrency));
            gatewayRuns.Add(await LoadAsync(viaGateway, TimeSpan.FromSeconds(seconds), concurrency));
        }
        var d = Run.Merge(directRuns);
        var g = Run.Merge(gatewayRuns);
        Report("direct to the service", d);
        Report("through the gateway", g);
        Console.WriteLine($"Throughput through the gateway: {g.Throughput / d.Throughput:P0} of direct ({1 - g.Throughput / d.Throughput:P0} loss); " +
            $"added latency p50 {g.P(0.50) - d.P(0.50):+0.00;-0.00} ms, p99 {g.P(0.99) - d.P(0.99):+0.00;-0.00} ms");
        await backend.StopAsync();
        return 0;
    }

    private sealed record Run(int Requests, TimeSpan Elapsed, List<double> LatenciesMs)
    {
        public double Throughput => Requests / Elapsed.TotalSeconds;

        public double P(double p) => LatenciesMs[(int)Math.Min(LatenciesMs.Count - 1, Math.Ceiling(p * LatenciesMs.Count) - 1)];

        public static Run Merge(List<Run> runs)
        {
            var all = runs.SelectMany(r => r.LatenciesMs).ToList();
            all.Sort();
            return new Run(runs.Sum(r => r.Requests), TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks)), all);
        }
    }

    private static void Report(string what, Run run) =>
        Console.WriteLine($"  {what,-24} {run.Throughput,9:N0} requests/s   p50 {run.P(0.50),6:0.00} ms   p99 {run.P(0.99),6:0.00} ms   ({run.Requests:N0} requests)");

    private static async Task<Run> LoadAsync(HttpClient client, TimeSpan duration, int concurrency)
    {
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync("/api/intake/units");
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).ToList();
        all.Sort();
        return new Run(all.Count, elapsed, all);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
