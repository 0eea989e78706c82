using System.Text.Json.Nodes;
using Npgsql;
using Platform.LocalInfrastructure;

namespace Platform.FaultInjection.Tests;

/// <summary>
/// The part of the platform a submission and an approval travel through, every piece a real process that a SIGKILL
/// really ends: PostgreSQL (durable settings: fsync and synchronous commit on, as in production) and RabbitMQ from
/// src/LocalInfrastructure, the development identity provider, intake, monthly scoring and the gateway, each from its own
/// build output on a fixed port so it comes back where the gateway and the services look for it.
/// <para>
/// The identity provider reads a copy of the development realm with two changes for the load: the machine client
/// <c>he-thong-57</c> reports for the province <c>lao-cai</c> (so it may push for the communes under it), and
/// <see cref="WebCommunes"/> people each report for a commune of their own (<c>lao-cai.tai-thu-w-NNN.reporter</c>).
/// The communes the load reports for are added to intake's directory before the load (SQL copies of
/// <c>lao-cai.xa-mau-01</c>, as bench/IntakeThroughput does).
/// </para>
/// </summary>
public sealed class FaultedPlatform : IAsyncDisposable
{
    public const string Realm = "platform";
    public const string MachineClient = "he-thong-57";
    public const string MachineSecret = "dev-only-he-thong-57-secret";
    public const string Password = "dev-only-123";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-faults-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly int _postgresPort = Ports.GetFree();
    private readonly int _rabbitPort = Ports.GetFree();
    private string _monthlyScoringDatabase = "monthlyscoringdb";
    private string _messagingVirtualHost = "/";

    private FaultedPlatform(int webCommunes, int machineCommunes)
    {
        WebCommunes = webCommunes;
        MachineCommunes = machineCommunes;
    }

    public int WebCommunes { get; }
    public int MachineCommunes { get; }
    public PostgresServer Postgres { get; private set; } = null!;
    public RabbitMqBroker Broker { get; private set; } = null!;
    public PlatformProcess Identity { get; private set; } = null!;
    public PlatformProcess Intake { get; private set; } = null!;
    public PlatformProcess MonthlyScoring { get; private set; } = null!;
    public PlatformProcess Gateway { get; private set; } = null!;
    public Uri GatewayUrl => Gateway.Url;
    public Uri IdentityUrl => Identity.Url;

    public static string WebCommune(int i) => $"lao-cai.tai-thu-w-{i:000}";
    public static string MachineCommune(int i) => $"lao-cai.tai-thu-m-{i:0000}";

    public static async Task<FaultedPlatform> StartAsync(int webCommunes, int machineCommunes)
    {
        var platform = new FaultedPlatform(webCommunes, machineCommunes);
        try
        {
            await platform.InitializeAsync();
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var postgres = StartPostgresAsync();
        var broker = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = Path.Combine(_root, "rabbitmq"), Port = _rabbitPort });
        Postgres = await postgres;
        Broker = await broker;
        foreach (var database in (string[])["intakedb", "monthlyscoringdb", "gatewaydb"]) await Postgres.CreateDatabaseAsync(database);

        var realmFile = Path.Combine(_root, "platform-realm.json");
        await File.WriteAllTextAsync(realmFile, LoadRealm(WebCommunes));
        var identityPort = Ports.GetFree();
        var identityUrl = $"http://localhost:{identityPort}";
        Identity = new PlatformProcess("IdentityProvider", identityPort, new Dictionary<string, string>
        {
            ["IdentityProvider__PublicUrl"] = identityUrl,
            ["IdentityProvider__RealmFile"] = realmFile,
        }, "identity");
        Identity.Start();
        await Identity.WaitHealthyAsync();

        Intake = new PlatformProcess("Intake", Ports.GetFree(), Service("intakedb", identityUrl), "intake");
        MonthlyScoring = new PlatformProcess("MonthlyScoring", Ports.GetFree(), MonthlyScoringEnvironment(identityUrl), "monthly-scoring");
        // Consumers first: their queues are bound before intake's first events (its unit directory).
        MonthlyScoring.Start();
        await MonthlyScoring.WaitHealthyAsync();
        Intake.Start();
        await Intake.WaitHealthyAsync();

        var gateway = new Dictionary<string, string>(Token(identityUrl))
        {
            ["ConnectionStrings__gatewaydb"] = Connection("gatewaydb"),
            ["services__intake__http__0"] = Intake.Url.ToString().TrimEnd('/'),
            ["services__monthly-scoring__http__0"] = MonthlyScoring.Url.ToString().TrimEnd('/'),
            // Routes of services this run does not start: nobody calls them.
            ["services__dx-index__http__0"] = "http://127.0.0.1:9",
            ["services__notifications__http__0"] = "http://127.0.0.1:9",
            ["services__reporting__http__0"] = "http://127.0.0.1:9",
            ["services__web__http__0"] = "http://127.0.0.1:9",
            ["Gateway__Oidc__ClientId"] = "platform-web",
            ["Gateway__Oidc__ClientSecret"] = "dev-only-platform-web-secret",
            // The per-caller limits protect a deployment; here every machine submission comes from one client.
            ["Gateway__RateLimit__PermitLimit"] = "100000000",
            ["Gateway__RateLimit__IpPermitLimit"] = "100000000",
        };
        Gateway = new PlatformProcess("Gateway", Ports.GetFree(), gateway, "gateway");
        Gateway.Start();
        await Gateway.WaitHealthyAsync();

