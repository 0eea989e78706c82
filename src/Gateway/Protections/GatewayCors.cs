namespace Platform.Gateway.Protections;

/// <summary>
/// CORS is closed unless origins are listed under <c>Gateway:Cors:Origins</c>: without them no response
/// carries <c>Access-Control-Allow-Origin</c> (the web application is served from the gateway's own origin).
/// </summary>
internal static class GatewayCors
{
    public static string[] Origins(IConfiguration configuration) =>
        configuration.GetSection("Gateway:Cors:Origins").Get<string[]>()?.Where(o => !string.IsNullOrWhiteSpace(o)).ToArray() ?? [];

    public static IServiceCollection AddGatewayCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = Origins(configuration);
        services.AddCors(options =>
        {
            if (origins.Length > 0)
            {
                options.AddDefaultPolicy(policy => policy
                    .WithOrigins(origins)
                    .AllowAnyMethod()
                    .WithHeaders("Authorization", "Content-Type", "If-Match", "X-Correlation-Id")
                    .WithExposedHeaders("X-Correlation-Id", "Retry-After", "ETag", "Location"));
            }
        });
        return services;
    }

    public static IApplicationBuilder UseGatewayCors(this IApplicationBuilder app) =>
        Origins(app.ApplicationServices.GetRequiredService<IConfiguration>()).Length > 0 ? app.UseCors() : app;
}
