using System.Diagnostics;

namespace Platform.LocalInfrastructure;

public sealed record RabbitMqBrokerOptions
{
    /// <summary>Folder for the broker's data, logs, configuration and Erlang cookie.</summary>
    public required string Directory { get; init; }

    /// <summary>AMQP port; null or 0 chooses a free one.</summary>
    public int? Port { get; init; }

    /// <summary>Port of the management UI; null leaves the plugin off (it adds seconds to start-up).</summary>
    public int? ManagementPort { get; init; }

    /// <summary>Plugins enabled besides management (when it is on), e.g. <c>rabbitmq_shovel</c>.</summary>
    public IReadOnlyList<string> Plugins { get; init; } = [];

    /// <summary>An AMQPS listener on 127.0.0.1 besides the plain one; null for none.</summary>
    public RabbitMqTlsOptions? Tls { get; init; }

    /// <summary>Lines appended to <c>rabbitmq.conf</c> as they are.</summary>
    public string? ExtraConfiguration { get; init; }

    public Action<string> Log { get; init; } = _ => { };
}

/// <summary>The broker's AMQPS listener: PEM files of its certificate, key and the CA bundle it trusts.</summary>
public sealed record RabbitMqTlsOptions
{
    public required string CertificateFile { get; init; }
    public required string KeyFile { get; init; }
    public required string CaCertificateFile { get; init; }

    /// <summary>AMQPS port; null or 0 chooses a free one.</summary>
    public int? Port { get; init; }
}

