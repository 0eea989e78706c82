using Npgsql;

namespace Platform.LocalInfrastructure;

public sealed record PostgresServerOptions
{
    /// <summary>Folder for the cluster (<c>data/</c>), its socket, log and password file.</summary>
    public required string Directory { get; init; }

    /// <summary>Port to listen on; null or 0 chooses a free one.</summary>
    public int? Port { get; init; }

    /// <summary>Throwaway test cluster: durability switched off for speed. Never for data people keep.</summary>
    public bool Throwaway { get; init; }

    public Action<string> Log { get; init; } = _ => { };
}

/// <summary>
/// A PostgreSQL cluster run from the Debian binaries as a local process on 127.0.0.1. Data survives a
/// restart when the same folder is used again; user <c>postgres</c> with a generated password kept in the folder.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string OsUser = "postgres";
    private readonly string _bin;
    private readonly string _dataDirectory;
    private bool _stopped;

    private PostgresServer(string bin, string directory, int port, string password)
    {
        _bin = bin;
        Directory = directory;
        _dataDirectory = Path.Combine(directory, "data");
        Port = port;
        Password = password;
    }

    public string Directory { get; }
    public int Port { get; }
    public string Password { get; }
    public const string User = "postgres";

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = User, Password = Password }.ConnectionString;

    public static async Task<PostgresServer> StartAsync(PostgresServerOptions options, CancellationToken cancellationToken = default)
    {
        var bin = await DebianPackages.PostgresBinAsync(options.Log, cancellationToken);
        var directory = Path.GetFullPath(options.Directory);
        var data = Path.Combine(directory, "data");

        // A cluster left running by a process that was killed: stop it so we own it again.
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            options.Log("stopping a PostgreSQL left running from an earlier start...");
            var (f, a) = Shell.AsUser(OsUser, Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
            await Shell.RunAsync(f, a, cancellationToken: cancellationToken, workingDirectory: directory);
        }

        var port = Ports.Choose(options.Port, "Infrastructure:Postgres:Port");
        var prepared = await PostgresCluster.PrepareAsync(directory, options.Log, cancellationToken);
        var storedPassword = prepared.Password;
        for (var attempt = 1; ; attempt++)
        {
            var settings = $"-p {port} -k {directory} -h 127.0.0.1 -c max_connections=300";
            if (options.Throwaway) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            var (file, args) = Shell.AsUser(OsUser, Path.Combine(bin, "pg_ctl"),
                ["-D", data, "-l", Path.Combine(directory, "postgres.log"), "-w", "-t", "60", "-o", settings, "start"]);
            var started = await Shell.RunAsync(file, args, timeout: TimeSpan.FromMinutes(2), cancellationToken: cancellationToken, workingDirectory: directory);
            if (started.ExitCode == 0) break;
            // A free port chosen a moment ago may have been taken by another process starting at the same time.
            if (attempt < 3 && options.Port is null or 0)
            {
                port = Ports.GetFree();
                continue;
            }
            var log = File.Exists(Path.Combine(directory, "postgres.log")) ? Shell.Tail(await File.ReadAllTextAsync(Path.Combine(directory, "postgres.log"), cancellationToken), 8) : "";
            throw new InfrastructureException($"PostgreSQL did not start on port {port}: {Shell.Tail(started.Output, 5)} {log}. Fix: read {directory}/postgres.log; if the data folder is damaged, start again with --fresh.");
        }
        var server = new PostgresServer(bin, directory, port, storedPassword);
        options.Log($"PostgreSQL listening on 127.0.0.1:{port}");
        return server;
    }

    /// <summary>Creates a database unless it exists.</summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        exists.Parameters.AddWithValue("n", name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        var (file, args) = Shell.AsUser(OsUser, Path.Combine(_bin, "pg_ctl"), ["-D", _dataDirectory, "-m", "fast", "-w", "-t", "30", "stop"]);
        await Shell.RunAsync(file, args, timeout: TimeSpan.FromSeconds(60), workingDirectory: Directory);
    }

    /// <summary>
    /// SIGKILL to the postmaster and every backend it started, as a crash or a pulled plug ends a database server: no
    /// shutdown checkpoint, whatever was not in the write-ahead log is gone. Waits until the processes are gone; start it
    /// again with <see cref="StartAsync"/> on the same folder and port (crash recovery replays the log). Not on Windows.
    /// </summary>
    public async Task KillAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return;
        var firstLine = (await File.ReadAllLinesAsync(pidFile)).FirstOrDefault();
        if (!int.TryParse(firstLine, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var pid) || !Shell.IsAlive(pid)) return;
        // The backends first noted, then everything killed at once: a backend outliving its postmaster would keep the shared memory.
        var victims = ChildrenOf(pid).Prepend(pid).ToList();
        await Shell.RunAsync("kill", ["-9", .. victims.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        for (var i = 0; i < 300 && !victims.All(Gone); i++) await Task.Delay(50);
        // Where nobody reaps orphans (a container whose PID 1 is not an init), the dead postmaster stays a zombie that
        // kill(pid, 0) still finds, and the next start would take the stale lock file for a live server. It is dead:
        // its lock file goes, as it would with a reboot.
        if (victims.All(Gone)) File.Delete(pidFile);
        _stopped = true;
    }

    private static bool Gone(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] == 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var stat in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(stat), out var pid)) continue;
            string text;
            try { text = File.ReadAllText(Path.Combine(stat, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            // pid (comm) state ppid …; comm may hold spaces and parentheses: read after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && int.TryParse(fields[1], out var ppid) && ppid == parent) yield return pid;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
