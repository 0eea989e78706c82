using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.ServiceDefaults;

/// <summary>What <c>GET /api/{service}</c> answers: the service's name and, in Vietnamese, what it does.</summary>
public sealed record ServiceInfo(string Service, string Description);

public static class ServiceInfoEndpoint
{
    /// <summary><c>GET /api/{service}</c>: which service answers behind the gateway's prefix; public, it holds no data.</summary>
    public static RouteHandlerBuilder MapServiceInfo(this IEndpointRouteBuilder app, string service, string description) =>
        app.MapGet($"/api/{service}", () => TypedResults.Ok(new ServiceInfo(service, description))).AllowAnonymous();
}
