// Intake load driver: sustained submissions per second through the real HTTP API (Kestrel on a local port,
// bearer-token authentication, framework validation, value history, audit and the outbox row of
// SubmissionSubmitted), with p50/p99 latency per submission; then, in the same run and on the same
// PostgreSQL, the raw insert rate of the same rows written with plain Npgsql batches, and the ratio.
//
// A submission is 20 values of monthly-4585 that a unit reports for itself and hands in. In mode `web`
// that is two requests (PUT the draft, POST submit); in mode `machine` one request from a service client
// (POST /api/intake/machine/submissions with submit=true and an Idempotency-Key).
//
//   dotnet run -c Release --project bench/IntakeThroughput -- [--submissions 10000] [--concurrency 32] [--units 2000] [--warmup 4000] [--mode web|machine]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Platform.Intake.Data;
using Platform.Intake.Units;
using Platform.LocalInfrastructure;
using Platform.DataAndMessaging.Outbox;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Bench.IntakeThroughput;

internal static class Driver
{
    private const string Framework = "monthly-4585";
    private const string Tenant = "national";

    // 20 values, every monthly-4585 input, consistent with its cross-field checks.
    private static readonly Dictionary<string, object> Values = new()
    {
        ["A.due"] = 10, ["A.backlog"] = 2, ["A.onTime"] = 8, ["A.late"] = 1,
        ["B.B1"] = 15, ["B.B2"] = 18, ["B.B3"] = 20, ["B.B4"] = 16, ["B.B5"] = 21,
        ["C1.records"] = 1200, ["C2.transactions"] = 5400,
        ["D1.accepted"] = 3, ["D1.total"] = 5, ["D2.rate"] = 0.85m,
        ["E1.attended"] = 4, ["E1.held"] = 5, ["E2.speeches"] = 2, ["E2.reports"] = 2,
        ["E3.onTime"] = true, ["E3.completion"] = 0.9m,
    };

