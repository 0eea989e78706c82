// Gateway proxy overhead: the same load on one API endpoint directly at the service and through the gateway
// (correlation id, security headers, CORS, body limit, rate limiter, bearer-token check, YARP), in the same run,
// with throughput and p50/p99 latency of each, the throughput loss and the added latency.
// The gateway and the service run as their own processes, in Production, as deployed; the load driver is this process.
//
//   dotnet run -c Release --project bench/GatewayOverhead -- [--backend stub|intake] [--pin] [--no-token] [--bare-proxy]
//       [--seconds 10] [--rounds 2] [--warmup 10] [--concurrency 16] [--users 50] [--gateway-env NAME=VALUE]...
//
// --backend stub    (default) a service whose endpoint does almost no work (a 20-item JSON listing): the worst case,
//                   where the proxy's own CPU is all that differs. Callers send bearer tokens (50 machine clients)
//                   that the gateway validates; --no-token sends none (pure proxying, the earlier measurement).
// --backend intake  the real Intake service on PostgreSQL (and RabbitMQ): GET /api/intake/units/{code} for the
//                   departments of Lào Cai, an authenticated read of three small queries, with tokens of 50 users
//                   of Lào Cai that both the gateway and Intake validate against the bench's stand-in of Keycloak's
//                   discovery document and keys.
// --bare-proxy      also measures YARP alone (one route, nothing else) in the same run: the floor of any YARP proxy.
// --gateway-env     an environment variable for the gateway process only (repeatable), to compare settings in
//                   the same conditions, e.g. --gateway-env Gateway__TokenCache__Capacity=0.
// --pin             separate CPUs (taskset): the service (and its PostgreSQL and RabbitMQ) on CPU 1; the gateway
//                   and the load driver on CPU 0. Without it everything shares both cores, so every cycle the
//                   gateway spends is taken from the service and the driver; with it the gateway competes only with
//                   the driver, as in a deployment where it has its own cores — the target's situation.
// Modes and measured figures: bench/GatewayOverhead/README.md.
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Platform.LocalInfrastructure;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport.Security;

namespace Platform.Bench.GatewayOverhead;

