using System.Security.Cryptography;

namespace Platform.LocalInfrastructure;

/// <summary>A PostgreSQL cluster made ready to run in the foreground (initialised, owned by <c>postgres</c>).</summary>
/// <param name="Directory">Its folder: <c>data/</c>, the socket, the log and the password file.</param>
/// <param name="Command">The program to start: <c>setpriv</c> (as root, switching to <c>postgres</c>) or <c>postgres</c> itself.</param>
/// <param name="Arguments">Its arguments up to the port, which the caller adds (<see cref="PortArguments"/>).</param>
/// <param name="Bin">The Debian PostgreSQL's <c>bin</c> folder (pg_ctl, initdb, postgres).</param>
public sealed record PreparedCluster(string Directory, string Password, string Bin, string Command, IReadOnlyList<string> Arguments)
{
    public const string User = "postgres";

    /// <summary>The rest of the command line: the port and where to listen.</summary>
    public static IReadOnlyList<string> PortArguments(int port, bool throwaway = false) =>
        ["-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-h", "127.0.0.1", "-c", "max_connections=300",
         .. throwaway ? new[] { "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off" } : []];
}

/// <summary>
/// Prepares a Debian PostgreSQL cluster to be run by someone else in the foreground (an Aspire executable resource):
/// installs the package when missing (as root), initialises the cluster once, gives the folder to the <c>postgres</c>
/// user, and says how to start it — through <c>setpriv</c>, which execs PostgreSQL so signals reach it directly
/// (<c>runuser</c> would stay in between).
/// </summary>
public static class PostgresCluster
{
    public static async Task<PreparedCluster> PrepareAsync(string directory, Action<string> log, CancellationToken cancellationToken = default)
    {
        var bin = await DebianPackages.PostgresBinAsync(log, cancellationToken);
        directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(directory);
        var data = Path.Combine(directory, "data");
        var passwordFile = Path.Combine(directory, "password");
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            log($"initialising a new PostgreSQL cluster in {data}");
            if (System.IO.Directory.Exists(data)) System.IO.Directory.Delete(data, recursive: true);
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            System.IO.Directory.CreateDirectory(data);
            await GiveToPostgresUserAsync(directory, cancellationToken);
            var (f, a) = Shell.AsUser(PreparedCluster.User, Path.Combine(bin, "initdb"),
                ["-D", data, "-U", PreparedCluster.User, $"--pwfile={passwordFile}", "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
            await Shell.RunCheckedAsync(f, a, timeout: TimeSpan.FromMinutes(2), cancellationToken: cancellationToken, workingDirectory: directory);
        }
        else
        {
            await GiveToPostgresUserAsync(directory, cancellationToken);
        }
        var stored = (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();
        List<string> postgres = [Path.Combine(bin, "postgres"), "-D", data, "-k", directory];
        return Shell.IsRoot
            ? new PreparedCluster(directory, stored, bin, "setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", .. postgres])
            : new PreparedCluster(directory, stored, bin, postgres[0], postgres[1..]);
    }

    /// <summary>
    /// Whether the <c>postgres</c> user can reach <paramref name="directory"/> (every folder above it must let it
    /// through: a checkout under <c>/root</c> or in a <c>0700</c> folder does not). Always true when not root: the
    /// cluster then runs as the current user.
    /// </summary>
    public static async Task<bool> ReachableByPostgresAsync(string directory, CancellationToken cancellationToken = default)
    {
        if (!Shell.IsRoot) return true;
        var existing = Path.GetFullPath(directory);
        while (!System.IO.Directory.Exists(existing)) existing = Path.GetDirectoryName(existing) ?? "/";
        var (f, a) = Shell.AsUser(PreparedCluster.User, "/usr/bin/test", ["-x", existing]);
        return (await Shell.RunAsync(f, a, cancellationToken: cancellationToken, workingDirectory: "/")).ExitCode == 0;
    }

    internal static async Task GiveToPostgresUserAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Shell.IsRoot) return;
        await Shell.RunCheckedAsync("chown", ["-R", $"{PreparedCluster.User}:{PreparedCluster.User}", directory], cancellationToken: cancellationToken);
        // initdb insists on 0700 or 0750 for the data folder.
        await Shell.RunCheckedAsync("chmod", ["0700", directory], cancellationToken: cancellationToken);
    }
}
