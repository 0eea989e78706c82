using System.Net;
using System.Text.Json;
using Platform.Intake;
using Platform.Intake.Data;
using Platform.TestSupport;

namespace Platform.DataAndMessaging.Tests;

public sealed class HealthTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task Health_reports_ready_only_with_the_database_and_the_broker_checked()
    {
        await using var intake = await ServiceHost.StartAsync<Program, IntakeDbContext>(infrastructure, IntakeModule.DatabaseName, "health");
        var client = intake.Client();

        var report = await Eventually.WaitForAsync(
            async () => (await client.GetAsync("/health", TestContext.Current.CancellationToken)),
            r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "a healthy report");

        using var body = JsonDocument.Parse(await report.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var checks = body.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Contains("intakedb", checks);
        Assert.Contains(checks, c => c.StartsWith("masstransit", StringComparison.Ordinal));
        var alive = await client.GetAsync("/alive", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Health_is_unhealthy_while_the_broker_cannot_be_reached()
    {
        await using var intake = await ServiceHost.StartAsync<Program, IntakeDbContext>(infrastructure, IntakeModule.DatabaseName, "nobroker",
            // Nothing listens on this port.
            new Dictionary<string, string> { ["ConnectionStrings:messaging"] = $"amqp://guest:guest@127.0.0.1:{LocalInfrastructure.Ports.GetFree()}/" });
        var client = intake.Client();

        var report = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, report.StatusCode);
    }
}
