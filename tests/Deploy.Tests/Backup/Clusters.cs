using System.Diagnostics;
using Npgsql;
using Platform.LocalInfrastructure;

namespace Platform.Deploy.Tests.Backup;

/// <summary>
/// Throwaway PostgreSQL clusters of one test (each its own process and folder), set up as a production cluster is:
/// <c>deploy/postgres/init-databases.sql</c> run by the superuser with the logins' passwords in the environment. Runs
/// <c>deploy/backup/backup.sh</c> and <c>restore.sh</c> against them in host mode (PG* variables).
/// </summary>
internal sealed class Clusters : IAsyncDisposable
{
    /// <summary>The .env passwords of the services' logins, as compose passes them to PostgreSQL.</summary>
    public static readonly IReadOnlyDictionary<string, string> Passwords = new Dictionary<string, string>
    {
        ["INTAKE_DB_PASSWORD"] = "intake-test-pw",
        ["MONTHLY_SCORING_DB_PASSWORD"] = "monthly-scoring-test-pw",
        ["DX_INDEX_DB_PASSWORD"] = "dx-index-test-pw",
        ["NOTIFICATIONS_DB_PASSWORD"] = "notifications-test-pw",
        ["REPORTING_DB_PASSWORD"] = "reporting-test-pw",
        ["GATEWAY_DB_PASSWORD"] = "gateway-test-pw",
        ["KEYCLOAK_DB_PASSWORD"] = "keycloak-test-pw",
    };

    private readonly List<PostgresServer> _servers = [];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "platform-backup-tests-" + Guid.NewGuid().ToString("N")[..10]);

    public async Task<PostgresServer> StartAsync(string name)
    {
        var server = await PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(Root, name), Throwaway = true },
            TestContext.Current.CancellationToken);
        _servers.Add(server);
        return server;
    }

    /// <summary>A cluster as compose's first start leaves it: the logins and their empty databases.</summary>
    public async Task<PostgresServer> StartInitialisedAsync(string name)
    {
        var server = await StartAsync(name);
        var init = await RunAsync(server, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-f",
            RepositoryFiles.Path("deploy", "postgres", "init-databases.sql"));
        Assert.True(init.ExitCode == 0, init.ToString());
        return server;
    }

    /// <summary>The connection string a service uses: its own login, not the superuser.</summary>
    public static string ServiceConnection(PostgresServer server, string database, string login, string passwordVariable) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = server.Port, Database = database, Username = login, Password = Passwords[passwordVariable],
            ConnectionIdleLifetime = 5, ConnectionPruningInterval = 1,
        }.ConnectionString;

    public Task<Result> BackupAsync(PostgresServer server, params string[] arguments) =>
        RunAsync(server, "bash", [RepositoryFiles.Path("deploy", "backup", "backup.sh"), "--host", .. arguments]);

    public Task<Result> RestoreAsync(PostgresServer server, params string[] arguments) =>
        RunAsync(server, "bash", [RepositoryFiles.Path("deploy", "backup", "restore.sh"), "--host", .. arguments]);

    /// <summary>Runs deploy/backup/<paramref name="script"/> with <paramref name="bin"/> first on the PATH (stand-ins for docker or kubectl).</summary>
    public Task<Result> RunWithPathAsync(PostgresServer server, string bin, string script, params string[] arguments) =>
        RunAsync(server, "bash", [RepositoryFiles.Path("deploy", "backup", script), .. arguments], path: bin);

    public async Task<T?> ScalarAsync<T>(PostgresServer server, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    public async Task<List<string>> DatabasesAsync(PostgresServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>Runs a program with the cluster's PG* variables and the logins' passwords in its environment.</summary>
    public static Task<Result> RunAsync(PostgresServer server, string program, params string[] arguments) => RunAsync(server, program, arguments, path: null);

    private static async Task<Result> RunAsync(PostgresServer server, string program, string[] arguments, string? path)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGHOST"] = "127.0.0.1";
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = PostgresServer.User;
        start.Environment["PGPASSWORD"] = server.Password;
        start.Environment.Remove("PLATFORM_TENANT");
        foreach (var (key, value) in Passwords) start.Environment[key] = value;
        if (path is not null) start.Environment["PATH"] = path + ":" + Environment.GetEnvironmentVariable("PATH");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Result(process.ExitCode, (await stdout).Trim(), await stderr, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var server in _servers) await server.StopAsync();
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A stopping server may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    /// <param name="Output">Standard output (backup.sh prints the backup's folder there).</param>
    /// <param name="Errors">Standard error: the scripts' progress and messages.</param>
    internal sealed record Result(int ExitCode, string Output, string Errors, TimeSpan Elapsed)
    {
        public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n{Output}\n{Errors}";
    }
}