/// <summary>
/// A RabbitMQ broker run from the Debian package as a local process with its own node name, ports,
/// Erlang cookie and epmd, so several brokers can run side by side and each stops cleanly.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    public const string User = RabbitMqNode.User;

    private readonly string _bin;
    private readonly Dictionary<string, string> _environment;
    private Process? _process;
    private bool _stopped;

    private RabbitMqBroker(string bin, RabbitMqNode node)
    {
        _bin = bin;
        Node = node;
        _environment = new Dictionary<string, string>(node.Environment);
    }

    public RabbitMqNode Node { get; }
    public string Directory => Node.Directory;
    public int Port => Node.Port;
    public int EpmdPort => Node.EpmdPort;
    public int? ManagementPort => Node.ManagementPort;
    public string NodeName => Node.NodeName;

    /// <summary>The AMQPS port, when the broker was started with <see cref="RabbitMqBrokerOptions.Tls"/>.</summary>
    public int? TlsPort => Node.TlsPort;

    /// <summary>The folder of the Debian package's <c>rabbitmqctl</c>, <c>rabbitmq-plugins</c>.</summary>
    public string BinDirectory => _bin;

    /// <summary>The environment a <c>rabbitmqctl -n <see cref="NodeName"/></c> needs to reach this node (cookie home, epmd port).</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>The AMQP URI Aspire-style clients expect, for a virtual host (default <c>/</c>).</summary>
    public string ConnectionString(string virtualHost = "/") => Node.ConnectionString(virtualHost);

    public static async Task<RabbitMqBroker> StartAsync(RabbitMqBrokerOptions options, CancellationToken cancellationToken = default)
    {
        var bin = await DebianPackages.RabbitMqBinAsync(options.Log, cancellationToken);
        var directory = Path.GetFullPath(options.Directory);
        await StopLeftoverAsync(directory, options.Log);
        // Free ports are chosen, then released until the broker binds them; another process starting a
        // broker or database at the same moment can take one in between. Such a start is tried again
        // with fresh ports (a configured AMQP port is kept).
        for (var attempt = 1; ; attempt++)
        {
            var port = Ports.Choose(options.Port, "Infrastructure:RabbitMq:Port");
            // The distribution port defaults to AMQP + 20000, which clashes between brokers: always choose it.
            var distPort = Ports.GetFree();
            var epmdPort = Ports.GetFree();
            int? management = options.ManagementPort is null ? null : Ports.Choose(options.ManagementPort, "Infrastructure:RabbitMq:ManagementPort");

            int? tlsPort = options.Tls is null ? null : Ports.Choose(options.Tls.Port, "Infrastructure:RabbitMq:TlsPort");

            var node = new RabbitMqNode(directory, port, distPort, epmdPort, management)
            {
                TlsPort = tlsPort, Tls = options.Tls, Plugins = options.Plugins, ExtraConfiguration = options.ExtraConfiguration,
            };
            await node.WriteConfigurationAsync(cancellationToken);
            var broker = new RabbitMqBroker(bin, node);
            try
            {
                await broker.LaunchAsync(options.Log, cancellationToken);
                return broker;
            }
            catch (InfrastructureException ex) when (attempt < 3)
            {
                await broker.StopAsync();
                options.Log($"RabbitMQ did not start ({ex.Message}); trying again with other ports");
            }
            catch
            {
                await broker.StopAsync();
                throw;
            }
        }
    }

    private async Task LaunchAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path.Combine(_bin, "rabbitmq-server"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (k, v) in _environment) start.Environment[k] = v;
        _process = Process.Start(start)!;
        _process.StandardInput.Close();
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // AMQP accepts connections about 10 s after start on these machines.
        var deadline = Stopwatch.StartNew();
        while (!await Ports.AcceptsAsync(Port, cancellationToken))
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                var reason = _process.HasExited ? $"exited with code {_process.ExitCode}" : "did not open its port within 90 s";
                throw new InfrastructureException($"RabbitMQ {reason}. {LogTail()} Fix: read the logs in {Path.Combine(Directory, "log")}; if its data is damaged, start again with --fresh.");
            }
            await Task.Delay(250, cancellationToken);
        }
        await Ctl(["await_startup", "--timeout", "60"], cancellationToken);
        log($"RabbitMQ listening on 127.0.0.1:{Port}" + (ManagementPort is null ? "" : $" (management UI on 127.0.0.1:{ManagementPort})"));
    }

    /// <summary>
    /// A broker left running from this folder by a process that was killed (its pid file is still there
    /// and the process lives): stop it so its port, node name and data are ours again.
    /// </summary>
    private static async Task StopLeftoverAsync(string directory, Action<string> log)
    {
        var pidFile = Path.Combine(directory, "rabbitmq.pid");
        if (!File.Exists(pidFile)) return;
        if (int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var pid) && Shell.IsAlive(pid))
        {
            log($"stopping a RabbitMQ left running from an earlier start (pid {pid})...");
            Shell.Terminate(pid);
            for (var i = 0; i < 100 && Shell.IsAlive(pid); i++) await Task.Delay(100);
            if (Shell.IsAlive(pid))
            {
                try { Process.GetProcessById(pid).Kill(entireProcessTree: true); }
                catch (ArgumentException) { /* already gone */ }
            }
        }
        File.Delete(pidFile);
    }

    /// <summary>Creates a virtual host (about 1 s); tests use one per test class to keep their exchanges apart.</summary>
    public async Task AddVirtualHostAsync(string name, CancellationToken cancellationToken = default)
    {
        await CtlRetryingAsync(["add_vhost", name], cancellationToken);
        await CtlRetryingAsync(["set_permissions", "-p", name, User, ".*", ".*", ".*"], cancellationToken);
    }

    /// <summary>
    /// rabbitmqctl answers 69 ("target node is not running") when it cannot reach a busy node in time — seen on a
    /// 2-core machine running several test projects at once, with the node up. Such a command is tried again (4 times
    /// in all); a virtual host created by an attempt the tool reported as failed counts as created.
    /// </summary>
    private async Task CtlRetryingAsync(string[] arguments, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Ctl(arguments, cancellationToken);
                return;
            }
            catch (InfrastructureException ex) when (arguments[0] == "add_vhost" && attempt > 1 && ex.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            catch (InfrastructureException ex) when (attempt < 4 && ex.Message.Contains("exit code 69", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>Runs <c>rabbitmqctl -n node …</c> (tried again while the node is too busy to answer); returns its output.</summary>
    public async Task<string> CtlAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Ctl(arguments, cancellationToken);
            }
            catch (InfrastructureException ex) when (attempt < 4 && ex.Message.Contains("exit code 69", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>Stops the broker and its epmd. Safe to call twice.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        if (_process is { HasExited: false })
        {
            try
            {
                await Shell.RunAsync(Path.Combine(_bin, "rabbitmqctl"), ["-n", NodeName, "stop"], _environment, TimeSpan.FromSeconds(30));
            }
            catch (InfrastructureException)
            {
                // Fall through to killing the process tree.
            }
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process?.Dispose();
        await Shell.RunAsync("/usr/lib/erlang/bin/epmd", ["-port", EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-kill"], _environment, TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// SIGKILL to the broker's process tree (the Erlang VM and its helpers), as a crash ends it: nothing flushed, no
    /// queue closed. Its epmd (a daemon of its own) stays, as on a real host. <see cref="RestartAsync"/> brings the same
    /// node back on the same ports and data folder.
    /// </summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Starts the same node again (same name, ports and data folder: durable queues and their persistent messages come back).</summary>
    public async Task RestartAsync(Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        _process?.Dispose();
        _stopped = false;
        await LaunchAsync(log ?? (_ => { }), cancellationToken);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private Task<string> Ctl(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        Shell.RunCheckedAsync(Path.Combine(_bin, "rabbitmqctl"), ["-n", NodeName, .. arguments], _environment, TimeSpan.FromSeconds(90), cancellationToken: cancellationToken);

    private string LogTail()
    {
        var logs = System.IO.Directory.Exists(Path.Combine(Directory, "log"))
            ? System.IO.Directory.GetFiles(Path.Combine(Directory, "log"), "*.log")
            : [];
        return logs.Length == 0 ? "" : "Log: " + Shell.Tail(File.ReadAllText(logs[0]), 6);
    }
}
