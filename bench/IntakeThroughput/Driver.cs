// Intake load driver: submissions through the real HTTP API (Kestrel on a local port, bearer-token authentication,
// framework validation, value history, audit and the outbox row of SubmissionSubmitted), and, in the same run and on
// the same PostgreSQL, the same rows written with plain Npgsql batches (the peer), for every directory size asked.
//
// A submission is 20 values of monthly-4585 that a unit reports for itself and hands in. In mode `web` that is two
// requests (PUT the draft, POST submit); in mode `machine` one request from a service client
// (POST /api/intake/machine/submissions with submit=true and an Idempotency-Key).
//
// Per directory size (a fresh database holding that many units; the submitting units spread over it):
//   1. profile: --profile submissions one at a time, SQL round trips and their time per submission (ActivityListener);
//   2. closed loop: --submissions with --concurrency clients as fast as they are answered (max throughput);
//   3. open loop (with --rate): submissions arriving at --rate per second for --seconds, p50/p99/p99.9 from when each
//      was due, and the rate achieved;
//   4. the peer: raw inserts of the same rows, closed loop with the same concurrency, and at --rate when given.
// The service answers directly (its own Kestrel port); with --gateway, 2 and 3 run a second time through the gateway
// (in-process, its own Kestrel port, routing /api/intake to the service: YARP, protections, token check).
//
//   dotnet run -c Release --project bench/IntakeThroughput -- [--units 4100,41000,410000] [--submissions 8000]
//       [--concurrency 16] [--warmup 4000] [--rate 500] [--seconds 10] [--profile 300] [--mode web|machine] [--gateway]
extern alias gateway;
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
        var submissions = Option(args, "--submissions", 8_000);
        var concurrency = Option(args, "--concurrency", 16);
        var unitCounts = OptionText(args, "--units", "4100").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToArray();
        var mode = OptionText(args, "--mode", "machine");
        if (mode is not ("web" or "machine")) { Console.Error.WriteLine("--mode is web or machine"); return 2; }
        // Long enough for tiered compilation and PGO to settle (a running service is past that point).
        var warmup = Option(args, "--warmup", 4_000);
        var rate = Option(args, "--rate", 0);
        var seconds = Option(args, "--seconds", 10);
        var profile = Option(args, "--profile", 300);
        var offered = rate * seconds;
        var viaGateway = args.Contains("--gateway");
        var needed = warmup + profile + (submissions + offered) * (viaGateway ? 2 : 1) + (viaGateway ? Math.Min(warmup, 1_000) : 0);
        if (unitCounts.Any(u => u * Periods.Length < needed))
        {
            Console.Error.WriteLine($"--units {unitCounts.Min()} × {Periods.Length} periods is fewer than {needed} distinct submissions");
            return 2;
        }

        var root = Path.Combine(Path.GetTempPath(), "platform-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var postgresStarting = PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(root, "postgres") });
        var rabbitStarting = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = Path.Combine(root, "rabbitmq") });
        await using var postgres = await postgresStarting;
        await using var rabbit = await rabbitStarting;
        var summary = new List<string>();
        try
        {
            // No solution-relative content root outside a test project: the service needs none.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_INTAKE", AppContext.BaseDirectory);
            // The gateway reads its routes from its own appsettings.json: its project directory.
            if (viaGateway) Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GATEWAY", Path.Combine(RepositoryRoot(), "src", "Gateway"));
            Console.WriteLine($"{Environment.ProcessorCount} cores; mode {mode}; every directory: profile {profile}, warm-up {warmup:N0}, closed loop {submissions:N0} × {concurrency} clients"
                              + (rate > 0 ? $", open loop {rate}/s × {seconds} s" : ""));
            foreach (var unitCount in unitCounts)
            {
                var database = $"intakedb_{unitCount}";
                await postgres.CreateDatabaseAsync(database);
                await postgres.CreateDatabaseAsync($"rawdb_{unitCount}");
                using var tokens = new TestTokens();
                await using var service = new ServiceFactory<Program>(new Dictionary<string, string>
                {
                    ["ConnectionStrings:intakedb"] = postgres.ConnectionString(database),
                    ["ConnectionStrings:messaging"] = rabbit.ConnectionString(),
                    ["Logging:LogLevel:Default"] = "Warning",
                    // A loaded machine times out the broker's first declarations; they are retried, and are not what is measured.
                    ["Logging:LogLevel:MassTransit"] = "None",
                }, tokens);
                service.UseKestrel(0);
                service.StartServer();
                using var client = service.CreateClient();
                client.Timeout = TimeSpan.FromMinutes(2);

                var registering = Stopwatch.StartNew();
                var units = await RegisterUnitsAsync(service.Services, postgres.ConnectionString(database), unitCount, (needed + Periods.Length - 1) / Periods.Length);
                Console.WriteLine($"\n== {unitCount:N0} units in the directory ({registering.Elapsed.TotalSeconds:0.0} s to register); {units.Count:N0} of them submit; intake at {client.BaseAddress}");
                var callers = units.Select(u => Caller(tokens, u, mode)).ToArray();
                // Period-major: one period's units first, so a directory's submissions spread over all its units.
                var work = (from period in Periods from unit in Enumerable.Range(0, units.Count) select (unit, period)).ToArray();
                var taken = 0;
                ReadOnlyMemory<(int Unit, string Period)> Take(int n) { var slice = work.AsMemory(taken, n); taken += n; return slice; }
                Task Send(HttpClient to, (int Unit, string Period) item) => mode == "machine"
                    ? MachinePushAsync(to, callers[item.Unit], units[item.Unit], item.Period)
                    : WebSubmitAsync(to, callers[item.Unit], units[item.Unit], item.Period);

                var warm = Take(warmup);
                await Load.ClosedAsync(warm.Length, concurrency, (_, i) => Send(client, warm.Span[i]));
                var profiled = Take(profile);
                if (profile > 0) await Profile.RunAsync(profile, i => Send(client, profiled.Span[i]), Values, Framework, Periods[0]);

                await using var gatewayHost = viaGateway ? new ServiceFactory<gateway::Program>(new Dictionary<string, string>
                {
                    ["services:intake:http:0"] = client.BaseAddress!.ToString().TrimEnd('/'),
                    // The per-caller limits protect a real deployment; here they would only cap the load.
                    ["Gateway:RateLimit:PermitLimit"] = "100000000",
                    ["Gateway:RateLimit:IpPermitLimit"] = "100000000",
                    ["Logging:LogLevel:Default"] = "Warning",
                }, tokens) : null;
                HttpClient? throughGateway = null;
                if (gatewayHost is not null)
                {
                    gatewayHost.UseKestrel(0);
                    gatewayHost.StartServer();
                    throughGateway = gatewayHost.CreateClient();
                    throughGateway.Timeout = TimeSpan.FromMinutes(2);
                    var gatewayWarm = Take(Math.Min(warmup, 1_000));
                    await Load.ClosedAsync(gatewayWarm.Length, concurrency, (_, i) => Send(throughGateway, gatewayWarm.Span[i]));
                }
                var paths = new List<(string Name, HttpClient Client)> { ("direct", client) };
                if (throughGateway is not null) paths.Add(("via gateway", throughGateway));
                var results = new List<(string Name, Run Closed, Run? Open)>();
                foreach (var (name, pathClient) in paths)
                {
                    Console.WriteLine($"  API {name}, closed loop: {submissions:N0} submissions of 20 values ({mode}), {concurrency} concurrent clients");
                    var closed = Take(submissions);
                    var api = await Load.ClosedAsync(submissions, concurrency, (_, i) => Send(pathClient, closed.Span[i]));
                    api.Report("submissions");
                    Run? apiOpen = null;
                    if (rate > 0)
                    {
                        Console.WriteLine($"  API {name}, open loop: {rate}/s offered for {seconds} s");
                        var open = Take(offered);
                        apiOpen = await Load.OpenAsync(offered, rate, i => Send(pathClient, open.Span[i]));
                        apiOpen.Report("submissions");
                    }
                    results.Add((name, api, apiOpen));
                }
                await ReportOutboxAsync(service.Services, taken);

                var rows = await RowsPerSubmissionAsync(service.Services, taken);
                Console.WriteLine($"  Raw PostgreSQL: the same rows per submission ({rows}), one transaction each");
                var (raw, rawOpen) = await RawInsertAsync(postgres.ConnectionString($"rawdb_{unitCount}"), postgres.ConnectionString(database), submissions, concurrency, rate, offered);
                Console.WriteLine($"  raw, closed loop, {concurrency} connections:");
                raw.Report("submissions");
                if (rawOpen is not null)
                {
                    Console.WriteLine($"  raw, open loop: {rate}/s offered for {seconds} s");
                    rawOpen.Report("submissions");
                }
                foreach (var (name, api, apiOpen) in results)
                {
                    var line = $"{unitCount,8:N0} units, {name,-11}: API {api.Throughput,6:N0}/s (p99 {api.Percentile(0.99):0} ms), raw {raw.Throughput,6:N0}/s → {api.Throughput / raw.Throughput:P0} of raw"
                               + (apiOpen is null ? "" : $"; at {rate}/s offered: achieved {apiOpen.Throughput:N0}/s, p50 {apiOpen.Percentile(0.5):0.0} ms, p99 {apiOpen.Percentile(0.99):0.0} ms, p99.9 {apiOpen.Percentile(0.999):0.0} ms"
                                                           + (apiOpen.Failed > 0 ? $", {apiOpen.Failed:N0} refused" : "") + $" (raw p99 {rawOpen!.Percentile(0.99):0.0} ms)");
                    Console.WriteLine("  " + line);
                    summary.Add(line);
                }
            }
            Console.WriteLine("\nSummary");
            foreach (var line in summary) Console.WriteLine("  " + line);
            return 0;
        }
        finally
        {
            await rabbit.StopAsync();
            await postgres.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Synthetic communes under Lào Cai, each reporting for itself: the first registered through the model, the others
    /// copied from it in SQL (a 410,000-unit directory in seconds). Returns <paramref name="submitting"/> of them, spread
    /// evenly over the directory.
    /// </summary>
    private static async Task<List<string>> RegisterUnitsAsync(IServiceProvider services, string connection, int count, int submitting)
    {
        static string Code(int i) => $"lao-cai.bench-{i:000000}";
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            db.OrganisationUnits.Add(OrganisationUnit.Register(Tenant, new UnitDetails(Code(1), "commune", "Xã thử tải 000001", "lao-cai", [], null), new DateOnly(2025, 7, 1)));
            await db.SaveChangesAsync();
        }
        await using (var npgsql = new NpgsqlConnection(connection))
        {
            await npgsql.OpenAsync();
            await using var copy = new NpgsqlCommand(
                "INSERT INTO organisation_units (id, tenant, code, name, kind, parent_code, peer_groups, formed_from, valid_from, valid_to, revision) " +
                "SELECT gen_random_uuid(), t.tenant, 'lao-cai.bench-' || lpad(i::text, 6, '0'), 'Xã thử tải ' || lpad(i::text, 6, '0'), t.kind, t.parent_code, t.peer_groups, t.formed_from, t.valid_from, t.valid_to, t.revision " +
                "FROM organisation_units t, generate_series(2, $1) i WHERE t.code = $2", npgsql) { CommandTimeout = 600 };
            copy.Parameters.Add(new NpgsqlParameter { Value = count });
            copy.Parameters.Add(new NpgsqlParameter { Value = Code(1) });
            await copy.ExecuteNonQueryAsync();
            await using var analyze = new NpgsqlCommand("ANALYZE organisation_units", npgsql);
            await analyze.ExecuteNonQueryAsync();
        }
        var stride = Math.Max(1, count / submitting);
        return [.. Enumerable.Range(0, submitting).Select(i => Code(1 + i * stride))];
    }

    private static AuthenticationHeaderValue Caller(TestTokens tokens, string unit, string mode)
    {
        var user = mode == "machine"
            ? TestUser.Machine("bench-source-system", [PlatformRoles.Reporter], unit)
            : new TestUser("bao-cao." + unit, [PlatformRoles.Reporter], OrgUnit: unit);
        return new AuthenticationHeaderValue("Bearer", tokens.Mint(user, lifetime: TimeSpan.FromHours(2)));
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
        // Per submission stored (an overloaded open-loop run may have refused some).
        count = await db.Submissions.CountAsync();
        var changes = await db.SubmissionValueChanges.CountAsync();
        var audit = await db.AuditEntries.CountAsync(a => a.EntityType == "submission");
        var outbox = await db.Set<OutboxMessage>().CountAsync(m => m.MessageType.StartsWith("Platform.Contracts.SubmissionSubmitted,"));
        return $"1 submission, {changes / (double)count:0.#} value changes, {audit / (double)count:0.#} audit lines, {outbox / (double)count:0.#} outbox row";
    }

    /// <summary>
    /// The same rows with plain Npgsql: the API database's tables are copied empty into <c>rawdb</c> (so the
    /// indexes and the audit trigger match), then each submission is one batch of inserts in one transaction.
    /// </summary>
    private static async Task<(Run Closed, Run? Open)> RawInsertAsync(string rawConnection, string apiConnection, int count, int concurrency, int rate, int offered)
    {
        await CopySchemaAsync(apiConnection, rawConnection);
        await using var source = NpgsqlDataSource.Create(rawConnection);
        var valuesJson = JsonSerializer.Serialize(Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary());
        var connections = new NpgsqlConnection[concurrency];
        for (var w = 0; w < concurrency; w++) connections[w] = await source.OpenConnectionAsync();
        try
        {
            // Warm the connections and the plans as the API was warmed.
            await Load.ClosedAsync(Math.Min(count, 2_000), concurrency, (w, i) => InsertOneAsync(connections[w], 1_000_000 + i, valuesJson));
            var closed = await Load.ClosedAsync(count, concurrency, (w, i) => InsertOneAsync(connections[w], i, valuesJson));
            Run? open = null;
            if (rate > 0)
            {
                open = await Load.OpenAsync(offered, rate, async i =>
                {
                    await using var connection = await source.OpenConnectionAsync();
                    await InsertOneAsync(connection, 2_000_000 + i, valuesJson);
                });
            }
            return (closed, open);
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    private static async Task InsertOneAsync(NpgsqlConnection connection, int i, string valuesJson)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7(now);
        var unit = $"raw-{i:0000000}";
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

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln"))) return directory.FullName;
        throw new InvalidOperationException("--gateway runs from the repository's build output (bench/IntakeThroughput/bin/…).");
    }

    private static int Option(string[] args, string name, int fallback) =>
        int.Parse(OptionText(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string OptionText(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
