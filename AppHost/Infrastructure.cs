using Npgsql;
using Platform.LocalInfrastructure;

namespace Platform.AppHost;

/// <summary>
/// PostgreSQL (<c>postgres</c>) and RabbitMQ (<c>messaging</c>): the servers named by
/// <c>ConnectionStrings:postgres</c> / <c>ConnectionStrings:messaging</c> as they are, or local ones started
/// with LocalInfrastructure, in parallel, with their data in the data folder.
/// </summary>
internal sealed class Infrastructure : IAsyncDisposable
{
    /// <summary>Entries AppHost itself puts into the data folder; --fresh deletes nothing else.</summary>
    private static readonly string[] DataEntries = ["postgres", "rabbitmq", "ports.json"];

    private readonly string? _externalPostgres;

    private Infrastructure(PostgresServer? postgres, string? externalPostgres, RabbitMqBroker? rabbitMq, string messaging)
    {
        LocalPostgres = postgres;
        _externalPostgres = externalPostgres;
        LocalRabbitMq = rabbitMq;
        MessagingConnectionString = messaging;
        var server = new NpgsqlConnectionStringBuilder(postgres?.ConnectionString("postgres") ?? externalPostgres);
        PostgresEndpoint = (server.Host!, server.Port);
        var broker = new Uri(messaging);
        MessagingEndpoint = (broker.Host, broker.IsDefaultPort || broker.Port < 0 ? (broker.Scheme == "amqps" ? 5671 : 5672) : broker.Port);
    }

    public PostgresServer? LocalPostgres { get; }
    public RabbitMqBroker? LocalRabbitMq { get; }
    public string MessagingConnectionString { get; }
    public (string Host, int Port) PostgresEndpoint { get; }
    public (string Host, int Port) MessagingEndpoint { get; }

    public string PostgresUrl => $"tcp://{PostgresEndpoint.Host}:{PostgresEndpoint.Port}";

    public string MessagingUrl =>
        $"amqp://{MessagingEndpoint.Host}:{MessagingEndpoint.Port}"
        + (LocalRabbitMq?.ManagementPort is { } management ? $" (management UI http://127.0.0.1:{management})" : "");

    /// <summary>The connection string of one service's database on the server.</summary>
    public string DatabaseConnectionString(string database) =>
        LocalPostgres?.ConnectionString(database)
        ?? new NpgsqlConnectionStringBuilder(_externalPostgres) { Database = database }.ConnectionString;

    /// <summary>Fails before anything starts if a configured port is taken.</summary>
    public static void CheckConfiguredPorts(AppHostOptions options)
    {
        if (options.PostgresConnectionString is null && options.PostgresPort is { } postgres)
        {
            Ports.Choose(postgres, "Infrastructure:Postgres:Port");
        }
        if (options.MessagingConnectionString is null)
        {
            if (options.RabbitMqPort is { } amqp) Ports.Choose(amqp, "Infrastructure:RabbitMq:Port");
            if (options.RabbitMqManagementPort is { } management) Ports.Choose(management, "Infrastructure:RabbitMq:ManagementPort");
        }
    }

    /// <summary>--fresh: deletes the data folder, refusing a folder that holds anything AppHost did not put there.</summary>
    public static void WipeDataDirectory(string directory)
    {
        if (!Directory.Exists(directory)) return;
        var foreign = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Where(n => !DataEntries.Contains(n)).ToList();
        if (foreign.Count > 0)
        {
            throw new InfrastructureException(
                $"--fresh would delete {directory}, but it holds files AppHost did not create ({string.Join(", ", foreign.Take(5))}). " +
                "Fix: point --data-dir at a folder used only by AppHost, or delete it yourself.");
        }
        Output.AppHost($"--fresh: deleting {directory}");
        Directory.Delete(directory, recursive: true);
    }

