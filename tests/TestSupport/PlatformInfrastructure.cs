using Npgsql;
using Platform.LocalInfrastructure;
using Xunit;

namespace Platform.TestSupport;

/// <summary>
/// Real, throwaway PostgreSQL and RabbitMQ for one test assembly, started with the same provisioning
/// code as AppHost: one cluster and one broker per test run (a broker takes ~7 s to start), a database
/// and a virtual host per test class. Everything lives in a temp folder that is removed afterwards.
/// Register with <c>[assembly: AssemblyFixture(typeof(PlatformInfrastructure))]</c>.
/// </summary>
public sealed class PlatformInfrastructure : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private int _counter;

    public PostgresServer Postgres { get; private set; } = null!;
    public RabbitMqBroker RabbitMq { get; private set; } = null!;

    /// <summary>Folder for whatever else a test needs to keep on disk; removed with the fixture.</summary>
    public string Root => _root;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        // Stop the servers even if the test host is torn down without disposing fixtures.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DisposeAsync().AsTask().GetAwaiter().GetResult();
        var postgres = PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(_root, "postgres"), Throwaway = true });
        var rabbit = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = Path.Combine(_root, "rabbitmq") });
        try
        {
            Postgres = await postgres;
            RabbitMq = await rabbit;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A new, empty database with a unique name; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = Unique(prefix);
        await Postgres.CreateDatabaseAsync(name);
        return Postgres.ConnectionString(name);
    }

    /// <summary>The connection string of a database that does not exist yet (the service under test creates it).</summary>
    /// <remarks>
    /// Idle connections close after a few seconds (Npgsql keeps them five minutes by default): an assembly starts a hundred
    /// service hosts, each on its own database, and their pools would otherwise outlive them and exhaust the server.
    /// </remarks>
    public string NewDatabaseConnectionString(string prefix) =>
        Postgres.ConnectionString(Unique(prefix)) + ";Connection Idle Lifetime=5;Connection Pruning Interval=1";

    /// <summary>A new virtual host, so the test class's exchanges and queues see no other class's messages.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var name = Unique(prefix);
        await RabbitMq.AddVirtualHostAsync(name);
        return RabbitMq.ConnectionString(name);
    }

    public string Unique(string prefix) =>
        $"{new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray())}_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid().ToString("N")[..6]}";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (RabbitMq is not null) await RabbitMq.StopAsync();
        if (Postgres is not null) await Postgres.StopAsync();
        try
        {
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A server that was killed may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
