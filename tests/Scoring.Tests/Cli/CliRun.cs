using System.Diagnostics;
using System.Text;
using Platform.Scoring.Cli;

namespace Platform.Scoring.Tests.Cli;

/// <summary>What the command line did: exit code, standard output, standard error.</summary>
internal sealed record CliOutcome(int ExitCode, string Stdout, string Stderr)
{
    public string[] OutputLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the scoring CLI in-process through its command classes, or as a real process.</summary>
internal static class CliRun
{
    /// <summary><c>score</c> with the given arguments, standard input <paramref name="stdin"/>.</summary>
    public static async Task<CliOutcome> Score(string[] args, string stdin = "")
    {
        var (exit, stdout, stderr) = await ScoreBytes(args, Encoding.UTF8.GetBytes(stdin));
        return new CliOutcome(exit, Encoding.UTF8.GetString(stdout), stderr);
    }

    /// <summary><c>score</c> with the given arguments and these bytes on standard input: exit code, standard output's bytes, standard error.</summary>
    public static async Task<(int ExitCode, byte[] Stdout, string Stderr)> ScoreBytes(string[] args, byte[] stdin)
    {
        using var input = new MemoryStream(stdin);
        using var output = new MemoryStream();
        await using var error = new StringWriter();
        var exit = await ScoreCommand.RunAsync(args, input, output, error);
        return (exit, output.ToArray(), error.ToString());
    }

    /// <summary><c>score --input -</c> with <paramref name="json"/> on standard input.</summary>
    public static Task<CliOutcome> ScoreJson(string json) => Score(["--input", "-"], json);

    /// <summary><c>simulate</c> with the given arguments, standard input <paramref name="stdin"/>.</summary>
    public static async Task<CliOutcome> Simulate(string[] args, string stdin = "")
    {
        using var input = new StringReader(stdin);
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exit = await SimulateCommand.RunAsync(args, input, output, error);
        return new CliOutcome(exit, output.ToString(), error.ToString());
    }

    public static CliOutcome Frameworks()
    {
        using var output = new StringWriter();
        var exit = FrameworksCommand.Run(output);
        return new CliOutcome(exit, output.ToString(), "");
    }

    /// <summary><c>dotnet Scoring.Cli.dll args…</c>; the dll sits beside the test assembly (project reference).</summary>
    public static async Task<CliOutcome> Process(string[] args, string stdin = "")
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Scoring.Cli.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
            StandardInputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliOutcome(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>scoring-io.md: scores in the output are decimals, compared with a tolerance of 0.005.</summary>
internal static class Approx
{
    public static void Equal(decimal expected, decimal actual) =>
        Assert.True(Math.Abs(expected - actual) <= 0.005m, $"expected {expected} ± 0.005, got {actual}");
}
