using Platform.Scoring;
// Monthly publication driver: how long from a PeriodClosed on the bus to a subscriber holding the ScoresPublished
// message of a whole peer group, for 4,100 and 41,000 units (docs/scale.md), and with how much memory.
//
// Real PostgreSQL and RabbitMQ (started like AppHost does), the monthly scoring service hosted in-process on Kestrel
// with bearer tokens. Per unit count: a fresh database seeded with binary COPY (units of peer group `provinces`, the 20
// monthly-4585 inputs of 2026-01 per unit, varied and consistent), then
//   t0  PeriodClosed (monthly-4585, 2026-01, to-national) published on the bus
//   t1  the service has recorded it (closed_periods polled)
//   t2  POST /api/monthly-scoring/publications as a publisher answered 201 (confirming the fingerprint of the preview
//       the publisher looked at before t0, untimed)
//   t3  a plain RabbitMQ.Client subscriber bound to Platform.Contracts:ScoresPublished received and parsed the message
// A warm-up publication of a small peer group (ministries, 2026-03) runs first in each service, untimed. After the
// timed run the stages of the publish request are timed one by one with the service's own code (breakdown).
//
//   dotnet run -c Release --project bench/MonthlyPublication -- [--units 4100,41000]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Platform.Contracts;
using Platform.LocalInfrastructure;
using Platform.MonthlyScoring.Bonus;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Inputs;
using Platform.MonthlyScoring.Runs;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Outbox;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.Bench.MonthlyPublication;

internal static class Driver
{
    private const string Framework = "monthly-4585";
    private const string FrameworkVersion = "4585/QĐ-BKHCN (30/12/2025)";
    private const string Tenant = "national";
    private const string Period = "2026-01";
    private const string WarmupPeriod = "2026-03";

