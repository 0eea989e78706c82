using System.Diagnostics;
using System.Globalization;

namespace Platform.Bench.GatewayOverhead;

/// <summary>
/// The gateway and the service run as their own processes (as deployed: own thread pool, own GC), started from
/// their own build output with environment variables the way AppHost and compose set them; optionally pinned to
/// one CPU with <c>taskset</c>.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ChildProcess(Process process, string name, string url)
    {
        _process = process;
        Name = name;
        Url = url;
    }

    public string Name { get; }
    public string Url { get; }

    /// <summary>CPU time (user + system) the process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <param name="cpu">CPU to run on (<c>taskset -c</c>), or null to let the scheduler choose.</param>
    public static ChildProcess Start(string name, string dll, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, int port, int? cpu)
    {
        var start = new ProcessStartInfo(cpu is null ? "dotnet" : "taskset")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        if (cpu is { } c)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(c.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var url = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_URLS"] = url;
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        var child = new ChildProcess(process, name, url);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 200) _output.RemoveAt(0);
        }
    }

    /// <summary>Waits until <paramref name="path"/> answers 200 (at most <paramref name="timeout"/>).</summary>
    public async Task WaitReadyAsync(string path, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited) break;
            try
            {
                using var response = await client.GetAsync(path);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        string tail;
        lock (_output) tail = string.Join(Environment.NewLine, _output.TakeLast(20));
        throw new InvalidOperationException($"{Name} at {Url} was not ready ({path}) within {timeout.TotalSeconds:0} s. Output:{Environment.NewLine}{tail}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>
    /// Pins every thread of this process to <paramref name="cpus"/> (<c>taskset -a -cp</c>); processes it starts
    /// afterwards inherit that, PostgreSQL and RabbitMQ included.
    /// </summary>
    public static void PinSelf(string cpus)
    {
        using var taskset = Process.Start(new ProcessStartInfo("taskset", ["-a", "-cp", cpus, Environment.ProcessId.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("taskset did not start");
        taskset.StandardOutput.ReadToEnd();
        taskset.WaitForExit();
        if (taskset.ExitCode != 0) throw new InvalidOperationException($"taskset -a -cp {cpus} failed ({taskset.ExitCode})");
    }

    /// <summary>The build output of a service project of this repository, e.g. <c>src/Gateway/bin/Release/net10.0/Gateway.dll</c>.</summary>
    public static string ServiceDll(string project)
    {
        // bench/GatewayOverhead/bin/<Configuration>/<tfm>/ → the repository root is five levels up.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = output.Name;
        var configuration = output.Parent!.Name;
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", project, "bin", configuration, tfm, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build the bench (it builds {project}).", dll);
    }
}
