namespace Platform.Gateway.Protections;

/// <summary>Issue 6 protections of the gateway; the correlation id itself is in ServiceDefaults (every service).</summary>
internal static class GatewayProtections
{
    public static IHostApplicationBuilder AddGatewayProtections(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRequestBodyLimit(builder.Configuration);
        builder.Services.AddGatewayCors(builder.Configuration);
        builder.Services.AddGatewayRateLimits(builder.Configuration);
        builder.Services.AddAggregatedHealth();
        return builder;
    }

    /// <summary>Runs after MapDefaultEndpoints' middleware (correlation id, problem details), before the proxy.</summary>
    public static WebApplication UseGatewayProtections(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseGatewayCors();
        app.UseRequestBodyLimit();
        app.UseRateLimiter();
        app.MapAggregatedHealth();
        return app;
    }
}
