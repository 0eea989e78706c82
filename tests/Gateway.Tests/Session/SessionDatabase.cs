using Platform.LocalInfrastructure;

namespace Platform.Gateway.Tests.Session;

/// <summary>
/// One throwaway PostgreSQL for the tests that need <c>gatewaydb</c>, started the first time one asks (the other gateway
/// tests run without it, on in-memory sessions), stopped when the test process ends.
/// </summary>
internal static class SessionDatabase
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "platform-gateway-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync);
    private static int _counter;

    /// <summary>The connection string of a database that does not exist yet (the gateway creates it, as it does in production).</summary>
    public static async Task<string> NewConnectionStringAsync(string prefix)
    {
        var server = await Server.Value;
        return server.ConnectionString($"{prefix}_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid().ToString("N")[..6]}")
            + ";Connection Idle Lifetime=5;Connection Pruning Interval=1";
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(Root, "postgres"), Throwaway = true });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            server.StopAsync().GetAwaiter().GetResult();
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder; nothing depends on it.
            }
        };
        return server;
    }
}
