using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Platform.AppHost.Tests;

/// <summary>
/// Runs the real AppHost (.NET Aspire) with real PostgreSQL, RabbitMQ and services. The tests of this class run one
/// after another (one class), so they do not compete for the machine's two cores.
/// </summary>
public sealed partial class AppHostTests
{
    [Fact]
    public async Task Smoke_start_brings_every_resource_up_and_leaves_no_process_behind()
    {
        await using var run = new AppHostRun();

        var exitCode = await run.RunAsync(["--smoke"], TimeSpan.FromMinutes(4));

        var output = run.Output;
        Assert.True(exitCode == 0, $"exit code {exitCode}\n{output}");
        Assert.Contains("infrastructure: local processes (Debian PostgreSQL and RabbitMQ, development identity provider)", output, StringComparison.Ordinal);
        Assert.Matches(AllHealthy(), output);
        Assert.Matches(new Regex(@"Open the platform at: http://localhost:\d+"), output);
        // Development: the notifications service mails the SMTP catcher, whose page AppHost names.
        Assert.Matches(new Regex(@"Sent mail \(SMTP catcher\): http://localhost:\d+"), output);
        Assert.Contains("--smoke: everything came up healthy; stopping", output, StringComparison.Ordinal);
        // Aspire's hosting and DCP ran it: the data folder holds the PostgreSQL cluster and RabbitMQ's node.
        Assert.Contains("Distributed application started", output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(run.DataDirectory, "postgres", "data")), output);
        Assert.True(Directory.Exists(Path.Combine(run.DataDirectory, "rabbitmq")), output);
        await run.AssertNothingLeftRunningAsync();
    }

    [Fact]
    public async Task A_crashed_service_is_restarted_and_kill_9_of_AppHost_leaves_no_process_behind()
    {
        await using var run = new AppHostRun();
        using var apphost = run.Start([]);
        await run.WaitForOutputAsync(AllHealthy(), TimeSpan.FromMinutes(4));
        var gateway = new Uri((await run.WaitForOutputAsync(new Regex(@"Open the platform at: (http://localhost:\d+)"), TimeSpan.FromSeconds(5))).Groups[1].Value);
        var intake = Assert.Single(run.LeftoverProcesses(), p => p.Contains("/net10.0/Intake", StringComparison.Ordinal) && !p.Contains("dotnet run", StringComparison.Ordinal));
        var intakePid = int.Parse(intake[..intake.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture);

        System.Diagnostics.Process.GetProcessById(intakePid).Kill();

        await run.WaitForOutputAsync(new Regex(@"intake exited with code \d+; restarting it in 1 s"), TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = gateway };
        var healthy = false;
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); !healthy && clock.Elapsed < TimeSpan.FromMinutes(2); await Task.Delay(500, TestContext.Current.CancellationToken))
        {
            try
            {
                using var response = await http.GetAsync("/health/all", TestContext.Current.CancellationToken);
                healthy = response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                // The gateway answers again once intake is back.
            }
        }
        Assert.True(healthy, $"intake did not come back healthy:\n{run.Output}");
        Assert.Contains(run.LeftoverProcesses(), p => p.Contains("/net10.0/Intake", StringComparison.Ordinal) && !p.StartsWith($"{intakePid}:", StringComparison.Ordinal));

        apphost.Kill();
        await apphost.WaitForExitAsync(TestContext.Current.CancellationToken);
        await run.AssertNothingLeftRunningAsync(TimeSpan.FromSeconds(60));
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
        var error = Assert.Single(output.Split('\n'), l => l.Contains("error:", StringComparison.Ordinal));
        Assert.Contains(port, error, StringComparison.Ordinal);
        Assert.Contains("already in use", error, StringComparison.Ordinal);
        Assert.Contains("Infrastructure:Postgres:Port", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Distributed application starting", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(run.DataDirectory, "rabbitmq")), $"RabbitMQ was prepared although the run was doomed:\n{output}");
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
        Assert.False(Directory.Exists(Path.Combine(run.DataDirectory, "postgres")), $"PostgreSQL was prepared:\n{output}");
        Assert.DoesNotContain("Distributed application starting", output, StringComparison.Ordinal);
        await run.AssertNothingLeftRunningAsync();
    }

    [Theory]
    [InlineData("--smok")]
    [InlineData("--infrastructure=kubernetes")]
    public async Task A_bad_command_line_prints_the_usage_and_exits_with_2(string argument)
    {
        await using var run = new AppHostRun();

        var exitCode = await run.RunAsync([argument], TimeSpan.FromMinutes(1));

        var output = run.Output;
        Assert.True(exitCode == 2, $"exit code {exitCode}\n{output}");
        Assert.Contains("error: ", output, StringComparison.Ordinal);
        Assert.Contains(argument.Split('=').Last(), output, StringComparison.Ordinal);
        Assert.Contains("Usage: dotnet run --project AppHost", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"all healthy in \d+\.\d s")]
    private static partial Regex AllHealthy();
}