    public static async Task<Infrastructure> StartAsync(AppHostOptions options, StatusTable table)
    {
        var remembered = RememberedPorts.Load(options.DataDirectory);
        // Not cancellable: a server half-way through starting is let finish, so that it can be stopped cleanly.
        var postgres = options.PostgresConnectionString is null
            ? StartPostgresAsync(options, remembered, table)
            : Task.FromResult<PostgresServer?>(null);
        var rabbitMq = options.MessagingConnectionString is null
            ? StartRabbitMqAsync(options, remembered, table)
            : Task.FromResult<RabbitMqBroker?>(null);
        try
        {
            await Task.WhenAll(postgres, rabbitMq);
        }
        catch
        {
            if (postgres.IsCompletedSuccessfully && postgres.Result is { } startedPostgres) await startedPostgres.StopAsync();
            if (rabbitMq.IsCompletedSuccessfully && rabbitMq.Result is { } startedRabbitMq) await startedRabbitMq.StopAsync();
            if (postgres.Exception is not null && rabbitMq.Exception is not null)
            {
                // Both failed: the first one is thrown, the other is at least shown.
                Output.Line(Resources.Messaging, $"also failed: {rabbitMq.Exception.GetBaseException().Message}");
            }
            throw;
        }

        var infrastructure = new Infrastructure(postgres.Result, options.PostgresConnectionString, rabbitMq.Result,
            rabbitMq.Result?.ConnectionString() ?? options.MessagingConnectionString!);
        if (postgres.Result is not null || rabbitMq.Result is not null)
        {
            remembered.Set(Resources.Postgres, postgres.Result?.Port);
            remembered.Set(Resources.Messaging, rabbitMq.Result?.Port);
            remembered.Set("messaging-management", rabbitMq.Result?.ManagementPort);
            remembered.Save();
        }
        table.Update(Resources.Postgres, ResourceState.Running, Health.Healthy, infrastructure.PostgresUrl);
        table.Update(Resources.Messaging, ResourceState.Running, Health.Healthy, infrastructure.MessagingUrl);
        infrastructure.PrintFacts(options);
        return infrastructure;
    }

    private static async Task<PostgresServer?> StartPostgresAsync(AppHostOptions options, RememberedPorts remembered, StatusTable table)
    {
        table.Update(Resources.Postgres, ResourceState.Starting);
        var server = await PostgresServer.StartAsync(new PostgresServerOptions
        {
            Directory = Path.Combine(options.DataDirectory, "postgres"),
            Port = options.PostgresPort ?? remembered.FreeOrNull(Resources.Postgres),
            Log = message => Output.Line(Resources.Postgres, message),
        });
        try
        {
            foreach (var project in Resources.Services)
            {
                if (project.Database is not null) await server.CreateDatabaseAsync(project.Database);
            }
            return server;
        }
        catch (Exception ex)
        {
            await server.StopAsync();
            throw new InfrastructureException(
                $"Creating the services' databases on the local PostgreSQL failed: {ex.Message}. " +
                $"Fix: read {Path.Combine(server.Directory, "postgres.log")}; if the data folder is damaged, start again with --fresh.", ex);
        }
    }

    private static async Task<RabbitMqBroker?> StartRabbitMqAsync(AppHostOptions options, RememberedPorts remembered, StatusTable table)
    {
        table.Update(Resources.Messaging, ResourceState.Starting);
        // The management UI adds seconds to start-up: on for people, off for --smoke unless a port is configured.
        var management = options.RabbitMqManagementPort
            ?? (options.Smoke ? null : remembered.FreeOrNull("messaging-management") ?? 0);
        return await RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions
        {
            Directory = Path.Combine(options.DataDirectory, "rabbitmq"),
            Port = options.RabbitMqPort ?? remembered.FreeOrNull(Resources.Messaging),
            ManagementPort = management,
            Log = message => Output.Line(Resources.Messaging, message),
        });
    }

    private void PrintFacts(AppHostOptions options)
    {
        var databases = string.Join(", ", Resources.Services.Select(s => s.Database));
        Output.AppHost(LocalPostgres is { } postgres
            ? $"PostgreSQL: 127.0.0.1:{postgres.Port}, user {PostgresServer.User}, password in {Path.Combine(postgres.Directory, "password")}; databases {databases}"
            : $"PostgreSQL: {PostgresEndpoint.Host}:{PostgresEndpoint.Port} from ConnectionStrings:postgres; databases {databases}");
        Output.AppHost(LocalRabbitMq is { } rabbitMq
            ? $"RabbitMQ: amqp://127.0.0.1:{rabbitMq.Port} (user {RabbitMqBroker.User}/{RabbitMqBroker.Password}), " +
              (rabbitMq.ManagementPort is { } ui ? $"management UI http://127.0.0.1:{ui}" : "management UI off" + (options.Smoke ? " (--smoke)" : ""))
            : $"RabbitMQ: {MessagingEndpoint.Host}:{MessagingEndpoint.Port} from ConnectionStrings:messaging");
    }

    /// <summary>Stops the local servers (RabbitMQ with its epmd, then PostgreSQL, in parallel); external ones are left alone.</summary>
    public async ValueTask DisposeAsync()
    {
        var stops = new List<Task>();
        if (LocalRabbitMq is not null) stops.Add(StopAsync(Resources.Messaging, LocalRabbitMq.StopAsync));
        if (LocalPostgres is not null) stops.Add(StopAsync(Resources.Postgres, LocalPostgres.StopAsync));
        await Task.WhenAll(stops);
    }

    private static async Task StopAsync(string name, Func<Task> stop)
    {
        Output.Line(name, "stopping...");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await stop();
            Output.Line(name, $"stopped ({clock.Elapsed.TotalSeconds:0.0} s)");
        }
        catch (Exception ex)
        {
            Output.Line(name, $"stopping failed: {ex.Message}");
        }
    }
}
