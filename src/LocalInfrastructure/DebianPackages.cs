namespace Platform.LocalInfrastructure;

/// <summary>
/// Finds the Debian-packaged PostgreSQL, RabbitMQ, Chromium and the tests' tools, installing them with apt when we run as root and
/// they are missing. Without root, a missing package is an error that says which command to run.
/// </summary>
public static class DebianPackages
{
    private static readonly SemaphoreSlim AptLock = new(1, 1);

    /// <summary>The <c>bin</c> folder of the newest PostgreSQL under /usr/lib/postgresql.</summary>
    public static async Task<string> PostgresBinAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var bin = FindPostgresBin();
        if (bin is not null) return bin;
        await InstallAsync("postgresql", log, cancellationToken);
        return FindPostgresBin()
            ?? throw new InfrastructureException("PostgreSQL was installed but no /usr/lib/postgresql/<version>/bin/postgres was found. Fix: check the postgresql package (dpkg -L postgresql-15).");
    }

    /// <summary>The folder holding <c>rabbitmq-server</c> and <c>rabbitmqctl</c>.</summary>
    public static async Task<string> RabbitMqBinAsync(Action<string> log, CancellationToken cancellationToken)
    {
        const string bin = "/usr/lib/rabbitmq/bin";
        if (File.Exists(Path.Combine(bin, "rabbitmq-server"))) return bin;
        await InstallAsync("rabbitmq-server", log, cancellationToken);
        return File.Exists(Path.Combine(bin, "rabbitmq-server"))
            ? bin
            : throw new InfrastructureException($"rabbitmq-server was installed but {bin}/rabbitmq-server is missing. Fix: check the package (dpkg -L rabbitmq-server).");
    }

    /// <summary>Debian's Chromium (<c>/usr/bin/chromium</c>), which the browser tests drive with Playwright.</summary>
    public static async Task<string> ChromiumAsync(Action<string> log, CancellationToken cancellationToken)
    {
        const string chromium = "/usr/bin/chromium";
        if (File.Exists(chromium)) return chromium;
        await InstallAsync("chromium", log, cancellationToken);
        return File.Exists(chromium)
            ? chromium
            : throw new InfrastructureException($"chromium was installed but {chromium} is missing. Fix: check the package (dpkg -L chromium).");
    }

    /// <summary>
    /// A command from a Debian package the tests use (<c>/usr/bin/docker-compose</c> from docker-compose, <c>/usr/bin/jq</c>
    /// from jq, …): the path when it is there, installed with apt when it is missing and we run as root.
    /// </summary>
    public static async Task<string> CommandAsync(string path, string package, Action<string> log, CancellationToken cancellationToken)
    {
        if (File.Exists(path)) return path;
        await InstallAsync(package, log, cancellationToken);
        return File.Exists(path)
            ? path
            : throw new InfrastructureException($"{package} was installed but {path} is missing. Fix: check the package (dpkg -L {package}).");
    }

    private static string? FindPostgresBin()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
            .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Dir, "bin", "postgres")) && File.Exists(Path.Combine(d.Dir, "bin", "initdb")))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, "bin"))
            .FirstOrDefault();
    }

    private static async Task InstallAsync(string package, Action<string> log, CancellationToken cancellationToken)
    {
        if (!Shell.IsRoot)
        {
            throw new InfrastructureException(
                $"The Debian package '{package}' is not installed and this user cannot install it. " +
                $"Fix: run 'sudo apt-get update && sudo apt-get install -y {package}' once, or give connection strings to existing servers in configuration.");
        }

        await AptLock.WaitAsync(cancellationToken);
        try
        {
            var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            log($"installing Debian package '{package}' (apt-get; about 20 s)...");
            var install = await Shell.RunAsync("apt-get", ["install", "-y", "-q", "-o", "DPkg::Lock::Timeout=300", "--no-install-recommends", package], env, TimeSpan.FromMinutes(10), cancellationToken: cancellationToken);
            if (install.ExitCode != 0)
            {
                // The package lists may be missing or stale on a fresh machine.
                await Shell.RunAsync("apt-get", ["update", "-q", "-o", "DPkg::Lock::Timeout=300"], env, TimeSpan.FromMinutes(10), cancellationToken: cancellationToken);
                await Shell.RunCheckedAsync("apt-get", ["install", "-y", "-q", "-o", "DPkg::Lock::Timeout=300", "--no-install-recommends", package], env, TimeSpan.FromMinutes(10), cancellationToken: cancellationToken);
            }
            log($"installed '{package}'");
        }
        catch (InfrastructureException ex)
        {
            throw new InfrastructureException($"Installing '{package}' with apt-get failed. Fix: run 'apt-get update && apt-get install -y {package}' and read its error. ({ex.Message})", ex);
        }
        finally
        {
            AptLock.Release();
        }
    }
}
