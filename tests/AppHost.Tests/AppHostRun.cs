using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.AppHost.Tests;

/// <summary>
/// One run of the built AppHost (<c>dotnet Platform.AppHost.dll</c>) with its own temp data folder and
/// run marker, its whole output captured. The launch profile's dashboard settings are given as environment variables
/// (on free ports). Disposing kills whatever the run left behind and removes the folder.
/// </summary>
internal sealed class AppHostRun : IAsyncDisposable
{
    private readonly StringBuilder _output = new();

    public AppHostRun()
    {
        Directory.CreateDirectory(DataDirectory);
    }

    /// <summary>Unique per run; every process AppHost and DCP start inherits it (PLATFORM_APPHOST_RUN).</summary>
    public string RunId { get; } = "apphost-test-" + Guid.NewGuid().ToString("N");

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "apphost-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>AppHost built in the same configuration as the tests (the ProjectReference builds it first).</summary>
    public static string AppHostDll
    {
        get
        {
            var configuration = typeof(AppHostRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var framework = "net" + AppContext.TargetFrameworkName!.Split("Version=v")[1];
            return Path.Combine(RepositoryRoot, "AppHost", "bin", configuration, framework, "Platform.AppHost.dll");
        }
    }

    /// <summary>Runs AppHost to its end (killing it after <paramref name="timeout"/>) and returns its exit code.</summary>
    public async Task<int> RunAsync(IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(arguments, environment);
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"AppHost did not finish within {timeout.TotalSeconds:0} s. Output:\n{Output}");
        }
        return process.ExitCode;
    }

    /// <summary>Starts AppHost and leaves it running; the caller stops it.</summary>
    public Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        Assert.True(File.Exists(AppHostDll), $"{AppHostDll} is missing: build AppHost first.");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(AppHostDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(DataDirectory);
        start.Environment["PLATFORM_APPHOST_RUN"] = RunId;
        // What AppHost's http launch profile sets (dotnet run applies it; the tests run the built dll).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://localhost:{FreePort()}";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{FreePort()}";
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits until the output has a line matching <paramref name="pattern"/>; fails with the output after <paramref name="timeout"/>.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (pattern.Match(Output) is { Success: true } match) return match;
            await Task.Delay(200);
        }
        Assert.Fail($"AppHost did not print /{pattern}/ within {timeout.TotalSeconds:0} s. Output:\n{Output}");
        return null!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>
    /// Live processes (zombies ignored) whose command line or environment mentions this run: its data
    /// folder (PostgreSQL's -D, RabbitMQ's mnesia and HOME, epmd) or its run marker (the services).
    /// </summary>
    public IReadOnlyList<string> LeftoverProcesses()
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z')) continue;
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var environment = File.ReadAllText(Path.Combine(dir, "environ")).Replace('\0', ' ');
                if (commandLine.Contains(DataDirectory, StringComparison.Ordinal) || environment.Contains(DataDirectory, StringComparison.Ordinal)
                    || environment.Contains(RunId, StringComparison.Ordinal))
                {
                    found.Add($"{pid}: {commandLine.Trim()}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }
        return found;
    }

    /// <summary>
    /// Asserts that nothing of this run is alive, allowing <paramref name="grace"/> (30 s by default) for processes that
    /// are just ending: DCP's own server ends a few seconds after AppHost, and after <c>kill -9</c> of AppHost DCP's
    /// monitor needs a few seconds to notice.
    /// </summary>
    public async Task AssertNothingLeftRunningAsync(TimeSpan? grace = null)
    {
        var clock = Stopwatch.StartNew();
        var left = LeftoverProcesses();
        while (left.Count > 0 && clock.Elapsed < (grace ?? TimeSpan.FromSeconds(30)))
        {
            await Task.Delay(200);
            left = LeftoverProcesses();
        }
        Assert.True(left.Count == 0, $"Processes left behind:\n{string.Join('\n', left)}\n\nAppHost output:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        // A failed test must not leave servers running on the machine.
        foreach (var line in LeftoverProcesses())
        {
            try
            {
                using var process = Process.GetProcessById(int.Parse(line[..line.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture));
                process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }
        await Task.Delay(100);
        try
        {
            if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
