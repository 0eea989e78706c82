// Reporting bench: the read models of <months> months × <units> units (docs/reporting.md, "Measured"), then the queries
// and exports people use, on those tables.
//
// Real PostgreSQL and RabbitMQ (started like AppHost does), the reporting service hosted in-process on Kestrel with
// bearer tokens. Phases:
//   build    every generated event journaled and applied as the consumers do it (journal insert + Projector; one
//            transaction per event, or --batch N events per transaction), by 4 workers partitioned by the event's key (a
//            unit, a submission, an obligation set, a ranking)
//   queries  p50/p95 of the compliance and dashboard endpoints (--requests N each, default 20, after 2 untimed)
//   exports  the meeting ranking of one all-units peer group ("bench-all", <units> units) as PDF and Excel
//   rebuild  POST /api/reporting/admin/rebuild (empties the read models, applies the journal again), last
//
//   dotnet run -c Release --project bench/ReportingBench -- [--units 41000] [--months 12] [--workers 4] [--batch 1] [--requests 20]
//
// --publication-only: only the consume side of one revision of each size, in parts and as one message (PublicationOnly.cs):
//   dotnet run -c Release --project bench/ReportingBench -- --publication-only [--units 4100,41000,410000]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.Channels;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.LocalInfrastructure;
using Platform.Reporting.Data;
using Platform.Reporting.ReadModels;
using Platform.Scoring;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Bench.ReportingBench;

