// NQ57 round driver (docs/dx-index.md "Benchmark"): one round of 3,321 communes (docs/scale.md: ~98 per province, 34
// provinces) through the DX index service hosted in-process on real PostgreSQL and RabbitMQ (started as the tests do):
//   ingest    3,321 SubmissionApproved published on the bus, until every assessment is stored (the consumer, inbox)
//   decide    a national leader's POST …/decisions for every commune (one criterion changed with a reason), 4 at a time
//   province  GET the round of one province (~98 communes) and of the whole country (3,321), each scored by the engine
//   export    GET the national round as .xlsx
// with the process's peak working set and the bytes allocated per stage.
//
//   dotnet run -c Release --project bench/Nq57RoundBench -- [--communes 3321]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.DxIndex;
using Platform.DxIndex.Data;
using Platform.DxIndex.Nq57;
using Platform.DataAndMessaging.Units;
using Platform.Scoring;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Bench.Nq57RoundBench;

internal static class Driver
{
    private const string Tenant = "national";
    private const string Round = "2026";
    private const int Provinces = 34;

    public static async Task<int> Main(string[] args)
    {
        var communes = args.Length >= 2 && args[0] == "--communes" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3321;
        Console.WriteLine($"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}, {communes} communes in {Provinces} provinces");
        var infrastructure = new PlatformInfrastructure();
        await infrastructure.InitializeAsync();
        try
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DXINDEX", AppContext.BaseDirectory);
            await using var host = await ServiceHost.StartAsync<Program, DxIndexDbContext>(infrastructure, DxIndexModule.DatabaseName, "nq57bench",
                new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" });
            await RunAsync(host, communes);
            return 0;
        }
        finally
        {
            await infrastructure.DisposeAsync();
        }
    }

    private static async Task RunAsync(ServiceHost<Program, DxIndexDbContext> host, int count)
    {
        var framework = host.Services.GetRequiredService<FrameworkCatalog>().Find("nq57-self-2026", null, Round)!;
        var units = await SeedUnitsAsync(host, count);
        var bus = host.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        var at = new DateTimeOffset(2026, 6, 20, 2, 0, 0, TimeSpan.Zero);
        var approvals = units.Select((unit, i) =>
        {
            var a = Nq57DemoData.Assessment(framework, Tenant, Round, unit, i, at, demo: false);
            return new SubmissionApproved(a.SubmissionId, Tenant, framework.Id, framework.Version, Round, unit, unit,
                JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(a.ValuesJson!)!, false, "bench.reviewer", 5, at,
                Nq57Scoring.Read<decimal>(a.ReviewerScoresJson), Nq57Scoring.Read<string>(a.ReviewerCommentsJson));
        }).ToList();

        // 1. Ingest.
        var ingest = await StageAsync("ingest", async () =>
        {
            foreach (var approval in approvals) await bus.Publish(approval);
            while (true)
            {
                await using var db = host.Db();
                if (await db.Set<Nq57Assessment>().CountAsync() >= count) break;
                await Task.Delay(100);
            }
        });

        // 2. Decide, as the national leader (its subtree holds every commune), 4 requests at a time.
        var leader = new TestUser("bench.leader", [PlatformRoles.Leader], OrgUnit: "vn");
        using var client = host.Client(leader);
        await StageAsync("decide", async () =>
        {
            await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (unit, ct) =>
            {
                var response = await client.PostAsJsonAsync($"/api/dx-index/nq57/rounds/{Round}/communes/{unit}/decisions", new
                {
                    scores = new Dictionary<string, decimal> { ["B.II.2"] = 0m },
                    reasons = new Dictionary<string, string> { ["B.II.2"] = "Không có bài viết được công nhận" },
                }, ct);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{unit}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            });
        });

        // 3. The round as one province and as the national level sees it.
        await StageAsync("province view (1 province)", async () =>
        {
            var view = (await client.GetFromJsonAsync<JsonElement>($"/api/dx-index/nq57/rounds/{Round}?unit=p01"));
            Console.Write($"[{view.GetProperty("communes").GetInt32()} communes] ");
        });
        await StageAsync("national view", async () =>
        {
            var view = (await client.GetFromJsonAsync<JsonElement>($"/api/dx-index/nq57/rounds/{Round}"));
            Console.Write($"[{view.GetProperty("decided").GetInt32()} decided, {view.GetProperty("mostMissed").GetArrayLength()} criteria missed] ");
        });

        // 4. Export.
        await StageAsync("export (national .xlsx)", async () =>
        {
            var bytes = await client.GetByteArrayAsync($"/api/dx-index/nq57/rounds/{Round}/export");
            Console.Write($"[{bytes.Length / 1024} KB] ");
        });
        Console.WriteLine($"ingest throughput: {count / ingest.TotalSeconds:N0} approvals/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
    }

    private static async Task<TimeSpan> StageAsync(string name, Func<Task> stage)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        await stage();
        watch.Stop();
        Console.WriteLine($"{name}: {watch.Elapsed.TotalMilliseconds:N0} ms, {(GC.GetTotalAllocatedBytes() - allocated) / 1024 / 1024} MB allocated, working set {Environment.WorkingSet / 1024 / 1024} MB");
        return watch.Elapsed;
    }

    /// <summary>The national root, 34 provinces (<c>p01…</c>) and their communes in peer groups <c>pNN.communes</c>.</summary>
    private static async Task<List<string>> SeedUnitsAsync(ServiceHost<Program, DxIndexDbContext> host, int count)
    {
        await using var db = host.Db();
        db.Units.Add(new KnownUnit { Tenant = Tenant, Code = "vn", Name = "Việt Nam", Kind = "national", Revision = 1 });
        for (var p = 1; p <= Provinces; p++)
            db.Units.Add(new KnownUnit { Tenant = Tenant, Code = $"p{p:D2}", Name = $"Tỉnh {p:D2}", Kind = "province", ParentCode = "vn", PeerGroups = ["provinces"], Revision = 1 });
        var communes = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var province = $"p{i % Provinces + 1:D2}";
            var code = $"{province}.xa-{i:D4}";
            communes.Add(code);
            db.Units.Add(new KnownUnit { Tenant = Tenant, Code = code, Name = $"Xã {i:D4}", Kind = "commune", ParentCode = province, PeerGroups = [$"{province}.communes"], Revision = 1 });
        }
        await db.SaveChangesAsync();
        return communes;
    }
}
