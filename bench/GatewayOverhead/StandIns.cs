using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Platform.TestSupport.Security;
using Yarp.ReverseProxy.Configuration;

namespace Platform.Bench.GatewayOverhead;

internal static class StandIns
{
    /// <summary>
    /// <c>--role stub</c>: a service whose endpoint does almost no work (a small JSON listing), so the proxy's own
    /// cost is all that differs between the two paths. Run as its own process.
    /// </summary>
    public static async Task<int> RunStubServiceAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        var payload = Enumerable.Range(1, 20).Select(i => new { code = $"lao-cai.xa-{i:00}", name = $"Xã thử {i}", total = 70.5m + i }).ToArray();
        app.MapGet("/api/intake/units", () => Results.Json(new { items = payload, total = payload.Length }));
        app.MapGet("/alive", () => "Healthy");
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// <c>--role bare-proxy --backend-url URL</c>: YARP alone (one route, no protections, no logging, no telemetry), the
    /// floor of what any proxy built on YARP costs here. Run as its own process.
    /// </summary>
    public static async Task<int> RunBareProxyAsync(string backendUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "intake", ClusterId = "intake", Match = new RouteMatch { Path = "/api/intake/{**rest}" } }],
            [new ClusterConfig { ClusterId = "intake", Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = backendUrl } } }]);
        await using var app = builder.Build();
        app.MapReverseProxy();
        app.MapGet("/alive", () => "Healthy");
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// Keycloak's discovery document and signing keys (<c>/realms/{realm}/.well-known/openid-configuration</c> and
    /// <c>…/protocol/openid-connect/certs</c>) for the key of <paramref name="tokens"/>, so the gateway and the
    /// service validate the bench's tokens as they would Keycloak's: fetched once, then signature checks per call.
    /// </summary>
    public static async Task<WebApplication> StartIdentityAsync(TestTokens tokens, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var realm = $"/realms/{tokens.Realm}";
        var key = JsonWebKeyConverter.ConvertFromRSASecurityKey(tokens.PublicKey);
        app.MapGet(realm + "/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = tokens.Issuer,
            ["jwks_uri"] = $"{tokens.Issuer}/protocol/openid-connect/certs",
            ["token_endpoint"] = $"{tokens.Issuer}/protocol/openid-connect/token",
            ["authorization_endpoint"] = $"{tokens.Issuer}/protocol/openid-connect/auth",
        }));
        app.MapGet(realm + "/protocol/openid-connect/certs", () => Results.Json(new
        {
            keys = new[] { new { kid = key.Kid, kty = "RSA", alg = "RS256", use = "sig", n = key.N, e = key.E } },
        }));
        await app.StartAsync();
        return app;
    }
}
