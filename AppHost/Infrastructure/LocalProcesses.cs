using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.LocalInfrastructure;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// Without a container runtime: Debian's PostgreSQL and RabbitMQ (installed with apt when missing and root) as Aspire
/// executable resources in the foreground — <c>postgres</c> through <c>setpriv</c>, which execs it as user
/// <c>postgres</c> so Aspire's signals reach it, and <c>rabbitmq</c> with its own <c>epmd</c> as a resource of its own —
/// each with a real health check. Their data stays in the data folder (PostgreSQL's elsewhere when the user
/// <c>postgres</c> cannot enter it, see <see cref="PostgresFolderAsync"/>), their ports are remembered between runs.
/// </summary>
internal sealed class LocalProcesses
{
    /// <summary>What AppHost puts into the data folder; --fresh deletes nothing else.</summary>
    private static readonly string[] DataEntries = ["postgres", "rabbitmq", "ports.json", PostgresElsewhere];

    /// <summary>Names the PostgreSQL folder outside the data folder, when it had to move there.</summary>
    private const string PostgresElsewhere = "postgres-folder.txt";

    private readonly IDistributedApplicationBuilder _builder;
    private PreparedCluster? _cluster;
    private int _postgresPort;
    private RabbitMqNode? _node;
    private string _rabbitBin = "/usr/lib/rabbitmq/bin";

    private LocalProcesses(IDistributedApplicationBuilder builder) => _builder = builder;

    /// <summary>
    /// Installs, initialises and configures what is asked for (never in publish mode: the manifest only names the
    /// programs), choosing ports: configured, else remembered from the last run, else free.
    /// </summary>
    public static async Task<LocalProcesses> PrepareAsync(IDistributedApplicationBuilder builder, AppHostOptions options, bool postgres, bool messaging)
    {
        var local = new LocalProcesses(builder);
        if (builder.ExecutionContext.IsPublishMode)
        {
            local._cluster = new PreparedCluster("/var/lib/platform/postgres", "", "/usr/lib/postgresql/15/bin", "setpriv",
                ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", "/usr/lib/postgresql/15/bin/postgres", "-D", "/var/lib/platform/postgres/data"]);
            local._postgresPort = 5432;
            local._node = new RabbitMqNode("/var/lib/platform/rabbitmq", 5672, 25672, 4369, options.Smoke ? null : 15672);
            return local;
        }

        if (options.Fresh) WipeDataDirectory(options.DataDirectory);
        Directory.CreateDirectory(options.DataDirectory);
        Console.WriteLine($"data folder: {options.DataDirectory}");
        var ports = RememberedPorts.Load(options.DataDirectory);
        var configuration = builder.Configuration;
        if (postgres)
        {
            local._postgresPort = Choose(ports, "postgres", AppHostOptions.Port(configuration, "Infrastructure:Postgres:Port"), "Infrastructure:Postgres:Port");
            local._cluster = await PostgresCluster.PrepareAsync(await PostgresFolderAsync(options.DataDirectory), Console.WriteLine);
        }
        if (messaging)
        {
            local._rabbitBin = await DebianPackages.RabbitMqBinAsync(Console.WriteLine, CancellationToken.None);
            var amqp = Choose(ports, "rabbitmq", AppHostOptions.Port(configuration, "Infrastructure:RabbitMq:Port"), "Infrastructure:RabbitMq:Port");
            // No management UI for --smoke and under the test harness: nobody opens it.
            int? management = options.Smoke || AppHostOptions.UnderTestHarness(configuration) ? null
                : Choose(ports, "rabbitmq-management", AppHostOptions.Port(configuration, "Infrastructure:RabbitMq:ManagementPort"), "Infrastructure:RabbitMq:ManagementPort");
            local._node = new RabbitMqNode(Path.Combine(options.DataDirectory, "rabbitmq"), amqp, Ports.GetFree(), Ports.GetFree(), management);
            await local._node.WriteConfigurationAsync();
        }
        ports.Save();
        return local;
    }

    public IReadOnlyDictionary<string, Database> AddPostgres()
    {
        var cluster = _cluster!;
        _builder.Configuration["Parameters:postgres-password"] ??= cluster.Password;
        var password = _builder.AddParameter("postgres-password", secret: true);
        var port = _postgresPort.ToString(CultureInfo.InvariantCulture);
        var server = _builder.AddExecutable("postgres", cluster.Command, cluster.Directory, [.. cluster.Arguments, .. PreparedCluster.PortArguments(_postgresPort)])
            .WithEndpoint(port: _postgresPort, targetPort: _postgresPort, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck("postgres-accepts-connections");
        _builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("postgres-accepts-connections",
            _ => new PostgresAcceptsConnections($"Host=127.0.0.1;Port={port};Database=postgres;Username={PreparedCluster.User};Password={cluster.Password};Timeout=3"),
            HealthStatus.Unhealthy, null));
        return PlatformInfrastructure.DatabaseNames.ToDictionary(name => name, name => new Database(
            _builder.AddConnectionString(name, ReferenceExpression.Create(
                $"Host=127.0.0.1;Port={port};Database={name};Username={PreparedCluster.User};Password={password.Resource}")),
            server));
    }

    public (IResourceBuilder<IResourceWithConnectionString> Messaging, IResourceBuilder<IResource>? Broker) AddRabbitMq()
    {
        var node = _node!;
        var epmd = _builder.AddExecutable("epmd", "/usr/lib/erlang/bin/epmd", node.Directory,
            "-port", node.EpmdPort.ToString(CultureInfo.InvariantCulture));
        var broker = _builder.AddExecutable("rabbitmq", Path.Combine(_rabbitBin, "rabbitmq-server"), node.Directory)
            .WithEndpoint(port: node.Port, targetPort: node.Port, scheme: "tcp", name: "amqp", isProxied: false)
            .WithHealthCheck("rabbitmq-speaks-amqp")
            .WaitFor(epmd);
        foreach (var (key, value) in node.Environment) broker.WithEnvironment(key, value);
        // epmd is a resource of its own, which DCP stops with everything else. Without this, an Erlang process of the
        // broker that finds epmd gone (RabbitMQ's epmd monitor, a CLI tool) starts a new `epmd -daemon` that outlives AppHost.
        broker.WithEnvironment("ERL_FLAGS", "-start_epmd false");
        if (node.ManagementPort is { } management)
            broker.WithEndpoint(port: management, targetPort: management, scheme: "http", name: "management", isProxied: false);
        _builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("rabbitmq-speaks-amqp",
            _ => new RabbitMqSpeaksAmqp(node.Port), HealthStatus.Unhealthy, null));
        var messaging = _builder.AddConnectionString("messaging", ReferenceExpression.Create(
            $"amqp://{RabbitMqNode.User}:{RabbitMqNode.Password}@127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}/"));
        return (messaging, broker);
    }