internal static class Driver
{
    public static async Task<int> Main(string[] args)
    {
        var publicationOnly = args.Contains("--publication-only");
        var sizes = OptionText(args, "--units", "41000").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToList();
        var units = sizes[0];
        var months = int.Parse(OptionText(args, "--months", "12"), CultureInfo.InvariantCulture);
        var workers = int.Parse(OptionText(args, "--workers", "4"), CultureInfo.InvariantCulture);
        var batch = int.Parse(OptionText(args, "--batch", "1"), CultureInfo.InvariantCulture);
        var requests = int.Parse(OptionText(args, "--requests", "20"), CultureInfo.InvariantCulture);
        var root = Path.Combine(Path.GetTempPath(), "platform-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var postgresStarting = PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(root, "postgres") });
        var rabbitStarting = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = Path.Combine(root, "rabbitmq") });
        await using var postgres = await postgresStarting;
        await using var rabbit = await rabbitStarting;
        try
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_REPORTING", AppContext.BaseDirectory);
            Console.WriteLine($"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}; " +
                $"--units {units} --months {months} --workers {workers} --batch {batch} --requests {requests}");
            await postgres.CreateDatabaseAsync("reporting");
            if (publicationOnly) await RunPublicationOnlyAsync(postgres.ConnectionString("reporting"), rabbit.ConnectionString(), sizes);
            else await RunAsync(postgres.ConnectionString("reporting"), rabbit.ConnectionString(), units, months, workers, batch, requests);
            return 0;
        }
        finally
        {
            await rabbit.StopAsync();
            await postgres.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task RunPublicationOnlyAsync(string connection, string messaging, IReadOnlyList<int> sizes)
    {
        using var tokens = new TestTokens();
        await using var service = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["ConnectionStrings:reportingdb"] = connection,
            ["ConnectionStrings:messaging"] = messaging,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:MassTransit"] = "Error",
        }, tokens);
        service.StartServer();
        await PublicationOnly.RunAsync(service.Services, sizes);
    }

    private static async Task RunAsync(string connection, string messaging, int unitCount, int months, int workers, int batch, int requests)
    {
        using var tokens = new TestTokens();
        await using var service = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["ConnectionStrings:reportingdb"] = connection,
            ["ConnectionStrings:messaging"] = messaging,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:MassTransit"] = "Error",
        }, tokens);
        service.UseKestrel(0);
        service.StartServer();
        using var client = service.CreateClient();
        client.Timeout = TimeSpan.FromHours(2);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Mint(
            new TestUser("quan-tri.bench", [PlatformRoles.PlatformAdmin, PlatformRoles.Reviewer, PlatformRoles.Leader], OrgUnit: EventGenerator.Root),
            lifetime: TimeSpan.FromHours(4)));
        var results = new ReportedList();

        var generator = new EventGenerator(unitCount, months);
        var build = await BuildAsync(service.Services, generator, workers, batch);
        results.Add(($"build: events journaled + projected ({(batch == 1 ? "one transaction per event, as the consumers" : $"{batch} events per transaction")})", $"{build.Events:N0} in {build.Elapsed.TotalSeconds:N1} s = {build.Events / build.Elapsed.TotalSeconds:N0} events/s"));
        results.Add(("build: peak working set (sampled)", $"{build.PeakMiB:N0} MiB (generator + service in one process)"));
        results.Add(("tables", await SizesAsync(service.Services)));

        // The exports' ranking: every unit in one peer group, in the last month (not part of the journal's count above).
        var period = EventGenerator.Period(months - 1);
        var all = generator.Ranking(new Random(5), period, "bench-all", generator.Units.Where(u => u.Kind != "national").ToList(), null, 1,
            DateTimeOffset.Parse("2027-01-12T03:00:00Z", CultureInfo.InvariantCulture));
        await ApplyAsync(service.Services, all);

        var province = EventGenerator.Province(1);
        var framework = EventGenerator.Framework;
        var queries = new (string Name, string Url)[]
        {
            ("compliance, national root", $"/api/reporting/compliance/{framework}/{period}?unit=vn"),
            ("compliance, national, overdue", $"/api/reporting/compliance/{framework}/{period}?unit=vn&status=overdue"),
            ("compliance, one province", $"/api/reporting/compliance/{framework}/{period}?unit={province}"),
            ("compliance by unit, national", $"/api/reporting/compliance/{framework}/{period}/by-unit?unit=vn"),
            ("compliance trend, one province", $"/api/reporting/compliance/{framework}/trend?unit={province}"),
            ("dashboard, one province", $"/api/reporting/dashboards/units/{province}?framework={framework}"),
            ("dashboard, class distribution", $"/api/reporting/dashboards/classes?framework={framework}&peerGroup=provinces"),
            ("dashboard, heads of agency (national)", $"/api/reporting/dashboards/leaders?framework={framework}&period={period}&unit=vn"),
            ("ranking page (bench-all, page 1)", $"/api/reporting/rankings/{framework}/{period}/bench-all"),
        };
        foreach (var (name, url) in queries) results.Add((name, await PercentilesAsync(client, url, requests)));
        foreach (var format in new[] { "pdf", "xlsx" })
        {
            var endpoint = await ExportAsync(client, $"/api/reporting/rankings/{framework}/{period}/bench-all/export?format={format}");
            results.Add(($"ranking export {format}, {all.Units.Count:N0} units (GET …/export)", endpoint));
            if (endpoint.StartsWith("n/a", StringComparison.Ordinal))
                results.Add(($"ranking document {format}, {all.Units.Count:N0} units (ReportFiles.Render)",
                    await RenderAsync(() => RankingExport.RenderAsync(service.Services, format, framework, period, "bench-all"))));
        }

        var rebuild = await MeasureAsync(async () =>
        {
            // 202 at once: the rebuild runs in the background; the status says when it has finished.
            using var response = await client.PostAsync("/api/reporting/admin/rebuild", null);
            response.EnsureSuccessStatusCode();
            while (true)
            {
                await Task.Delay(500);
                using var status = await client.GetAsync("/api/reporting/admin/status");
                status.EnsureSuccessStatusCode();
                var rebuild = (await status.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("rebuild");
                if (rebuild.GetProperty("running").GetBoolean()) continue;
                if (rebuild.GetProperty("error").GetString() is { } failure) throw new InvalidOperationException(failure);
                break;
            }
        });
        results.Add(("rebuild: POST /admin/rebuild", $"{rebuild.Elapsed.TotalSeconds:N1} s = {build.Events / rebuild.Elapsed.TotalSeconds:N0} events/s, peak {rebuild.PeakMiB:N0} MiB"));

        Console.WriteLine();
        var width = results.Max(r => r.What.Length);
        Console.WriteLine($"| {"what".PadRight(width)} | figure |");
        Console.WriteLine($"|{new string('-', width + 2)}|--------|");
        foreach (var (what, figure) in results) Console.WriteLine($"| {what.PadRight(width)} | {figure} |");
    }

    private sealed record Build(long Events, TimeSpan Elapsed, double PeakMiB);

    /// <summary>Every event as its consumer handles it (journal + projector, one transaction), by partitioned workers.</summary>
    private static async Task<Build> BuildAsync(IServiceProvider services, EventGenerator generator, int workers, int batch)
    {
        var definition = ShippedDefinition(EventGenerator.Framework);
        var channels = Enumerable.Range(0, workers).Select(_ => Channel.CreateBounded<IIntegrationEvent>(2_000)).ToArray();
        var projector = services.GetRequiredService<Projector>();
        var count = 0L;
        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        var consuming = channels.Select(channel => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            while (await channel.Reader.WaitToReadAsync())
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                var applied = 0;
                while (applied < batch && channel.Reader.TryRead(out var e))
                {
                    if (await Journal.AppendAsync(db, NewId.NextGuid(), e, DateTimeOffset.UtcNow, default)) await projector.ApplyAsync(db, e, default);
                    applied++;
                }
                await transaction.CommitAsync();
                Interlocked.Add(ref count, applied);
            }
        })).ToList();
        var lastReport = Stopwatch.StartNew();
        foreach (var e in generator.Setup(definition).Concat(Enumerable.Range(0, generator.Months).SelectMany(generator.Month)))
        {
            await channels[(int)((uint)Key(e).GetHashCode() % (uint)workers)].Writer.WriteAsync(e);
            if (lastReport.Elapsed > TimeSpan.FromSeconds(30))
            {
                Console.WriteLine($"  … {Interlocked.Read(ref count):N0} events in {clock.Elapsed.TotalSeconds:N0} s");
                lastReport.Restart();
            }
        }
        foreach (var channel in channels) channel.Writer.Complete();
        await Task.WhenAll(consuming);
        return new Build(count, clock.Elapsed, sampler.PeakMiB);
    }

    /// <summary>Events of one key stay on one worker, in order (two workers inserting the same unit would conflict and retry).</summary>
    private static string Key(IIntegrationEvent e) => e switch
    {
        OrganisationUnitRegistered m => m.UnitCode,
        SubmissionSubmitted m => m.SubmissionId.ToString(),
        SubmissionReturned m => m.SubmissionId.ToString(),
        SubmissionApproved m => m.SubmissionId.ToString(),
        ObligationsAnnounced m => m.Period + m.Level + m.OverseeingUnit,
        ScoresPublished m => m.Period + m.PeerGroup,
        PeriodClosed m => m.Period + m.Level,
        _ => e.GetType().Name,
    };

    private static async Task ApplyAsync(IServiceProvider services, IIntegrationEvent e)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await Journal.AppendAsync(db, NewId.NextGuid(), e, DateTimeOffset.UtcNow, default))
            await services.GetRequiredService<Projector>().ApplyAsync(db, e, default);
        await transaction.CommitAsync();
    }

    private static async Task<string> SizesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var parts = new List<string>();
        foreach (var table in new[] { "journal", "units", "owed_reports", "submission_progress", "publications", "published_scores" })
        {
#pragma warning disable EF1002 // the bench's own table names
            var rows = await db.Database.SqlQueryRaw<long>($"""SELECT count(*) AS "Value" FROM {table}""").SingleAsync();
            var bytes = await db.Database.SqlQueryRaw<long>($"""SELECT pg_total_relation_size('{table}') AS "Value" """).SingleAsync();
#pragma warning restore EF1002
            parts.Add($"{table} {rows:N0} rows {bytes / 1024d / 1024d:N0} MiB");
        }
        return string.Join("; ", parts);
    }

    private static async Task<string> PercentilesAsync(HttpClient client, string url, int requests)
    {
        var times = new List<double>();
        for (var i = 0; i < requests + 2; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            if (!response.IsSuccessStatusCode) return $"n/a: HTTP {(int)response.StatusCode} (endpoint not merged or refused)";
            if (i >= 2) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return $"p50 {Percentile(times, 0.50):N1} ms, p95 {Percentile(times, 0.95):N1} ms ({requests} requests)";
    }

    private static async Task<string> ExportAsync(HttpClient client, string url)
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var before = Environment.WorkingSet;
        long bytes = 0;
        HttpResponseMessage? failed = null;
        var measured = await MeasureAsync(async () =>
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                failed = response;
                return;
            }
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0) bytes += read;
        });
        if (failed is not null) return $"n/a: HTTP {(int)failed.StatusCode} (endpoint not merged or refused)";
        return $"{measured.Elapsed.TotalSeconds:N1} s, {bytes / 1024d / 1024d:N1} MiB file, peak working set {measured.PeakMiB:N0} MiB " +
            $"(+{(measured.PeakMiB - before / 1024d / 1024d):N0} MiB over before), allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024d / 1024d:N0} MiB";
    }

    private static async Task<string> RenderAsync(Func<Task<long>> render)
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var before = Environment.WorkingSet;
        long bytes = 0;
        var measured = await MeasureAsync(async () => bytes = await render());
        return $"{measured.Elapsed.TotalSeconds:N1} s, {bytes / 1024d / 1024d:N1} MiB file, peak working set {measured.PeakMiB:N0} MiB " +
            $"(+{(measured.PeakMiB - before / 1024d / 1024d):N0} MiB over before), allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024d / 1024d:N0} MiB";
    }

    private static async Task<(TimeSpan Elapsed, double PeakMiB)> MeasureAsync(Func<Task> action)
    {
        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        await action();
        return (clock.Elapsed, sampler.PeakMiB);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string ShippedDefinition(string framework)
    {
        using var stream = typeof(FrameworkCatalog).Assembly.GetManifestResourceStream($"Platform.Scoring.Frameworks.{framework}.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string OptionText(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}

/// <summary>The results table, each row also printed as soon as it is measured (a long run shows its figures as it goes).</summary>
internal sealed class ReportedList : List<(string What, string Figure)>
{
    public new void Add((string What, string Figure) row)
    {
        Console.WriteLine($"  {row.What}: {row.Figure}");
        base.Add(row);
    }
}

/// <summary>The process's largest working set while it lives, sampled every 25 ms.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private long _peak = Environment.WorkingSet;

    public MemorySampler() => _ = Task.Run(async () =>
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = Environment.WorkingSet;
            if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
            try { await Task.Delay(25, _stop.Token); } catch (OperationCanceledException) { }
        }
    });

    public double PeakMiB => Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet) / 1024d / 1024d;

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
