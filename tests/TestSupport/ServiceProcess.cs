using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Platform.TestSupport;

/// <summary>
/// Runs a built service as its own process, the way AppHost and production start it, to observe what an
/// operator sees: its exit code and what it prints.
/// </summary>
public static class ServiceProcess
{
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>
    /// How the tests start a built service: <c>dotnet &lt;folder&gt;/&lt;assemblyName&gt;.dll</c> in that folder, on loopback
    /// at <paramref name="port"/> (0: one the service picks), OpenTelemetry off, Development, plus <paramref name="environment"/>;
    /// standard output and error redirected.
    /// </summary>
    public static ProcessStartInfo StartInfo(string folder, string assemblyName, int port, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(folder, assemblyName + ".dll"), "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.Environment["OTEL_SDK_DISABLED"] = "true";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }

    /// <summary>The build output of <c>src/&lt;project&gt;</c> in the tests' configuration (its own appsettings.json beside it, as deployed).</summary>
    public static string OutputFolder(string project)
    {
        var configuration = typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        return RepositoryFiles.Path("src", project, "bin", configuration, "net10.0");
    }

    /// <param name="assemblyName">The service's assembly, copied next to the test assembly by its project reference (e.g. <c>Intake</c>).</param>
    public static async Task<Outcome> RunUntilExitAsync(string assemblyName, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(AppContext.BaseDirectory, assemblyName, 0, environment))!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{assemblyName} was still running after {timeout.TotalSeconds:0} s. Output: {stdout}{stderr}");
        }
        process.WaitForExit();
        return new Outcome(process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>
/// A built service running as its own process until the test kills it (<see cref="Kill"/>: SIGKILL, as a crash, an
/// out-of-memory kill or a pulled plug end it, with no chance to finish anything) or disposes it.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningService(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <param name="assemblyName">The service's assembly, copied next to the test assembly by its project reference (e.g. <c>Notifications</c>).</param>
    public static RunningService Start(string assemblyName, IReadOnlyDictionary<string, string> environment)
    {
        return new RunningService(Process.Start(ServiceProcess.StartInfo(AppContext.BaseDirectory, assemblyName, 0, environment))!);
    }

    /// <summary>What it printed so far (standard output and error).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }
}
