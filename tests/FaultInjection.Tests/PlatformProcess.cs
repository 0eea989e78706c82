using System.Diagnostics;

namespace Platform.FaultInjection.Tests;

/// <summary>
/// A built project (src/&lt;Project&gt;/bin/&lt;Configuration&gt;/net10.0) run as its own process on a fixed port, as a
/// deployment runs it: its own appsettings.json, its own environment. <see cref="KillAsync"/> is SIGKILL (nothing
/// finishes, nothing is flushed); <see cref="Start"/> starts it again on the same port with the same settings,
/// so whoever routes to it (the gateway) finds it where it was. Everything it prints goes to <c>logs/&lt;name&gt;.log</c>
/// next to the test assembly.
/// </summary>
public sealed class PlatformProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StreamWriter _log;
    private Process? _process;

    public PlatformProcess(string project, int port, IReadOnlyDictionary<string, string> environment, string? name = null)
    {
        Project = project;
        Name = name ?? project;
        Port = port;
        _environment = environment;
        var logs = Path.Combine(AppContext.BaseDirectory, "logs");
        Directory.CreateDirectory(logs);
        _log = new StreamWriter(Path.Combine(logs, Name + ".log"), append: false) { AutoFlush = true };
    }

    public string Project { get; }
    public string Name { get; }
    public int Port { get; }
    public Uri Url => new($"http://localhost:{Port}");

    public void Start()
    {
        var process = Process.Start(ServiceProcess.StartInfo(ServiceProcess.OutputFolder(Project), Project, Port, _environment))!;
        Write($"---- started (pid {process.Id}) at {DateTimeOffset.UtcNow:O}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Write(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Write(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Write($"---- SIGKILL at {DateTimeOffset.UtcNow:O}");
        process.Dispose();
        _process = null;
    }

    /// <summary>Until <c>/health</c> answers 200 (database and broker reachable); a process that exits or stays unhealthy fails the run with its log's tail.</summary>
    public async Task WaitHealthyAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(3);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_process is null || _process.HasExited)
                throw new InvalidOperationException($"{Name} exited while starting. Its log: {Tail()}");
            try
            {
                using var response = await Http.GetAsync(new Uri(Url, "/health"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} was not healthy within {limit.TotalSeconds:0} s. Its log: {Tail()}");
    }

    private void Write(string line)
    {
        lock (_log) _log.WriteLine(line);
    }

    private string Tail()
    {
        lock (_log)
        {
            _log.Flush();
            var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "logs", Name + ".log"));
            return string.Join('\n', lines.TakeLast(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        lock (_log) _log.Dispose();
    }
}
