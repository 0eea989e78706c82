using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport.Security;

namespace Platform.Security.Tests;

public sealed class KeycloakConfigurationTests
{
    [Fact]
    public async Task A_service_without_a_Keycloak_section_starts_and_refuses_every_token_with_401()
    {
        using var tokens = new TestTokens();
        await using var app = await ProtectedApp.StartAsync(tokens: null);
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ProtectedApp.ReporterPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Mint(new TestUser("a", [PlatformRoles.Reporter])));

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await TokenValidationTests.AssertProblemAsync(response, 401, "Chưa đăng nhập");
    }

    [Fact]
    public async Task A_half_filled_Keycloak_section_stops_the_start_naming_the_missing_keys()
    {
        var settings = new Dictionary<string, string?> { ["Keycloak:Realm"] = "platform" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ProtectedApp.StartAsync(null, settings));

        Assert.Contains("Keycloak:Resource", error.Message, StringComparison.Ordinal);
        Assert.Contains("Keycloak:AuthServerUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_adapter_key_auth_server_url_is_accepted()
    {
        using var tokens = new TestTokens();
        var settings = new Dictionary<string, string?>
        {
            ["Keycloak:realm"] = tokens.Realm,
            ["Keycloak:auth-server-url"] = tokens.AuthServerUrl + "/",
            ["Keycloak:resource"] = tokens.Resource,
        };
        await using var app = await ProtectedApp.StartAsync(null, settings);

        var options = app.Services.GetRequiredService<IOptions<KeycloakOptions>>().Value;

        Assert.Equal(tokens.Issuer, options.Issuer);
    }

    [Fact]
    public async Task Outside_Development_an_http_Keycloak_address_stops_the_start()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Keycloak:Realm"] = "platform",
            ["Keycloak:AuthServerUrl"] = "http://sso.platform.test",
            ["Keycloak:Resource"] = "platform-api",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ProtectedApp.StartAsync(null, settings, "Production"));

        Assert.Contains("Keycloak:AuthServerUrl must use https", error.Message, StringComparison.Ordinal);
    }
}
