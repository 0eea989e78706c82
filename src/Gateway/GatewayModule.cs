using OpenTelemetry.Trace;
using Platform.Gateway.Protections;
using Platform.Gateway.Routing;
using Platform.Gateway.Session;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Platform.Gateway;

/// <summary>The single address people and machines use: routes <c>/api/&lt;service&gt;/**</c> to each service and everything else to the web application (<c>web</c>).</summary>
public static class GatewayModule
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(GatewaySession.AddSessionTokenTransform);
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        // YARP's span of each forwarded request (proxy.forwarder), between the incoming request and the call to the service.
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource("Yarp.ReverseProxy"));
        builder.AddGatewayProtections();
        builder.AddGatewaySession();
        return builder;
    }

    /// <summary>
    /// The requests the session cookie is checked for before the endpoints: every page, and an <c>/api</c> call only when it
    /// carries the session cookie. Any other API call has no session to find (a machine client's own token is checked by
    /// SessionApi, the services check it too), and asking the cookie handler cost every such call through the gateway.
    /// </summary>
    public static bool AuthenticateWhen(HttpContext context) => GatewaySession.MayCarrySession(context.Request);

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseGatewayProtections();
        app.UseGatewaySession();
        // Authorization of what is proxied belongs to the services, which check every token themselves, and to SessionApi
        // before the proxy (session, CSRF, a machine client's token): no gateway policy, said explicitly, since
        // ServiceDefaults' fallback policy would otherwise ask every page and API call for a bearer token here.
        app.MapReverseProxy().AllowAnonymous();
        return app;
    }
}
