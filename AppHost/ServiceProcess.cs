using System.Diagnostics;
using System.Text;
using Platform.LocalInfrastructure;

namespace Platform.AppHost;

/// <summary>A service (or the gateway) failed during start-up; the message names the cause and, if the service said it, the fix.</summary>
internal sealed class ResourceFailedException(string resource, string message, IReadOnlyList<string> lastLines) : Exception(message)
{
    public string Resource { get; } = resource;
    public IReadOnlyList<string> LastLines { get; } = lastLines;
}

/// <summary>
/// One service run as <c>dotnet &lt;dll&gt;</c>: prefixes and forwards its output, waits for its
/// <c>/health</c>, restarts it with back-off when it crashes after start-up (same port, same variables),
/// and stops it with SIGTERM, then a kill of its process tree.
/// </summary>
internal sealed class ServiceProcess(
    ProjectResource project, string dll, string workingDirectory, int port, IReadOnlyDictionary<string, string> environment, StatusTable table)
{
    /// <summary>Inherited variables that would fight ASPNETCORE_URLS.</summary>
    private static readonly string[] DroppedVariables = ["ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "HTTP_PORTS", "HTTPS_PORTS", "DOTNET_URLS"];

    private static readonly TimeSpan HealthInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);
    private const int KeptLines = 12;

    private readonly Lock _gate = new();
    private readonly Queue<string> _lastLines = new();
    private Process? _process;
    private long _startedAt;
    private bool _stopRequested;
    private string? _couldNotStart;

    public ProjectResource Project { get; } = project;
    public string Name => Project.Name;
    public int Port { get; } = port;
    public string Url => $"http://127.0.0.1:{Port}";

    public int? ProcessId
    {
        get
        {
            lock (_gate) return _process is { HasExited: false } p ? p.Id : null;
        }
    }

    /// <summary>The dotnet host AppHost itself runs on, so services get the same runtime.</summary>
    private static string DotnetHost =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    public void Start(bool restart = false)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var name in DroppedVariables) start.Environment.Remove(name);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        lock (_gate)
        {
            if (_stopRequested)
            {
                process.Dispose();
                return;
            }
            _couldNotStart = null;
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                process.Dispose();
                throw new ResourceFailedException(Name,
                    $"Could not run '{DotnetHost} {dll}' for {Name}: {ex.Message}. Fix: make sure the dotnet command is on PATH.", []);
            }
            _process?.Dispose();
            _process = process;
            _startedAt = Stopwatch.GetTimestamp();
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        table.Update(Name, ResourceState.Starting, Health.Unknown, restarted: restart);
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        Output.Line(Name, line);
        lock (_gate)
        {
            // RunService.cs prints "<app> could not start: <cause and fix>" when start-up fails.
            if (line.Contains(" could not start: ", StringComparison.Ordinal)) _couldNotStart = line.Trim();
            // Stack frames would crowd out what the service said; they are on the console above.
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("at ", StringComparison.Ordinal) || trimmed.StartsWith("--- End of", StringComparison.Ordinal)) return;
            _lastLines.Enqueue(line);
            while (_lastLines.Count > KeptLines) _lastLines.Dequeue();
        }
    }

    /// <summary>Polls <c>GET /health</c> every 250 ms; the process exiting or not getting healthy in time is a <see cref="ResourceFailedException"/>.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Process process;
        lock (_gate) process = _process ?? throw new InvalidOperationException($"{Name} was not started.");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(CancellationToken.None); // the rest of its output
                table.Update(Name, ResourceState.Failed, Health.Unhealthy);
                throw Failure($"{Name} exited with code {process.ExitCode} during start-up");
            }
            var (healthy, detail) = await HealthProbe.CheckAsync(Url, cancellationToken);
            if (healthy)
            {
                table.Update(Name, ResourceState.Running, Health.Healthy);
                return;
            }
            if (clock.Elapsed > timeout)
            {
                table.Update(Name, ResourceState.Failed, Health.Unhealthy);
                throw Failure($"{Name} did not become healthy within {timeout.TotalSeconds:0} s (last answer of GET {Url}/health: {detail})");
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    private ResourceFailedException Failure(string what)
    {
        lock (_gate)
        {
            var reason = _couldNotStart is not null
                ? $"{what}: {_couldNotStart}"
                : $"{what}. Fix: read its output above; run it alone with 'dotnet run --project {Project.ProjectFolder}' to see more.";
            return new ResourceFailedException(Name, reason, [.. _lastLines]);
        }
    }

    /// <summary>
    /// After start-up: watches health every 2 s and restarts the service when it exits, waiting 1 s, 2 s,
    /// 4 s ... up to 30 s between attempts (back to 1 s after a minute of running). Ends when stopping.
    /// </summary>
    public async Task SuperviseAsync(CancellationToken stopping)
    {
        var backOff = TimeSpan.FromSeconds(1);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                Process? process;
                lock (_gate) process = _process;
                if (process is null) return;
                var exited = process.WaitForExitAsync(stopping);
                while (await Task.WhenAny(exited, Task.Delay(HealthInterval, stopping)) != exited && !stopping.IsCancellationRequested)
                {
                    var (healthy, _) = await HealthProbe.CheckAsync(Url, stopping);
                    if (!process.HasExited) table.Update(Name, ResourceState.Running, healthy ? Health.Healthy : Health.Unhealthy);
                }
                await exited;

                lock (_gate)
                {
                    if (_stopRequested) return;
                }
                var ranFor = Stopwatch.GetElapsedTime(_startedAt);
                if (ranFor > TimeSpan.FromMinutes(1)) backOff = TimeSpan.FromSeconds(1);
                table.Update(Name, ResourceState.Exited, Health.Unhealthy);
                Output.AppHost($"{Name} exited with code {process.ExitCode} after {ranFor.TotalSeconds:0.0} s; restarting in {backOff.TotalSeconds:0} s on the same port");
                await Task.Delay(backOff, stopping);
                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, MaxBackOff.Ticks));
                Start(restart: true);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: StopAsync takes it from here.
        }
    }

    /// <summary>SIGTERM, up to <paramref name="grace"/> (or until <paramref name="hurry"/>) to exit, then kill the whole process tree.</summary>
    public async Task StopAsync(TimeSpan grace, CancellationToken hurry)
    {
        Process? process;
        lock (_gate)
        {
            _stopRequested = true;
            process = _process;
        }
        if (process is null) return;
        var clock = Stopwatch.StartNew();
        if (!process.HasExited)
        {
            table.Update(Name, ResourceState.Stopping);
            Shell.Terminate(process.Id);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(hurry);
            wait.CancelAfter(grace);
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                Output.AppHost($"{Name} did not stop within {grace.TotalSeconds:0} s of SIGTERM; killing it");
                Kill();
                await process.WaitForExitAsync(CancellationToken.None);
            }
            Output.AppHost($"{Name} stopped (exit code {process.ExitCode}, {clock.Elapsed.TotalSeconds:0.0} s)");
        }
        table.Update(Name, ResourceState.Stopped, Health.Unknown);
    }

    /// <summary>Last resort (AppHost is exiting): kills the process tree at once.</summary>
    public void Kill()
    {
        lock (_gate)
        {
            _stopRequested = true;
            try
            {
                if (_process is { HasExited: false } process) process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
