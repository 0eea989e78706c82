using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Platform.AppHost.Tests;

/// <summary>
/// One run of the built AppHost (<c>dotnet Platform.AppHost.dll</c>) with its own temp data folder and
/// run marker, its whole output captured. Disposing kills whatever the run left behind and removes the folder.
/// </summary>
internal sealed class AppHostRun : IAsyncDisposable
{
    private readonly StringBuilder _output = new();

    public AppHostRun()
    {
        Directory.CreateDirectory(DataDirectory);
    }

    /// <summary>Unique per run; AppHost hands it to every process it starts (PLATFORM_APPHOST_RUN).</summary>
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
        start.Environment["OTEL_SDK_DISABLED"] = "true";
        start.Environment["PLATFORM_APPHOST_RUN"] = RunId;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.StandardInput.Close();
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
            Assert.Fail($"AppHost did not finish within {timeout.TotalSeconds:0} s. Output:\n{Output}");
        }
        return process.ExitCode;
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

    /// <summary>Asserts that nothing of this run is alive, allowing 5 s for processes that are just ending.</summary>
    public async Task AssertNothingLeftRunningAsync()
    {
        var clock = Stopwatch.StartNew();
        var left = LeftoverProcesses();
        while (left.Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(5))
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
