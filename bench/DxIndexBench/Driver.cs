// DTI bench: score and publish the provincial DTI (dti-province-405) for 34 provinces and for 340 (10×), with time and memory.
//
// Real PostgreSQL and RabbitMQ (started like AppHost does), the DX index service hosted in-process on Kestrel with bearer
// tokens. Per province count: a fresh database with that many units of peer group `provinces`, each with all 96 inputs
// of year 2025 approved (varied levels), then
//   score    GET /api/dx-index/dti/2025/ranking?kind=provisional (the provisional index, scored on request), 5 times
//   preview  GET /api/dx-index/dti/2025/publication/preview (scores again, real values only, fingerprint)
//   publish  PeriodClosed (2025, to-national) on the bus → dti_closed_years row → POST …/publications answered 201 →
//            a plain RabbitMQ.Client subscriber bound to Platform.Contracts:DxIndexPublished has received and parsed it.
// A warm-up (ranking, preview and publication of year 2026 with the same provinces) runs first, untimed.
//
//   dotnet run -c Release --project bench/DxIndexBench -- [--provinces 34,340]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Contracts;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.Demo;
using Platform.DxIndex.Dti.Inputs;
using Platform.DataAndMessaging.Units;
using Platform.LocalInfrastructure;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.Bench.DxIndexBench;

internal static class Driver
{
    private const string Framework = "dti-province-405";
    private const string Tenant = "national";