    /// <summary>
    /// The PostgreSQL folder: <c>&lt;data&gt;/postgres</c>, unless the user <c>postgres</c> cannot reach it (a checkout under
    /// <c>/root</c> or in a <c>0700</c> folder) — then <c>/var/lib/platform/&lt;hash of the data folder&gt;/postgres</c>, named
    /// in <c>&lt;data&gt;/postgres-folder.txt</c> so --fresh and people find it.
    /// </summary>
    private static async Task<string> PostgresFolderAsync(string dataDirectory)
    {
        var inside = Path.Combine(dataDirectory, "postgres");
        if (await PostgresCluster.ReachableByPostgresAsync(dataDirectory)) return inside;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..12].ToLowerInvariant();
        var elsewhere = Path.Combine("/var/lib/platform", hash, "postgres");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, PostgresElsewhere), elsewhere + "\n");
        Console.WriteLine($"the user postgres cannot enter {dataDirectory}: PostgreSQL keeps its data in {elsewhere}");
        return elsewhere;
    }

    /// <summary>--fresh: deletes the data folder (and PostgreSQL's folder elsewhere), refusing one that holds anything AppHost did not put there.</summary>
    private static void WipeDataDirectory(string directory)
    {
        if (!Directory.Exists(directory)) return;
        var foreign = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Where(n => !DataEntries.Contains(n)).ToList();
        if (foreign.Count > 0)
        {
            throw new InfrastructureException(
                $"--fresh would delete {directory}, but it holds files AppHost did not create ({string.Join(", ", foreign.Take(5))}). " +
                "Fix: point --data-dir at a folder used only by AppHost, or delete it yourself.");
        }
        var elsewhere = Path.Combine(directory, PostgresElsewhere);
        if (File.Exists(elsewhere) && File.ReadAllText(elsewhere).Trim() is { Length: > 0 } folder && folder.StartsWith("/var/lib/platform/", StringComparison.Ordinal)
            && Directory.Exists(folder))
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        Console.WriteLine($"--fresh: deleting {directory}");
        Directory.Delete(directory, recursive: true);
    }

    private static int Choose(RememberedPorts remembered, string name, int? configured, string key)
    {
        var port = Ports.Choose(configured ?? remembered.FreeOrNull(name), key);
        remembered.Set(name, port);
        return port;
    }
}
