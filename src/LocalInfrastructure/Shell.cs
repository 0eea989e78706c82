using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Platform.LocalInfrastructure;

/// <summary>Runs the command-line tools of the Debian packages and reports their output on failure.</summary>
public static partial class Shell
{
    public static bool IsRoot => geteuid() == 0;

    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(
        string file,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // A tool run as another user (runuser) must be able to enter its working directory.
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (k, v) in environment) start.Environment[k] = v;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InfrastructureException($"'{file} {string.Join(' ', start.ArgumentList)}' did not finish in time. Output: {Tail(output.ToString())}");
        }
        process.WaitForExit();
        lock (output) return new Result(process.ExitCode, output.ToString());
    }

    public static async Task<string> RunCheckedAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var list = arguments.ToList();
        var result = await RunAsync(file, list, environment, timeout, workingDirectory, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InfrastructureException($"'{Path.GetFileName(file)} {string.Join(' ', list)}' failed with exit code {result.ExitCode}: {Tail(result.Output)}");
        }
        return result.Output;
    }

    /// <summary>Runs a tool as the given user when we are root (PostgreSQL refuses to run as root).</summary>
    public static (string File, List<string> Arguments) AsUser(string? user, string file, IEnumerable<string> arguments)
    {
        if (user is null || !IsRoot) return (file, arguments.ToList());
        return ("runuser", ["-u", user, "--", file, .. arguments]);
    }

    public static string Tail(string text, int lines = 15)
    {
        var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" | ", all.Skip(Math.Max(0, all.Length - lines)).Select(l => l.Trim()));
    }

    /// <summary>Sends SIGTERM (graceful stop) to a process.</summary>
    public static void Terminate(int pid) => _ = kill(pid, 15);

    public static bool IsAlive(int pid) => kill(pid, 0) == 0;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint geteuid();

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int kill(int pid, int signal);
}
