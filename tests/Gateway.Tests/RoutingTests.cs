using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.LocalInfrastructure;
using Platform.TestSupport;

namespace Platform.Gateway.Tests;

public sealed class RoutingTests : IAsyncLifetime
{
    private readonly int _intakePort = Ports.GetFree();
    private WebApplication _intake = null!;

    public async ValueTask InitializeAsync()
    {
        // A stand-in for the intake service on a real port, found only through service discovery.
        _intake = await StandIn.StartAsync(_intakePort,
            app => app.MapGet("/api/intake/echo/{value}", (string value, HttpRequest request) => $"intake:{value}:{request.Path}"),
            cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Api_calls_reach_the_service_found_by_service_discovery_with_the_path_unchanged()
    {
        await using var gateway = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["services:intake:http:0"] = $"http://127.0.0.1:{_intakePort}",
        });
        var client = gateway.CreateClient();

        var response = await client.GetAsync("/api/intake/echo/lao-cai", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("intake:lao-cai:/api/intake/echo/lao-cai", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_service_that_is_not_running_gives_a_gateway_error_not_a_hang()
    {
        await using var gateway = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["services:intake:http:0"] = $"http://127.0.0.1:{_intakePort}",
            ["services:reporting:http:0"] = $"http://127.0.0.1:{Ports.GetFree()}",
        });
        var client = gateway.CreateClient();

        var response = await client.GetAsync("/api/reporting/anything", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Dịch vụ không phản hồi", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _intake.DisposeAsync();
}