    public static async Task<int> Main(string[] args)
    {
        var counts = OptionText(args, "--provinces", "34,340").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var root = Path.Combine(Path.GetTempPath(), "platform-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var postgresStarting = PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(root, "postgres") });
        var rabbitStarting = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = Path.Combine(root, "rabbitmq") });
        await using var postgres = await postgresStarting;
        await using var rabbit = await rabbitStarting;
        try
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DXINDEX", AppContext.BaseDirectory);
            Console.WriteLine($"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
            foreach (var count in counts)
            {
                var database = $"dti{count}";
                await postgres.CreateDatabaseAsync(database);
                await RunAsync(postgres, rabbit, database, count);
            }
            return 0;
        }
        finally
        {
            await rabbit.StopAsync();
            await postgres.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task RunAsync(PostgresServer postgres, RabbitMqBroker rabbit, string database, int count)
    {
        var connection = postgres.ConnectionString(database);
        using var tokens = new TestTokens();
        await using var service = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["ConnectionStrings:dxindexdb"] = connection,
            ["ConnectionStrings:messaging"] = rabbit.ConnectionString(),
            ["Logging:LogLevel:Default"] = "Warning",
        }, tokens);
        service.UseKestrel(0);
        service.StartServer();
        using var client = service.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            tokens.Mint(new TestUser("cong-bo.bench", [PlatformRoles.Publisher], OrgUnit: "vn"), lifetime: TimeSpan.FromHours(2)));
        await using var data = NpgsqlDataSource.Create(connection);

        var seeding = Stopwatch.StartNew();
        await SeedAsync(service.Services, count);
        Console.WriteLine($"{count:N0} provinces: seeded {count:N0} units and {count * 96 * 2:N0} approved values (2025 and the warm-up year 2026) in {seeding.Elapsed.TotalSeconds:0.0} s");

        await using var subscriber = await Subscriber.StartAsync(rabbit.ConnectionString());
        var bus = service.Services.GetRequiredService<IBus>();
        await RankAsync(client, "2026");
        await PublishAsync(bus, client, data, subscriber, "2026", count);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var scores = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            await RankAsync(client, "2025");
            scores.Add(clock.Elapsed.TotalMilliseconds);
        }
        var (preview, closed, requested, received, message) = await PublishAsync(bus, client, data, subscriber, "2025", count);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        var runRow = await ScalarAsync<long>(data, "SELECT (pg_column_size(input) + pg_column_size(result))::bigint FROM dti_runs WHERE year = '2025'");
        scores.Sort();
        Console.WriteLine($"  provisional ranking (score on request): median {scores[2]:N0} ms, min {scores[0]:N0} ms, max {scores[4]:N0} ms (5 requests)");
        Console.WriteLine($"  publication preview: {preview.TotalMilliseconds:N0} ms");
        Console.WriteLine($"  PeriodClosed → DxIndexPublished consumed: {received.TotalMilliseconds:N0} ms (close recorded {closed.TotalMilliseconds:N0} ms, " +
            $"POST → 201 {(requested - closed).TotalMilliseconds:N0} ms, outbox relay → broker → subscriber {(received - requested).TotalMilliseconds:N0} ms)");
        Console.WriteLine($"  message: {message.Bytes / 1024d:N0} KiB AMQP body, {message.Provinces:N0} provinces; run row input+result {runRow / 1024d:N0} KiB stored");
        Console.WriteLine($"  memory: allocated {allocated / 1024d / 1024d:N0} MiB during the timed part (5 rankings, preview, publication; service + subscriber), " +
            $"working set {Environment.WorkingSet / 1024d / 1024d:N0} MiB now, peak {process.PeakWorkingSet64 / 1024d / 1024d:N0} MiB");
        await BreakdownAsync(service.Services, count);
    }

    /// <summary>The stages of scoring, each timed alone with the service's own code on the seeded data (warm).</summary>
    private static async Task BreakdownAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxIndexDbContext>();
        var frameworks = scope.ServiceProvider.GetRequiredService<Platform.Scoring.FrameworkCatalog>();
        var framework = Platform.DxIndex.Dti.Runs.DtiScoring.Framework(frameworks, "2025")!;
        var stages = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            var computed = await Platform.DxIndex.Dti.Runs.DtiScoring.ComputeAsync(db, Tenant, framework, "2025", includeDemo: true, null, default);
            var scored = clock.Elapsed;
            var rescored = Platform.DxIndex.Dti.Runs.DtiScoring.Score(frameworks, computed.InputJson);
            var again = clock.Elapsed - scored;
            stages.Add($"load + write input + score {scored.TotalMilliseconds:N0} ms, re-score the stored input alone {again.TotalMilliseconds:N0} ms " +
                $"(input {computed.InputJson.Length / 1024d:N0} KiB, result {rescored.ResultJson.Length / 1024d:N0} KiB)");
        }
        Console.WriteLine($"  breakdown ({count:N0} provinces, 3 rounds): " + string.Join("; ", stages));
    }

    private static async Task RankAsync(HttpClient client, string year)
    {
        using var response = await client.GetAsync($"/api/dx-index/dti/{year}/ranking?kind=provisional");
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
    }

    private static async Task<(TimeSpan Preview, TimeSpan Closed, TimeSpan Requested, TimeSpan Received, Subscriber.Received Message)> PublishAsync(
        IBus bus, HttpClient client, NpgsqlDataSource data, Subscriber subscriber, string year, int count)
    {
        var previewClock = Stopwatch.StartNew();
        using var preview = await client.GetAsync($"/api/dx-index/dti/{year}/publication/preview");
        if (!preview.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)preview.StatusCode}: {await preview.Content.ReadAsStringAsync()}");
        var fingerprint = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fingerprint").GetString();
        var previewed = previewClock.Elapsed;

        var waiting = subscriber.Next(year);
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        await bus.Publish(new PeriodClosed(Tenant, Framework, "405/QĐ-BKHCN (03/4/2025)", year, "to-national", now.AddMinutes(-1), now));
        await using (var poll = await data.OpenConnectionAsync())
        {
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM dti_closed_years WHERE year = $1", poll) { Parameters = { new() { Value = year } } };
            while ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException("PeriodClosed was not recorded within a minute");
                await Task.Delay(2);
            }
        }
        var closed = clock.Elapsed;
        using var response = await client.PostAsJsonAsync($"/api/dx-index/dti/{year}/publications", new { fingerprint, acknowledgeMissing = true });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var requested = clock.Elapsed;
        var message = await waiting.WaitAsync(TimeSpan.FromMinutes(5));
        var received = clock.Elapsed;
        if (message.Provinces != count) throw new InvalidOperationException($"DxIndexPublished has {message.Provinces} provinces, expected {count}");
        return (previewed, closed, requested, received, message);
    }

    /// <summary>The national root and <paramref name="count"/> provinces, each with every input of 2025 and 2026 at its own level.</summary>
    private static async Task SeedAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxIndexDbContext>();
        db.Units.Add(new KnownUnit { Tenant = Tenant, Code = "vn", Name = "Việt Nam", Kind = "national", Revision = 1 });
        var approvedAt = new DateTimeOffset(2026, 4, 14, 3, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var code = $"tinh-{i:000}";
            db.Units.Add(new KnownUnit { Tenant = Tenant, Code = code, Name = $"Tỉnh thử tải {i}", Kind = "province", ParentCode = "vn", PeerGroups = ["provinces"], Revision = 1 });
            foreach (var year in new[] { "2025", "2026" })
            {
                foreach (var (key, value) in DemoDataSeeder.Values(0.5m + i % 50 / 100m))
                {
                    db.Set<DtiApprovedValue>().Add(new DtiApprovedValue
                    {
                        Tenant = Tenant, FrameworkId = Framework, Year = year, Unit = code, InputKey = key, ValueJson = JsonSerializer.Serialize(value),
                        FrameworkVersion = "405/QĐ-BKHCN (03/4/2025)", SubmissionId = Guid.CreateVersion7(), SubmissionRevision = 1,
                        ReportingUnit = code, ApprovedAt = approvedAt,
                    });
                }
            }
        }
        await db.SaveChangesAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static string OptionText(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}

/// <summary>A plain AMQP subscriber as docs/events.md describes: its own exclusive queue bound to the event-type exchange.</summary>
internal sealed class Subscriber : IAsyncDisposable
{
    public sealed record Received(long Bytes, int Provinces);

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private TaskCompletionSource<Received>? _next;
    private string _expected = "";

    private Subscriber(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public static async Task<Subscriber> StartAsync(string uri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        const string exchange = "Platform.Contracts:DxIndexPublished";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, "");
        var subscriber = new Subscriber(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var document = JsonDocument.Parse(delivery.Body);
            var message = document.RootElement.GetProperty("message");
            if (message.GetProperty("period").GetString() == subscriber._expected)
                subscriber._next?.TrySetResult(new Received(delivery.Body.Length, message.GetProperty("provinces").GetArrayLength()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return subscriber;
    }

    public Task<Received> Next(string year)
    {
        _expected = year;
        _next = new TaskCompletionSource<Received>(TaskCreationOptions.RunContinuationsAsynchronously);
        return _next.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