internal static class Driver
{
    public static async Task<int> Main(string[] args)
    {
        if (Text(args, "--role", "") == "stub") return await StandIns.RunStubServiceAsync();
        if (Text(args, "--role", "") == "bare-proxy") return await StandIns.RunBareProxyAsync(Text(args, "--backend-url", ""));

        var seconds = Option(args, "--seconds", 10);
        var concurrency = Option(args, "--concurrency", 16);
        var rounds = Option(args, "--rounds", 2);
        var users = Option(args, "--users", 50);
        var warmup = Option(args, "--warmup", 10);
        var backend = Text(args, "--backend", "stub");
        var pin = args.Contains("--pin");
        var bare = args.Contains("--bare-proxy");
        var withTokens = backend == "intake" || !args.Contains("--no-token");
        if (backend is not ("stub" or "intake")) { Console.Error.WriteLine("--backend is stub or intake"); return 2; }
        if (pin && Environment.ProcessorCount < 2) { Console.Error.WriteLine("--pin needs two CPUs"); return 2; }

        var root = Path.Combine(Path.GetTempPath(), "platform-gateway-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var cleanup = new List<Func<ValueTask>>();
        try
        {
            // The service side first, on CPU 1 when pinned: what this process starts now inherits that CPU.
            if (pin) ChildProcess.PinSelf("1");
            using var tokens = new TestTokens($"http://127.0.0.1:{Ports.GetFree()}");
            var identity = await StandIns.StartIdentityAsync(tokens, new Uri(tokens.AuthServerUrl).Port);
            cleanup.Add(identity.DisposeAsync);
            var keycloak = new Dictionary<string, string>
            {
                ["Keycloak__AuthServerUrl"] = tokens.AuthServerUrl,
                ["Keycloak__Realm"] = tokens.Realm,
                ["Keycloak__Resource"] = tokens.Resource,
                ["Keycloak__RequireHttpsMetadata"] = "false",
            };

            ChildProcess service;
            Func<long, HttpRequestMessage> request;
            if (backend == "stub")
            {
                service = ChildProcess.Start("stub service", Path.Combine(AppContext.BaseDirectory, "GatewayOverhead.dll"), ["--role", "stub"],
                    new Dictionary<string, string>(), Ports.GetFree(), pin ? 1 : null);
                cleanup.Add(service.DisposeAsync);
                await service.WaitReadyAsync("/alive", TimeSpan.FromSeconds(60));
                var callers = Callers(tokens, users, orgUnit: null);
                request = i => Get("/api/intake/units", withTokens ? callers[i % callers.Length] : null);
            }
            else
            {
                var postgresStarting = PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(root, "postgres") });
                var rabbitStarting = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = Path.Combine(root, "rabbitmq") });
                var postgres = await postgresStarting;
                cleanup.Add(postgres.DisposeAsync);
                var rabbit = await rabbitStarting;
                cleanup.Add(rabbit.DisposeAsync);
                await postgres.CreateDatabaseAsync("intakedb");
                service = ChildProcess.Start("intake", ChildProcess.ServiceDll("Intake"), [], new Dictionary<string, string>(keycloak)
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["ConnectionStrings__intakedb"] = postgres.ConnectionString("intakedb"),
                    ["ConnectionStrings__messaging"] = rabbit.ConnectionString(),
                }, Ports.GetFree(), pin ? 1 : null);
                cleanup.Add(service.DisposeAsync);
                await service.WaitReadyAsync("/health", TimeSpan.FromSeconds(120));
                var callers = Callers(tokens, users, orgUnit: "lao-cai");
                var codes = await DepartmentsAsync(service.Url, callers[0]);
                request = i => Get($"/api/intake/units/{codes[i % codes.Length]}", callers[i % callers.Length]);
            }

            var gatewayEnvironment = new Dictionary<string, string>(withTokens ? keycloak : [])
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["services__intake__http__0"] = service.Url,
                // The callers are few and fast: lift the per-caller limits so the limiter is measured, not its refusals.
                ["Gateway__RateLimit__PermitLimit"] = "100000000",
                ["Gateway__RateLimit__IpPermitLimit"] = "100000000",
            };
            foreach (var setting in Texts(args, "--gateway-env")) gatewayEnvironment[setting.Split('=', 2)[0]] = setting.Split('=', 2)[1];
            var gateway = ChildProcess.Start("gateway", ChildProcess.ServiceDll("Gateway"), [], gatewayEnvironment, Ports.GetFree(), pin ? 0 : null);
            cleanup.Add(gateway.DisposeAsync);
            await gateway.WaitReadyAsync("/alive", TimeSpan.FromSeconds(60));
            ChildProcess? bareProxy = null;
            if (bare)
            {
                bareProxy = ChildProcess.Start("bare YARP", Path.Combine(AppContext.BaseDirectory, "GatewayOverhead.dll"), ["--role", "bare-proxy", "--backend-url", service.Url],
                    new Dictionary<string, string>(), Ports.GetFree(), pin ? 0 : null);
                cleanup.Add(bareProxy.DisposeAsync);
                await bareProxy.WaitReadyAsync("/alive", TimeSpan.FromSeconds(60));
            }
            if (pin) ChildProcess.PinSelf("0");

            using var direct = new HttpClient { BaseAddress = new Uri(service.Url) };
            using var viaGateway = new HttpClient { BaseAddress = new Uri(gateway.Url) };
            using var viaBare = bareProxy is null ? null : new HttpClient { BaseAddress = new Uri(bareProxy.Url) };
            Console.WriteLine($"Backend {backend} at {service.Url}, gateway at {gateway.Url}; {concurrency} concurrent callers, " +
                $"{(withTokens ? $"bearer tokens of {users} callers" : "no token")}, {seconds} s × {rounds} per path, {Environment.ProcessorCount} cores, " +
                (pin ? "service on CPU 1, gateway and driver on CPU 0" : "not pinned (all share the cores)") + $"; load average {LoadAverage()}" +
                string.Concat(Texts(args, "--gateway-env").Select(e => "; gateway " + e)));

            await Load.CheckAsync(direct, request);
            await Load.CheckAsync(viaGateway, request);
            // Warm-up of both paths (connection pools, JIT: tiered compilation takes seconds of load to reach optimized
            // code on a busy machine), then alternating measurements so drift hits both alike.
            await Load.RunAsync(direct, request, TimeSpan.FromSeconds(warmup), concurrency);
            await Load.RunAsync(viaGateway, request, TimeSpan.FromSeconds(warmup), concurrency);
            if (viaBare is not null) await Load.RunAsync(viaBare, request, TimeSpan.FromSeconds(warmup), concurrency);
            var directRuns = new List<Load.Run>();
            var gatewayRuns = new List<Load.Run>();
            var bareRuns = new List<Load.Run>();
            for (var round = 0; round < rounds; round++)
            {
                directRuns.Add(await Load.RunAsync(direct, request, TimeSpan.FromSeconds(seconds), concurrency, gateway, service));
                gatewayRuns.Add(await Load.RunAsync(viaGateway, request, TimeSpan.FromSeconds(seconds), concurrency, gateway, service));
                if (viaBare is not null) bareRuns.Add(await Load.RunAsync(viaBare, request, TimeSpan.FromSeconds(seconds), concurrency, bareProxy!, service));
            }
            var d = Load.Run.Merge(directRuns);
            var g = Load.Run.Merge(gatewayRuns);
            Report("direct to the service", d);
            Report("through the gateway", g);
            Console.WriteLine($"Throughput through the gateway: {g.Throughput / d.Throughput:P0} of direct ({1 - g.Throughput / d.Throughput:P0} loss); " +
                $"added latency p50 {g.P(0.50) - d.P(0.50):+0.00;-0.00} ms, p99 {g.P(0.99) - d.P(0.99):+0.00;-0.00} ms; load average {LoadAverage()}");
            // CPU per request does not depend on how busy the machine is the way throughput does: the steadier figure.
            Console.WriteLine($"CPU per request: gateway {g.CpuPerRequestUs(0):N0} µs; service {d.CpuPerRequestUs(1):N0} µs direct, {g.CpuPerRequestUs(1):N0} µs through the gateway");
            if (bareRuns.Count > 0)
            {
                var b = Load.Run.Merge(bareRuns);
                Report("through bare YARP", b);
                Console.WriteLine($"Bare YARP (no protections): {b.Throughput / d.Throughput:P0} of direct, p99 {b.P(0.99) - d.P(0.99):+0.00;-0.00} ms, {b.CpuPerRequestUs(0):N0} µs CPU per request " +
                    $"— the gateway does {g.Throughput / b.Throughput:P0} of its throughput");
            }
            return 0;
        }
        finally
        {
            if (pin) ChildProcess.PinSelf($"0-{Environment.ProcessorCount - 1}");
            cleanup.Reverse();
            foreach (var dispose in cleanup) await dispose();
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static AuthenticationHeaderValue[] Callers(TestTokens tokens, int count, string? orgUnit) =>
        [.. Enumerable.Range(1, count).Select(i => new AuthenticationHeaderValue("Bearer", tokens.Mint(
            orgUnit is null
                ? TestUser.Machine($"bench-source-{i:000}", [PlatformRoles.Reporter])
                : new TestUser($"bench.{orgUnit}.{i:000}", [PlatformRoles.Reporter], OrgUnit: orgUnit),
            lifetime: TimeSpan.FromHours(2))))];

    private static HttpRequestMessage Get(string path, AuthenticationHeaderValue? caller)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, path);
        message.Headers.Authorization = caller;
        return message;
    }

    /// <summary>Codes of Lào Cai's departments, from the service's own listing.</summary>
    private static async Task<string[]> DepartmentsAsync(string serviceUrl, AuthenticationHeaderValue caller)
    {
        using var client = new HttpClient { BaseAddress = new Uri(serviceUrl) };
        using var message = Get("/api/intake/units?parent=lao-cai&kind=department&pageSize=100", caller);
        using var response = await client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} listing units: {body}");
        var codes = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("code").GetString()!).ToArray();
        return codes.Length > 0 ? codes : throw new InvalidOperationException("No department of lao-cai in the service's directory");
    }

    private static void Report(string what, Load.Run run) =>
        Console.WriteLine($"  {what,-24} {run.Throughput,9:N0} requests/s   p50 {run.P(0.50),6:0.00} ms   p99 {run.P(0.99),6:0.00} ms   ({run.Requests:N0} requests)");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static IEnumerable<string> Texts(string[] args, string name) =>
        args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Length && args[x.i + 1].Contains('=')).Select(x => args[x.i + 1]);

    private static string Text(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