        await RegisterCommunesAsync();
    }

    private Task<PostgresServer> StartPostgresAsync() =>
        // Not Throwaway: synchronous_commit=off would lose commits already answered to a client when the server is killed.
        PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(_root, "postgres"), Port = _postgresPort });

    /// <summary>The same cluster started again on the same port after <see cref="PostgresServer.KillAsync"/> (crash recovery replays the log).</summary>
    public async Task RestartPostgresAsync() => Postgres = await StartPostgresAsync();

    public string Connection(string database) =>
        Postgres.ConnectionString(database) + ";Maximum Pool Size=30;Timeout=10";

    /// <summary>A connection for the run's own checks (no pool: PostgreSQL is killed under it).</summary>
    public async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(Postgres.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    private Dictionary<string, string> Token(string identityUrl) => new()
    {
        ["Keycloak__AuthServerUrl"] = identityUrl,
        ["Keycloak__Realm"] = Realm,
        ["Keycloak__Resource"] = "platform-api",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private Dictionary<string, string> Service(string database, string identityUrl) => new(Token(identityUrl))
    {
        [$"ConnectionStrings__{database}"] = Connection(database),
        ["ConnectionStrings__messaging"] = Broker.ConnectionString(_messagingVirtualHost),
    };

    private Dictionary<string, string> MonthlyScoringEnvironment(string identityUrl) => new(Token(identityUrl))
    {
        ["ConnectionStrings__monthlyscoringdb"] = Connection(_monthlyScoringDatabase),
        ["ConnectionStrings__messaging"] = Broker.ConnectionString(_messagingVirtualHost),
    };

    /// <summary>
    /// Monthly scoring again, fault-free, on another database (<paramref name="database"/>) and a virtual host of its own
    /// (no event reaches it): same port, so the gateway routes to it as before.
    /// </summary>
    public async Task RestartMonthlyScoringOnAsync(string database, string virtualHost)
    {
        await MonthlyScoring.KillAsync();
        await Broker.AddVirtualHostAsync(virtualHost);
        _monthlyScoringDatabase = database;
        _messagingVirtualHost = virtualHost;
        await MonthlyScoring.DisposeAsync();
        MonthlyScoring = new PlatformProcess("MonthlyScoring", MonthlyScoring.Port, MonthlyScoringEnvironment(IdentityUrl.ToString().TrimEnd('/')), "monthly-scoring-reference");
        MonthlyScoring.Start();
        await MonthlyScoring.WaitHealthyAsync();
    }

    /// <summary>The development realm with the load's machine client and web reporters.</summary>
    private static string LoadRealm(int webCommunes)
    {
        var realm = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Path("deploy", "keycloak", "platform-realm.json")))!;
        var users = realm["users"]!.AsArray();
        var machine = users.Single(u => u!["username"]!.GetValue<string>() == "service-account-" + MachineClient)!;
        machine["attributes"]!["org_unit"] = new JsonArray("lao-cai");
        machine["groups"] = new JsonArray("/vn/lao-cai");
        var template = users.Single(u => u!["username"]!.GetValue<string>() == "lao-cai.xa-mau-01.reporter")!;
        for (var i = 1; i <= webCommunes; i++)
        {
            var user = template.DeepClone();
            user["username"] = WebCommune(i) + ".reporter";
            user["email"] = WebCommune(i) + ".reporter@dev.platform.invalid";
            user["lastName"] = $"Xã thử tải {i:000}";
            user["attributes"]!["org_unit"] = new JsonArray(WebCommune(i));
            users.Add(user);
        }
        return realm.ToJsonString();
    }

    /// <summary>The communes the load reports for, copies of <c>lao-cai.xa-mau-01</c> (a commune nobody is assigned to report on: it, or its province, reports every input).</summary>
    private async Task RegisterCommunesAsync()
    {
        await using var connection = await OpenAsync("intakedb");
        foreach (var (prefix, count, digits) in new[] { ("lao-cai.tai-thu-w-", WebCommunes, 3), ("lao-cai.tai-thu-m-", MachineCommunes, 4) })
        {
            if (count == 0) continue;
            await using var copy = new NpgsqlCommand(
                "INSERT INTO organisation_units (id, tenant, code, name, kind, parent_code, peer_groups, formed_from, valid_from, valid_to, revision) " +
                "SELECT gen_random_uuid(), t.tenant, $1 || lpad(i::text, $3, '0'), 'Xã thử tải ' || $1 || lpad(i::text, $3, '0'), t.kind, t.parent_code, t.peer_groups, t.formed_from, t.valid_from, t.valid_to, t.revision " +
                "FROM organisation_units t, generate_series(1, $2) i WHERE t.code = 'lao-cai.xa-mau-01'", connection);
            copy.Parameters.Add(new NpgsqlParameter { Value = prefix });
            copy.Parameters.Add(new NpgsqlParameter { Value = count });
            copy.Parameters.Add(new NpgsqlParameter { Value = digits });
            var added = await copy.ExecuteNonQueryAsync();
            if (added != count) throw new InvalidOperationException($"{added} communes {prefix}… registered, {count} wanted: is lao-cai.xa-mau-01 in intake's directory?");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { Gateway, Intake, MonthlyScoring, Identity })
            if (process is not null) await process.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (Broker is not null) await Broker.StopAsync();
        if (Postgres is not null) await Postgres.StopAsync();
        try
        {
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A server that was killed may hold a file for a moment; the OS cleans the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