    public static async Task<int> Main(string[] args)
    {
        var counts = OptionText(args, "--units", "4100,41000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var root = Path.Combine(Path.GetTempPath(), "platform-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var postgresStarting = PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(root, "postgres") });
        var rabbitStarting = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = Path.Combine(root, "rabbitmq") });
        await using var postgres = await postgresStarting;
        await using var rabbit = await rabbitStarting;
        try
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MONTHLYSCORING", AppContext.BaseDirectory);
            Console.WriteLine($"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
            foreach (var count in counts)
            {
                var database = $"monthly{count}";
                await postgres.CreateDatabaseAsync(database);
                await RunAsync(postgres, rabbit, database, count, root);
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

    private static async Task RunAsync(PostgresServer postgres, RabbitMqBroker rabbit, string database, int count, string root)
    {
        var connection = postgres.ConnectionString(database);
        using var tokens = new TestTokens();
        await using var service = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["ConnectionStrings:monthlyscoringdb"] = connection,
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
        await SeedAsync(data, "provinces", "bench-p", count, Period);
        await SeedAsync(data, "ministries", "bench-m", 30, WarmupPeriod);
        Console.WriteLine($"{count:N0} units: seeded {count:N0} units and {count * 20:N0} approved values in {seeding.Elapsed.TotalSeconds:0.0} s (binary COPY)");

        await using var subscriber = await Subscriber.StartAsync(rabbit.ConnectionString());
        var bus = service.Services.GetRequiredService<IBus>();

        // Warm-up: consumer, publish endpoint, outbox relay, subscriber; untimed.
        await PublishAsync(bus, client, data, subscriber, "ministries", WarmupPeriod, 30);

        ResetPeaks(root);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (closed, requested, received, message) = await PublishAsync(bus, client, data, subscriber, "provinces", Period, count);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var outboxRow = await ScalarAsync<long>(data, "SELECT coalesce(sum(pg_column_size(body)), 0)::bigint FROM outbox_messages WHERE message_type LIKE 'Platform.Contracts.ScoresPublished%' AND body->>'peerGroup' = 'provinces'");
        var runRow = await ScalarAsync<long>(data, "SELECT (pg_column_size(input) + pg_column_size(result))::bigint FROM score_runs WHERE peer_group = 'provinces'");

        Console.WriteLine($"  PeriodClosed → ScoresPublished consumed: {received.TotalSeconds:0.000} s");
        Console.WriteLine($"    close consumed (closed_periods row)     {closed.TotalSeconds:0.000} s");
        Console.WriteLine($"    POST publications → 201                 {(requested - closed).TotalSeconds:0.000} s");
        Console.WriteLine($"    outbox relay → broker → subscriber      {(received - requested).TotalSeconds:0.000} s (incl. parsing {message.ParseMs:0} ms)");
        Console.WriteLine($"  messages: {message.Messages} ({(message.Messages == 1 ? "ScoresPublished" : "ScoresPublishedPart")}), {message.Bytes / 1024d / 1024d:0.00} MiB AMQP bodies in all, largest {message.LargestBytes / 1024d / 1024d:0.00} MiB, {message.Units:N0} units; outbox rows {outboxRow / 1024d / 1024d:0.00} MiB stored (json, lz4-compressed); run row input+result {runRow / 1024d / 1024d:0.00} MiB stored");
        Console.WriteLine($"  memory: allocated {allocated / 1024d / 1024d:N0} MiB during the timed run (service + subscriber, one process), working set {Environment.WorkingSet / 1024d / 1024d:N0} MiB now, peak {PeakMiB("self"):N0} MiB during the timed run (VmHWM, reset before it); PostgreSQL backends peak RSS {PostgresPeakMiB(root):N0} MiB");

        await BreakdownAsync(service.Services, count);
    }

    /// <summary>One publication, timed from PeriodClosed on the bus to the subscriber holding the parsed message.</summary>
    private static async Task<(TimeSpan Closed, TimeSpan Requested, TimeSpan Received, Subscriber.Received Message)> PublishAsync(
        IBus bus, HttpClient client, NpgsqlDataSource data, Subscriber subscriber, string peerGroup, string period, int count)
    {
        // The publisher's preview (untimed: looked at before the month closes); publishing confirms its fingerprint.
        using var preview = await client.GetAsync($"/api/monthly-scoring/publications/preview?period={period}&peerGroup={peerGroup}");
        if (!preview.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)preview.StatusCode}: {await preview.Content.ReadAsStringAsync()}");
        var fingerprint = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fingerprint").GetString();
        var waiting = subscriber.Next(peerGroup, period);
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        await bus.Publish(new PeriodClosed(Tenant, Framework, FrameworkVersion, period, "to-national", now.AddMinutes(-1), now));
        await using (var poll = await data.OpenConnectionAsync())
        {
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM closed_periods WHERE period = $1 AND level = 'to-national'", poll) { Parameters = { new() { Value = period } } };
            while ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException("PeriodClosed was not recorded within a minute");
                await Task.Delay(2);
            }
        }
        var closed = clock.Elapsed;
        using var response = await client.PostAsJsonAsync("/api/monthly-scoring/publications",
            new { period, peerGroup, fingerprint, acknowledgeMissing = true });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var requested = clock.Elapsed;
        var message = await waiting.WaitAsync(TimeSpan.FromMinutes(5));
        var received = clock.Elapsed;
        if (message.Units != count) throw new InvalidOperationException($"the publication has {message.Units} units, expected {count}");
        return (closed, requested, received, message);
    }

    /// <summary>The stages of the publish request, each timed alone with the service's own code on the seeded data.</summary>
    private static async Task BreakdownAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonthlyScoringDbContext>();
        var framework = RunScoring.Framework(scope.ServiceProvider.GetRequiredService<FrameworkCatalog>(), Period)!;
        // Peer, same run: PostgreSQL's binary COPY of the same approved values (what loading them could cost at best).
        var copyClock = Stopwatch.StartNew();
        long copied = 0;
        await using (var connection = new NpgsqlConnection(db.Database.GetConnectionString()))
        {
            await connection.OpenAsync();
            await using var export = await connection.BeginBinaryExportAsync(
                $"COPY (SELECT unit, input_key, value::text FROM approved_values WHERE tenant = '{Tenant}' AND framework_id = '{Framework}' AND period = '{Period}') TO STDOUT (FORMAT BINARY)");
            while (await export.StartRowAsync() >= 0)
            {
                _ = await export.ReadAsync<string>();
                _ = await export.ReadAsync<string>();
                _ = await export.ReadAsync<string>();
                copied++;
            }
        }
        var copy = copyClock.Elapsed;

        var clock = Stopwatch.StartNew();
        var bonuses = await BonusDecisions.ApprovedAsync(db, Tenant, Period, default);
        var set = await ScoringInputLoader.LoadAsync(db, Tenant, framework, Period, "provinces", bonuses, default);
        var load = clock.Elapsed;
        var input = Platform.Scoring.Io.ScoringRunJson.WriteInputToString(framework, set.Request);
        var write = clock.Elapsed;
        var (read, _) = Platform.Scoring.Io.ScoringRunJson.Read(input);
        var readBack = clock.Elapsed;
        var result = new Platform.Scoring.Engine.Scorer(framework).Score(read!.Request);
        var scored = clock.Elapsed;
        var resultJson = Platform.Scoring.Io.ScoringRunJson.WriteToString(result);
        var written = clock.Elapsed;
        var standings = Standings.Of(Platform.Scoring.Io.ResultLines.Of(result));
        var lines = clock.Elapsed;
        // PublicationDraft is internal to the service: its fingerprint, the request's own code, called by name.
        _ = typeof(ScoreRun).Assembly.GetType("Platform.MonthlyScoring.Publication.PublicationDraft")!
            .GetMethod("FingerprintOf")!.Invoke(null, [1, input, resultJson]);
        var hashed = clock.Elapsed;
        // Storing, each in a transaction rolled back: the run (both documents, text) and the event's outbox rows (json text).
        var run = ScoreRun.From(new ComputedRun(framework, read.Request, result, input, resultJson), Tenant, ScoreRunKinds.Official, "bench", DateTimeOffset.UtcNow);
        run.Revision = 99;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.ScoreRuns.Add(run);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        var storedRun = clock.Elapsed;
        var afterRanked = standings.Count(s => s.Reported) + 1;
        var parts = (standings.Count + ScoresPublishedPart.MaxUnitsPerPart - 1) / ScoresPublishedPart.MaxUnitsPerPart;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            for (var part = 0; part < parts; part++)
                db.EnqueueEvent(new ScoresPublishedPart(Tenant, Framework, FrameworkVersion, Period, "provinces", 99, null, null, null, part + 1, parts, standings.Count,
                    standings.Skip(part * ScoresPublishedPart.MaxUnitsPerPart).Take(ScoresPublishedPart.MaxUnitsPerPart).Select(s => new PublishedUnitScore(
                        s.Line.Unit, s.Line.Total, s.Line.Unrounded, s.Line.Classification, s.Rank ?? afterRanked, s.Line.Groups,
                        s.Line.Indicators.ToDictionary(i => i.Key, i => new PublishedIndicatorScore(i.Value.Score, i.Value.Max, i.Value.Flags)),
                        s.Line.Bonus, s.Reported)).ToList(), DateTimeOffset.UtcNow));
            var serialised = clock.Elapsed;
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            Console.WriteLine($"  storing: run row (input + result text) {(storedRun - hashed).TotalMilliseconds:N0} ms; event: {parts} part(s) built and serialised {(serialised - storedRun).TotalMilliseconds:N0} ms, " +
                $"outbox rows saved (json) {(clock.Elapsed - serialised).TotalMilliseconds:N0} ms");
        }
        db.ChangeTracker.Clear();
        Console.WriteLine($"  breakdown of the request ({count:N0} units, each stage alone): load inputs {load.TotalMilliseconds:N0} ms, write input JSON {(write - load).TotalMilliseconds:N0} ms ({input.Length / 1024d / 1024d:0.0} MiB), " +
            $"read it back {(readBack - write).TotalMilliseconds:N0} ms, score {(scored - readBack).TotalMilliseconds:N0} ms, write result {(written - scored).TotalMilliseconds:N0} ms ({resultJson.Length / 1024d / 1024d:0.0} MiB), " +
            $"standings {(lines - written).TotalMilliseconds:N0} ms ({standings.Count:N0} units), fingerprint {(hashed - lines).TotalMilliseconds:N0} ms");
        Console.WriteLine($"  peers, same run: binary COPY of the {copied:N0} approved values {copy.TotalMilliseconds:N0} ms ({copied / copy.TotalSeconds:N0} rows/s); engine alone {(scored - readBack).TotalMilliseconds:N0} ms");
    }

    /// <summary>Units of one peer group with the 20 monthly-4585 inputs each, varied per unit and consistent with the framework's checks.</summary>
    private static async Task SeedAsync(NpgsqlDataSource data, string peerGroup, string prefix, int count, string period)
    {
        await using var connection = await data.OpenConnectionAsync();
        var codes = Enumerable.Range(1, count).Select(i => $"{prefix}-{i:00000}").ToArray();
        await using (var units = await connection.BeginBinaryImportAsync("COPY units (tenant, code, name, kind, parent_code, peer_groups, valid_to, revision) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var code in codes)
            {
                await units.StartRowAsync();
                await units.WriteAsync(Tenant, NpgsqlDbType.Varchar);
                await units.WriteAsync(code, NpgsqlDbType.Varchar);
                await units.WriteAsync("Đơn vị thử tải " + code, NpgsqlDbType.Varchar);
                await units.WriteAsync(peerGroup == "provinces" ? "province" : "ministry", NpgsqlDbType.Varchar);
                await units.WriteAsync("national", NpgsqlDbType.Varchar);
                await units.WriteAsync(new[] { peerGroup }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await units.WriteNullAsync();
                await units.WriteAsync(1, NpgsqlDbType.Integer);
            }
            await units.CompleteAsync();
        }
        var approvedAt = new DateTimeOffset(2026, 2, 4, 3, 0, 0, TimeSpan.Zero);
        await using (var values = await connection.BeginBinaryImportAsync(
            "COPY approved_values (tenant, framework_id, period, unit, input_key, value, framework_version, submission_id, submission_revision, reporting_unit, approved_at, derived) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < codes.Length; i++)
            {
                var submission = Guid.CreateVersion7();
                foreach (var (key, value) in Values(i))
                {
                    await values.StartRowAsync();
                    await values.WriteAsync(Tenant, NpgsqlDbType.Varchar);
                    await values.WriteAsync(Framework, NpgsqlDbType.Varchar);
                    await values.WriteAsync(period, NpgsqlDbType.Varchar);
                    await values.WriteAsync(codes[i], NpgsqlDbType.Varchar);
                    await values.WriteAsync(key, NpgsqlDbType.Varchar);
                    await values.WriteAsync(JsonSerializer.Serialize(value), NpgsqlDbType.Jsonb);
                    await values.WriteAsync(FrameworkVersion, NpgsqlDbType.Varchar);
                    await values.WriteAsync(submission, NpgsqlDbType.Uuid);
                    await values.WriteAsync(2, NpgsqlDbType.Integer);
                    await values.WriteAsync(codes[i], NpgsqlDbType.Varchar);
                    await values.WriteAsync(approvedAt, NpgsqlDbType.TimestampTz);
                    await values.WriteAsync(false, NpgsqlDbType.Boolean);
                }
            }
            await values.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE units; ANALYZE approved_values;", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static IEnumerable<(string Key, object Value)> Values(int i)
    {
        var due = 10 + i % 7;
        var backlog = i % 3;
        var late = i % 2;
        var held = 1 + i % 5;
        var total = 5 + i % 4;
        yield return ("A.due", due);
        yield return ("A.backlog", backlog);
        yield return ("A.onTime", due - late - i % 4);
        yield return ("A.late", late);
        for (var b = 1; b <= 5; b++) yield return ($"B.B{b}", (i * b + 7) % 19);
        yield return ("C1.records", (i * 37) % 2000);
        yield return ("C2.transactions", (i * 91) % 9000);
        yield return ("D1.accepted", i % (total + 1));
        yield return ("D1.total", total);
        yield return ("D2.rate", (i % 101) / 100m);
        yield return ("E1.attended", i % (held + 1));
        yield return ("E1.held", held);
        yield return ("E2.speeches", i % 3);
        yield return ("E2.reports", i % 4);
        yield return ("E3.onTime", i % 3 != 0);
        yield return ("E3.completion", (i % 11) / 10m);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Sum of the peak resident set (VmHWM) of the postmaster's children; shared buffers are counted once per backend that touched them.</summary>
    private static double PostgresPeakMiB(string root) => PostgresProcesses(root).Sum(PeakMiB);

    /// <summary>Peak resident set (VmHWM) of a process since its start or its last <see cref="ResetPeaks"/>.</summary>
    private static double PeakMiB(string pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024d;
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    /// <summary>Resets the peak resident set of this process and of PostgreSQL's (<c>/proc/PID/clear_refs</c>, 5), so each unit count has its own peak.</summary>
    private static void ResetPeaks(string root)
    {
        foreach (var pid in PostgresProcesses(root).Append("self"))
        {
            try { File.WriteAllText($"/proc/{pid}/clear_refs", "5"); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static List<string> PostgresProcesses(string root)
    {
        var pidFile = Directory.EnumerateFiles(Path.Combine(root, "postgres"), "postmaster.pid", SearchOption.AllDirectories).FirstOrDefault();
        if (pidFile is null) return [];
        var postmaster = File.ReadLines(pidFile).First().Trim();
        var pids = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] == postmaster || Path.GetFileName(dir) == postmaster) pids.Add(Path.GetFileName(dir));
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return pids;
    }

    private static string OptionText(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}

/// <summary>
/// A plain AMQP subscriber as docs/events.md describes: its own exclusive queue bound to the exchanges of
/// <c>ScoresPublished</c> and <c>ScoresPublishedPart</c>; a revision in parts is held once parts 1…parts have arrived
/// (de-duplicated by part number), their units checked to be the whole group, each once.
/// </summary>
internal sealed class Subscriber : IAsyncDisposable
{
    /// <summary>What arrived: bytes of every message, units, how many messages, the largest message, time spent parsing.</summary>
    public sealed record Received(long Bytes, int Units, double ParseMs, int Messages, long LargestBytes);

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly Lock _gate = new();
    private TaskCompletionSource<Received>? _next;
    private (string PeerGroup, string Period) _expected;
    private readonly Dictionary<int, int> _parts = [];
    private readonly HashSet<string> _units = new(StringComparer.Ordinal);
    private long _bytes, _largest;
    private double _parseMs;

    private Subscriber(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public static async Task<Subscriber> StartAsync(string uri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        foreach (var exchange in new[] { "Platform.Contracts:ScoresPublished", "Platform.Contracts:ScoresPublishedPart" })
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue.QueueName, exchange, "");
        }
        var subscriber = new Subscriber(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            subscriber.Take(delivery.Body);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return subscriber;
    }

    private void Take(ReadOnlyMemory<byte> body)
    {
        var started = Stopwatch.GetTimestamp();
        using var document = JsonDocument.Parse(body);
        var message = document.RootElement.GetProperty("message");
        var key = (message.GetProperty("peerGroup").GetString()!, message.GetProperty("period").GetString()!);
        var units = message.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetString()!).ToList();
        var part = message.TryGetProperty("part", out var p) ? p.GetInt32() : 1;
        var parts = message.TryGetProperty("parts", out var n) ? n.GetInt32() : 1;
        var parseMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (_gate)
        {
            if (key != _expected || _next is null || !_parts.TryAdd(part, units.Count)) return;
            _bytes += body.Length;
            _largest = Math.Max(_largest, body.Length);
            _parseMs += parseMs;
            foreach (var unit in units)
                if (!_units.Add(unit)) _next.TrySetException(new InvalidOperationException($"unit {unit} published twice"));
            if (_parts.Count == parts) _next.TrySetResult(new Received(_bytes, _units.Count, _parseMs, parts, _largest));
        }
    }

    public Task<Received> Next(string peerGroup, string period)
    {
        lock (_gate)
        {
            _expected = (peerGroup, period);
            _parts.Clear();
            _units.Clear();
            (_bytes, _largest, _parseMs) = (0, 0, 0);
            _next = new TaskCompletionSource<Received>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _next.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