    // Closed months of the current framework version: late by the calendar, accepted and marked late.
    private static readonly string[] Periods = [.. Enumerable.Range(0, 10).Select(i => new DateOnly(2026, 1, 1).AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture))];

    public static async Task<int> Main(string[] args)
    {
        var submissions = Option(args, "--submissions", 10_000);
        var concurrency = Option(args, "--concurrency", 32);
        var unitCount = Option(args, "--units", 2_000);
        var mode = OptionText(args, "--mode", "web");
        if (mode is not ("web" or "machine")) { Console.Error.WriteLine("--mode is web or machine"); return 2; }
        // Long enough for tiered compilation and PGO to settle (a running service is past that point).
        var warmup = Option(args, "--warmup", 4_000);
        if (unitCount * Periods.Length < submissions + warmup)
        {
            Console.Error.WriteLine($"--units {unitCount} × {Periods.Length} periods is fewer than {submissions + warmup} distinct submissions");
            return 2;
        }

        var root = Path.Combine(Path.GetTempPath(), "platform-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var postgresStarting = PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(root, "postgres") });
        var rabbitStarting = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = Path.Combine(root, "rabbitmq") });
        await using var postgres = await postgresStarting;
        await using var rabbit = await rabbitStarting;
        try
        {
            await postgres.CreateDatabaseAsync("intakedb");
            await postgres.CreateDatabaseAsync("rawdb");
            // No solution-relative content root outside a test project: the service needs none.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_INTAKE", AppContext.BaseDirectory);
            using var tokens = new TestTokens();
            await using var service = new ServiceFactory<Program>(new Dictionary<string, string>
            {
                ["ConnectionStrings:intakedb"] = postgres.ConnectionString("intakedb"),
                ["ConnectionStrings:messaging"] = rabbit.ConnectionString(),
                ["Logging:LogLevel:Default"] = "Warning",
            }, tokens);
            service.UseKestrel(0);
            service.StartServer();
            using var client = service.CreateClient();
            client.Timeout = TimeSpan.FromMinutes(2);
            Console.WriteLine($"Intake listening at {client.BaseAddress} (Kestrel, HTTP/1.1, {Environment.ProcessorCount} cores)");

            var units = await RegisterUnitsAsync(service.Services, unitCount);
            var callers = units.Select(u => Caller(tokens, u, mode)).ToArray();
            var work = (from period in Periods from unit in Enumerable.Range(0, units.Count) select (unit, period)).ToArray();

            await RunAsync(client, callers, units, work.AsMemory(0, warmup), concurrency, mode);
            Console.WriteLine($"API: {submissions:N0} submissions of 20 values ({mode}), {concurrency} concurrent clients");
            var api = await RunAsync(client, callers, units, work.AsMemory(warmup, submissions), concurrency, mode);
            Report(api, submissions);
            await ReportOutboxAsync(service.Services, warmup + submissions);

            var rows = await RowsPerSubmissionAsync(service.Services, warmup + submissions);
            Console.WriteLine($"Raw PostgreSQL: the same rows per submission ({rows}), one transaction each, {concurrency} concurrent connections");
            var raw = await RawInsertAsync(postgres.ConnectionString("rawdb"), postgres.ConnectionString("intakedb"), submissions, concurrency);
            Report(raw, submissions);
            Console.WriteLine($"Ratio API / raw insert: {api.Throughput(submissions) / raw.Throughput(submissions):P0} of the raw rate");
            return 0;
        }
        finally
        {
            await rabbit.StopAsync();
            await postgres.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private sealed record Run(TimeSpan Elapsed, List<double> LatenciesMs)
    {
        public double Throughput(int count) => count / Elapsed.TotalSeconds;
    }

    private static void Report(Run run, int count)
    {
        var l = run.LatenciesMs;
        l.Sort();
        double P(double p) => l[(int)Math.Min(l.Count - 1, Math.Ceiling(p * l.Count) - 1)];
        Console.WriteLine($"  {count:N0} in {run.Elapsed.TotalSeconds:0.00} s = {run.Throughput(count),8:N0} submissions/s   p50 {P(0.50):0.0} ms   p95 {P(0.95):0.0} ms   p99 {P(0.99):0.0} ms   max {l[^1]:0.0} ms");
    }

    /// <summary>Synthetic communes under Lào Cai, each reporting for itself.</summary>
    private static async Task<List<string>> RegisterUnitsAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var codes = Enumerable.Range(1, count).Select(i => $"lao-cai.bench-{i:00000}").ToList();
        foreach (var code in codes)
            db.OrganisationUnits.Add(OrganisationUnit.Register(Tenant, new UnitDetails(code, "commune", $"Xã thử tải {code[^5..]}", "lao-cai", [], null), new DateOnly(2025, 7, 1)));
        await db.SaveChangesAsync();
        return codes;
    }

    private static AuthenticationHeaderValue Caller(TestTokens tokens, string unit, string mode)
    {
        var user = mode == "machine"
            ? TestUser.Machine("bench-source-system", [PlatformRoles.Reporter], unit)
            : new TestUser("bao-cao." + unit, [PlatformRoles.Reporter], OrgUnit: unit);
        return new AuthenticationHeaderValue("Bearer", tokens.Mint(user, lifetime: TimeSpan.FromHours(2)));
    }

    private static async Task<Run> RunAsync(HttpClient client, AuthenticationHeaderValue[] callers, List<string> units,
        ReadOnlyMemory<(int Unit, string Period)> work, int concurrency, string mode)
    {
        var next = -1;
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < work.Length)
            {
                var (unit, period) = work.Span[i];
                var started = Stopwatch.GetTimestamp();
                if (mode == "machine") await MachinePushAsync(client, callers[unit], units[unit], period);
                else await WebSubmitAsync(client, callers[unit], units[unit], period);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return new Run(clock.Elapsed, [.. latencies.SelectMany(l => l)]);
    }

    private static async Task WebSubmitAsync(HttpClient client, AuthenticationHeaderValue caller, string unit, string period)
    {
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/intake/submissions/{Framework}/{period}/{unit}") { Content = JsonContent.Create(new { values = Values }) };
        put.Headers.Authorization = caller;
        using var created = await client.SendAsync(put);
        await EnsureAsync(created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/intake/submissions/{id}/submit");
        submit.Headers.Authorization = caller;
        using var submitted = await client.SendAsync(submit);
        await EnsureAsync(submitted);
    }

    private static async Task MachinePushAsync(HttpClient client, AuthenticationHeaderValue caller, string unit, string period)
    {
        using var push = new HttpRequestMessage(HttpMethod.Post, "/api/intake/machine/submissions")
        {
            Content = JsonContent.Create(new { framework = Framework, period, targetUnit = unit, values = Values, submit = true }),
        };
        push.Headers.Authorization = caller;
        push.Headers.Add("Idempotency-Key", $"{unit}/{period}");
        using var response = await client.SendAsync(push);
        await EnsureAsync(response);
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task ReportOutboxAsync(IServiceProvider services, int expected)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var clock = Stopwatch.StartNew();
        var outbox = db.Set<OutboxMessage>().Where(m => m.MessageType.StartsWith("Platform.Contracts.SubmissionSubmitted,"));
        while (await outbox.CountAsync(m => m.PublishedAt == null) > 0 && clock.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(100);
        Console.WriteLine($"  outbox: {await outbox.CountAsync(m => m.PublishedAt != null):N0} of {expected:N0} SubmissionSubmitted published to RabbitMQ, drained {clock.Elapsed.TotalSeconds:0.0} s after the last response");
    }

    /// <summary>What one submission wrote, read back from the API's database (table → rows per submission).</summary>
    private static async Task<string> RowsPerSubmissionAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var changes = await db.SubmissionValueChanges.CountAsync();
        var audit = await db.AuditEntries.CountAsync(a => a.EntityType == "submission");
        var outbox = await db.Set<OutboxMessage>().CountAsync(m => m.MessageType.StartsWith("Platform.Contracts.SubmissionSubmitted,"));
        return $"1 submission, {changes / (double)count:0.#} value changes, {audit / (double)count:0.#} audit lines, {outbox / (double)count:0.#} outbox row";
    }

    /// <summary>
    /// The same rows with plain Npgsql: the API database's tables are copied empty into <c>rawdb</c> (so the
    /// indexes and the audit trigger match), then each submission is one batch of inserts in one transaction.
    /// </summary>
    private static async Task<Run> RawInsertAsync(string rawConnection, string apiConnection, int count, int concurrency)
    {
        await CopySchemaAsync(apiConnection, rawConnection);
        await using var source = NpgsqlDataSource.Create(rawConnection);
        var valuesJson = JsonSerializer.Serialize(Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary());
        var next = -1;
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            await using var connection = await source.OpenConnectionAsync();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await InsertOneAsync(connection, i, valuesJson);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return new Run(clock.Elapsed, [.. latencies.SelectMany(l => l)]);
    }

    private static async Task InsertOneAsync(NpgsqlConnection connection, int i, string valuesJson)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7(now);
        var unit = $"raw-{i:000000}";
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(
            "INSERT INTO submissions (id, tenant, framework_id, framework_version, period, reporting_unit, target_unit, values, state, late, version, created_by, created_at, submitted_by, submitted_at) " +
            "VALUES ($1, 'national', 'monthly-4585', '2025.1', '2026-01', $2, $2, $3, 'submitted', true, 2, 'bench', $4, 'bench', $4)",
            id, unit, Json(valuesJson), now));
        foreach (var (key, value) in Values)
        {
            batch.BatchCommands.Add(Command(
                "INSERT INTO submission_value_changes (id, submission_id, key, old_value, new_value, changed_by, changed_at, channel) VALUES ($1, $2, $3, NULL, $4, 'bench', $5, 'web')",
                Guid.CreateVersion7(now), id, key, Json(JsonSerializer.Serialize(value)), now));
        }
        foreach (var action in new[] { "created", "edited", "submitted" })
        {
            batch.BatchCommands.Add(Command(
                "INSERT INTO audit_entries (id, entity_type, entity_id, action, by, at, detail) VALUES ($1, 'submission', $2, $3, 'bench', $4, NULL)",
                Guid.CreateVersion7(now), id.ToString(), action, now));
        }
        batch.BatchCommands.Add(Command(
            "INSERT INTO outbox_messages (id, message_type, body, created_at, next_attempt_at, attempts) VALUES ($1, 'Platform.Contracts.SubmissionSubmitted, Platform.Contracts', $2, $3, $3, 0)",
            Guid.CreateVersion7(now), Json($$"""{"submissionId":"{{id}}","tenant":"national"}"""), now));
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static NpgsqlParameter Json(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(p as NpgsqlParameter ?? new NpgsqlParameter { Value = p });
        return command;
    }

    private static async Task CopySchemaAsync(string from, string to)
    {
        // Structure only, via pg_dump of the migrated API database.
        var fromBuilder = new NpgsqlConnectionStringBuilder(from);
        var dump = await Shell.RunCheckedAsync("/usr/lib/postgresql/15/bin/pg_dump",
            ["--schema-only", "--no-owner", "-h", fromBuilder.Host!, "-p", fromBuilder.Port.ToString(CultureInfo.InvariantCulture), "-U", fromBuilder.Username!, fromBuilder.Database!],
            new Dictionary<string, string> { ["PGPASSWORD"] = fromBuilder.Password! });
        await using var connection = new NpgsqlConnection(to);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(string.Join('\n', dump.Split('\n').Where(l => !l.StartsWith("SELECT pg_catalog.set_config", StringComparison.Ordinal) && !l.StartsWith('\\'))), connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int Option(string[] args, string name, int fallback) =>
        int.Parse(OptionText(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string OptionText(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
