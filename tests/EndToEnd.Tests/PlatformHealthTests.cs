using System.Text.Json;
using Platform.PlatformHarness;

namespace Platform.EndToEnd.Tests;

/// <summary>The platform AppHost starts answers through its gateway, every service healthy, on the test's clock.</summary>
public sealed class PlatformHealthTests(AspirePlatform platform)
{
    [Fact]
    public async Task The_gateway_reports_every_service_healthy()
    {
        using var http = new HttpClient { BaseAddress = platform.GatewayUrl };

        using var response = await http.GetAsync("/health/all", TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        using var health = JsonDocument.Parse(body);
        var services = health.RootElement.GetProperty("services").EnumerateObject().Select(s => (s.Name, Status: s.Value.GetProperty("status").GetString())).ToList();
        Assert.Equal(["dx-index", "intake", "monthly-scoring", "notifications", "reporting", "web"], services.Select(s => s.Name).Order());
        Assert.All(services, s => Assert.Equal("Healthy", s.Status));
    }
}
