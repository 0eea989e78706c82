using System.Diagnostics;
using System.Text;
using Npgsql;
using Platform.LocalInfrastructure;
using RabbitMQ.Client;
using Xunit;

namespace Platform.Deploy.Tests.LeastPrivilege;

/// <summary>
/// A fresh PostgreSQL cluster and a RabbitMQ broker (management plugin on), set up only with the deployment's own
/// scripts: deploy/postgres/init-databases.sql (then again through create-logins.sh), deploy/rabbitmq/apply-users.sh
/// (twice) and add-subscriber.sh; then the five services run as processes, each from its own output folder with its own
/// database login and its own broker user. An outside subscriber's queue is bound before intake starts, so intake's
/// first events (the unit directory it seeds) reach it and the four other services.
/// </summary>
public sealed class LeastPrivilegeWorld : IAsyncLifetime
{
    public const string Vhost = "platform";
    public const string Subscriber = "he-thong-57";
    public const string SubscriberQueue = Subscriber + ".units";
    public const string SubscriberPassword = "subscriber-secret-1";

    /// <summary>Service login → (database, password variable, password).</summary>
    public static readonly IReadOnlyList<(string Login, string Database, string Variable)> Logins =
    [
        ("intake", "intakedb", "INTAKE_DB_PASSWORD"),
        ("monthly_scoring", "monthlyscoringdb", "MONTHLY_SCORING_DB_PASSWORD"),
        ("dx_index", "dxindexdb", "DX_INDEX_DB_PASSWORD"),
        ("notifications", "notificationsdb", "NOTIFICATIONS_DB_PASSWORD"),
        ("reporting", "reportingdb", "REPORTING_DB_PASSWORD"),
        ("gateway", "gatewaydb", "GATEWAY_DB_PASSWORD"),
        ("keycloak", "keycloakdb", "KEYCLOAK_DB_PASSWORD"),
    ];

    /// <summary>The five services: project folder, database login, broker user, password variable of the broker user.</summary>
    public static readonly IReadOnlyList<(string Project, string Login, string Database, string AmqpUser, string AmqpVariable)> Services =
    [
        ("MonthlyScoring", "monthly_scoring", "monthlyscoringdb", "monthly-scoring", "MONTHLY_SCORING_AMQP_PASSWORD"),
        ("DxIndex", "dx_index", "dxindexdb", "dx-index", "DX_INDEX_AMQP_PASSWORD"),
        ("Notifications", "notifications", "notificationsdb", "notifications", "NOTIFICATIONS_AMQP_PASSWORD"),
        ("Reporting", "reporting", "reportingdb", "reporting", "REPORTING_AMQP_PASSWORD"),
        ("Intake", "intake", "intakedb", "intake", "INTAKE_AMQP_PASSWORD"),
    ];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-leastpriv-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly List<ServiceUnderTest> _services = [];

    public PostgresServer Postgres { get; private set; } = null!;
    public RabbitMqBroker Broker { get; private set; } = null!;
    public string PostgresBin { get; private set; } = null!;

    /// <summary>init-databases.sql run directly, as the postgres image's first start does, then through create-logins.sh.</summary>
    public ScriptResult InitFirst { get; private set; } = null!;
    public ScriptResult InitAgain { get; private set; } = null!;
    public ScriptResult ApplyFirst { get; private set; } = null!;
    public ScriptResult ApplyAgain { get; private set; } = null!;
    public ScriptResult AddSubscriber { get; private set; } = null!;
    public IReadOnlyList<ServiceUnderTest> Running => _services;

