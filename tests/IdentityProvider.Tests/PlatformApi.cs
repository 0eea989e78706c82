using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.IdentityProvider.Tests;

/// <summary>
/// A tiny API set up exactly like the platform's services (the <c>Keycloak</c> section and
/// <c>AddPlatformAuthentication</c>, fetching discovery and certs from the identity provider): <c>GET …/me</c> answers
/// who the token says the caller is. It proves the services accept the identity provider's tokens (and refuse others).
/// </summary>
internal static class PlatformApi
{
    public sealed record Caller(string? Username, string? OrgUnit, string[] Roles, bool Machine);

    /// <param name="audiences">Further accepted audiences (<c>Keycloak:Audiences</c>), besides <c>platform-api</c>.</param>
    public static WebApplicationBuilder CreateBuilder(string authServerUrl, params string[] audiences)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        var settings = new Dictionary<string, string?>
        {
            ["Keycloak:AuthServerUrl"] = authServerUrl,
            ["Keycloak:Realm"] = "platform",
            ["Keycloak:Resource"] = "platform-api",
        };
        for (var i = 0; i < audiences.Length; i++) settings[$"Keycloak:Audiences:{i}"] = audiences[i];
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddVietnameseProblemDetails();
        builder.AddPlatformAuthentication();
        return builder;
    }

    /// <summary>The API in-process (test server): discovery and certs travel to the in-process identity provider.</summary>
    public static async Task<WebApplication> StartInProcessAsync(IdentityProviderFactory idp, params string[] audiences)
    {
        var builder = CreateBuilder(IdentityProviderFactory.PublicUrl, audiences);
        builder.WebHost.UseTestServer();
        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = idp.Server.CreateHandler());
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMe();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>Calls <c>GET /me</c> of an in-process API with <paramref name="token"/> as bearer.</summary>
    public static async Task<HttpResponseMessage> CallAsync(WebApplication api, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await api.GetTestClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static void MapMe(this IEndpointRouteBuilder routes, string pattern = "/me") => routes.MapGet(pattern, Me).RequireAuthorization();

    private static Ok<Caller> Me(ClaimsPrincipal user) => TypedResults.Ok(new Caller(
        user.Identity?.Name, user.OrgUnit(), PlatformRoles.All.Where(user.IsInRole).ToArray(), user.IsMachineClient()));
}
