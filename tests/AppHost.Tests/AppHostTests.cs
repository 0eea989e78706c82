using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Platform.AppHost.Tests;

/// <summary>
/// Runs the real AppHost with real PostgreSQL, RabbitMQ and services. The tests of this class run one
/// after another (one class), so they do not compete for the machine's two cores.
/// </summary>
public sealed class AppHostTests
{
    private static readonly string[] Resources = ["postgres", "messaging", "intake", "monthly-scoring", "dx-index", "notifications", "reporting", "gateway", "identity"];

    [Fact]
    public async Task Smoke_start_brings_every_resource_up_and_leaves_no_process_behind()
    {
        await using var run = new AppHostRun();

        var exitCode = await run.RunAsync(["--smoke"], TimeSpan.FromMinutes(4));

        var output = run.Output;
        Assert.True(exitCode == 0, $"exit code {exitCode}\n{output}");
        foreach (var resource in Resources)
        {
            Assert.Matches(new Regex($@"^\[apphost\s*\]\s+{Regex.Escape(resource)}\s+Running\s+Healthy\s", RegexOptions.Multiline), output);
        }
        Assert.Matches(new Regex(@"all healthy in \d+\.\d s"), output);
        Assert.Matches(new Regex(@"Open the platform at: http://127\.0\.0\.1:\d+"), output);
        Assert.Contains("stopped everything", output, StringComparison.Ordinal);
        // The children's own output comes through, prefixed with their name.
        Assert.Matches(new Regex(@"^\[intake\s*\] .*Now listening on: http://127\.0\.0\.1:\d+", RegexOptions.Multiline), output);
        await run.AssertNothingLeftRunningAsync();
    }

    [Fact]
    public async Task A_port_already_taken_ends_with_a_clear_message_and_non_zero_exit()
    {
        await using var run = new AppHostRun();
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var exitCode = await run.RunAsync(["--smoke", $"--Infrastructure:Postgres:Port={port}"], TimeSpan.FromMinutes(1));

        var output = run.Output;
        Assert.True(exitCode == 1, $"exit code {exitCode}\n{output}");
        var errors = output.Split('\n').Where(l => l.Contains("error:", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.Contains(port, error, StringComparison.Ordinal);
        Assert.Contains("already in use", error, StringComparison.Ordinal);
        Assert.Contains("Infrastructure:Postgres:Port", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(run.DataDirectory, "rabbitmq")), $"RabbitMQ was started although the run was doomed:\n{output}");
        await run.AssertNothingLeftRunningAsync();
    }

    [Fact]
    public async Task A_broken_messaging_connection_string_is_refused_before_anything_starts()
    {
        await using var run = new AppHostRun();

        var exitCode = await run.RunAsync(["--smoke"], TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["ConnectionStrings__messaging"] = "not a uri" });

        var output = run.Output;
        Assert.True(exitCode == 1, $"exit code {exitCode}\n{output}");
        var error = Assert.Single(output.Split('\n'), l => l.Contains("error:", StringComparison.Ordinal));
        Assert.Contains("ConnectionStrings:messaging", error, StringComparison.Ordinal);
        Assert.Contains("amqp://", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(run.DataDirectory, "postgres")), $"PostgreSQL was started:\n{output}");
        Assert.DoesNotContain("[postgres", output, StringComparison.Ordinal);
        await run.AssertNothingLeftRunningAsync();
    }

    [Fact]
    public async Task An_unknown_option_prints_the_usage_and_exits_with_2()
    {
        await using var run = new AppHostRun();

        var exitCode = await run.RunAsync(["--smok"], TimeSpan.FromMinutes(1));

        var output = run.Output;
        Assert.True(exitCode == 2, $"exit code {exitCode}\n{output}");
        Assert.Contains("unknown option '--smok'", output, StringComparison.Ordinal);
        Assert.Contains("Usage: dotnet run --project AppHost", output, StringComparison.Ordinal);
    }
}