    public static string Password(string variable) => "pw-" + variable.ToLowerInvariant().Replace('_', '-') + "-1";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        // deploy/rabbitmq's scripts talk to the management API with curl and read JSON with jq.
        await DebianPackages.CommandAsync("/usr/bin/curl", "curl", _ => { }, CancellationToken.None);
        await DebianPackages.CommandAsync("/usr/bin/jq", "jq", _ => { }, CancellationToken.None);
        var postgres = PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(_root, "postgres"), Throwaway = true });
        var broker = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = Path.Combine(_root, "rabbitmq"), ManagementPort = 0 });
        try
        {
            Postgres = await postgres;
            Broker = await broker;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
        PostgresBin = await DebianPackages.PostgresBinAsync(_ => { }, CancellationToken.None);

        InitFirst = await ScriptResult.RunAsync(Path.Combine(PostgresBin, "psql"),
            ["-X", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Postgres.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", PostgresServer.User,
             "-d", "postgres", "-f", RepositoryFiles.Path("deploy", "postgres", "init-databases.sql")],
            DatabaseEnvironment());
        InitAgain = await ScriptResult.RunAsync("sh", [RepositoryFiles.Path("deploy", "postgres", "create-logins.sh")], DatabaseEnvironment());

        ApplyFirst = await ApplyUsersAsync();
        ApplyAgain = await ApplyUsersAsync();
        AddSubscriber = await ScriptResult.RunAsync("sh", [RepositoryFiles.Path("deploy", "rabbitmq", "add-subscriber.sh"), Subscriber],
            new Dictionary<string, string?>(BrokerAdminEnvironment()) { ["SUBSCRIBER_PASSWORD"] = SubscriberPassword });
        if (InitFirst.ExitCode != 0 || InitAgain.ExitCode != 0 || ApplyFirst.ExitCode != 0 || ApplyAgain.ExitCode != 0 || AddSubscriber.ExitCode != 0)
            return; // The tests name what failed; no service can start without its login.

        // The consumers first, so their queues are bound before intake's first events.
        foreach (var service in Services.Where(s => s.Project != "Intake")) _services.Add(ServiceUnderTest.Start(service.Project, ServiceEnvironment(service)));
        await Task.WhenAll(_services.Select(s => s.WaitHealthyAsync()));

        // The outside subscriber binds its own queue to the contract exchange the consumers declared.
        await using (var connection = await ConnectAsync(Subscriber, SubscriberPassword))
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync(SubscriberQueue, durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(SubscriberQueue, "Platform.Contracts:OrganisationUnitRegistered", "");
        }

        var intake = ServiceUnderTest.Start("Intake", ServiceEnvironment(Services.Single(s => s.Project == "Intake")));
        _services.Add(intake);
        await intake.WaitHealthyAsync();
    }

    public Task<ScriptResult> ApplyUsersAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var environment = new Dictionary<string, string?>(BrokerAdminEnvironment());
        foreach (var service in Services) environment[service.AmqpVariable] = Password(service.AmqpVariable);
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) environment[k] = v;
        return ScriptResult.RunAsync("sh", [RepositoryFiles.Path("deploy", "rabbitmq", "apply-users.sh")], environment);
    }

    public IReadOnlyDictionary<string, string?> BrokerAdminEnvironment() => new Dictionary<string, string?>
    {
        ["RABBITMQ_HOST"] = "127.0.0.1",
        ["RABBITMQ_MANAGEMENT_PORT"] = Broker.ManagementPort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_ADMIN_USER"] = RabbitMqBroker.User,
        ["RABBITMQ_ADMIN_PASSWORD"] = RabbitMqNode.Password,
    };

    public Dictionary<string, string?> DatabaseEnvironment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = PostgresBin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["PGHOST"] = "127.0.0.1",
            ["PGPORT"] = Postgres.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = PostgresServer.User,
            ["PGPASSWORD"] = Postgres.Password,
        };
        foreach (var login in Logins) environment[login.Variable] = Password(login.Variable);
        return environment;
    }

    public string LoginConnectionString(string login, string database, string? password = null) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Postgres.Port,
        Database = database,
        Username = login,
        Password = password ?? Password(Logins.Single(l => l.Login == login).Variable),
        Pooling = false,
    }.ConnectionString;

    public async Task<IConnection> ConnectAsync(string user, string password) =>
        await new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = Broker.Port,
            VirtualHost = Vhost,
            UserName = user,
            Password = password,
            AutomaticRecoveryEnabled = false,
        }.CreateConnectionAsync();

    public Task<IConnection> ConnectAsServiceAsync(string amqpUser) =>
        ConnectAsync(amqpUser, Password(Services.Single(s => s.AmqpUser == amqpUser).AmqpVariable));

    private Dictionary<string, string> ServiceEnvironment((string Project, string Login, string Database, string AmqpUser, string AmqpVariable) service) => new()
    {
        [$"ConnectionStrings__{service.Database}"] = LoginConnectionString(service.Login, service.Database) + ";Pooling=true;Maximum Pool Size=20",
        ["ConnectionStrings__messaging"] =
            $"amqp://{service.AmqpUser}:{Uri.EscapeDataString(Password(service.AmqpVariable))}@127.0.0.1:{Broker.Port}/{Vhost}",
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services) await service.DisposeAsync();
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
    }
}

/// <summary>What a script printed and how it ended.</summary>
public sealed record ScriptResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}: {Output}";

    public static async Task<ScriptResult> RunAsync(string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(limit.Token);
        return new ScriptResult(process.ExitCode, await output + await error);
    }
}

/// <summary>
/// A built service run from its own output folder (src/&lt;Project&gt;/bin/&lt;Configuration&gt;/net10.0), as a deployment
/// runs it: its own appsettings.json, its own environment.
/// </summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceUnderTest(string project, int port, Process process)
    {
        Project = project;
        Port = port;
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Project { get; }
    public int Port { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static ServiceUnderTest Start(string project, IReadOnlyDictionary<string, string> environment)
    {
        var port = Ports.GetFree();
        return new ServiceUnderTest(project, port, Process.Start(ServiceProcess.StartInfo(ServiceProcess.OutputFolder(project), project, port, environment))!);
    }

    /// <summary>The readiness answer of <c>/health</c> (database and broker), or null while it does not answer.</summary>
    public async Task<(int Status, string Body)?> HealthAsync()
    {
        try
        {
            using var response = await Http.GetAsync($"http://127.0.0.1:{Port}/health");
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    public async Task WaitHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(150) && !_process.HasExited)
        {
            if (await HealthAsync() is { Status: 200 }) return;
            await Task.Delay(500);
        }
        // Left to the tests to report (with the output); the fixture does not throw so every test can say what it sees.
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
