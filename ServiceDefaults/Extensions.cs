using Microsoft.Extensions.Http.Resilience;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Microsoft.AspNetCore.Authentication;
using Platform.ServiceDefaults.Correlation;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.OpenApi;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Time;

namespace Platform.ServiceDefaults;

/// <summary>
/// Cross-cutting concerns shared by every service: telemetry, health, service discovery,
/// HTTP resilience, problem details, access-token validation and the OpenAPI document. Follows the shape of Aspire's ServiceDefaults project.
/// </summary>
public static class Extensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddSecretSafeLogging();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Retries only for safe methods: a POST that timed out may have been applied; running it again must be the caller's choice.
            http.AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });
        builder.Services.AddCorrelationId();

        builder.Services.AddSingleton(Clock(builder));
        builder.AddVietnameseProblemDetails();
        builder.AddPlatformAuthentication();
        builder.AddApiReference();
        return builder;
    }

    /// <summary>The system clock; in Development, the test clock <c>Platform:Clock:File</c> names when it is set (<see cref="FileClock"/>).</summary>
    private static TimeProvider Clock(IHostApplicationBuilder builder) =>
        builder.Environment.IsDevelopment() && builder.Configuration[FileClock.Setting] is { Length: > 0 } file
            ? new FileClock(file)
            : TimeProvider.System;

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // Traces and metrics only when they are exported: collected for no one they only cost every request
        // (Activities with their tags and histogram points, server and client side; measured at the gateway).
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;

        // Sources and meters of the database, the bus and the outbox relay are added by src/DataAndMessaging
        // (ConfigureOpenTelemetryTracerProvider), in the five services that have them.
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(o =>
                    o.Filter = context => !context.Request.Path.StartsWithSegments(HealthPath)
                        && !context.Request.Path.StartsWithSegments(AlivePath))
                .AddHttpClientInstrumentation());

        builder.Services.AddOpenTelemetry().UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// <c>/alive</c>: the process answers. <c>/health</c>: every check, including the database and
    /// the broker, passes; AppHost and load balancers use it to decide the service is ready.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="authenticateWhen">
    /// Which requests the default scheme authenticates before the endpoints (all when null). The gateway passes the
    /// requests that can carry its session: elsewhere the scheme's answer is always "nobody", and asking costs every call.
    /// </param>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, Func<HttpContext, bool>? authenticateWhen = null)
    {
        // First: every answer, including those of the middleware below (problems, 401/403, 404), gets the headers.
        app.UsePlatformSecurityHeaders();
        app.UseCorrelationId();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // After the problem-details middleware so a 401/403 gets a body; before every endpoint.
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
        {
            if (authenticateWhen is null) app.UseAuthentication();
            else
            {
                app.UseWhen(authenticateWhen, branch => branch.UseAuthentication());
                // UseAuthentication marks only the branch; unmarked, WebApplication would add it again in front of everything.
                ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
            }
            app.UseAuthorization();
        }
        app.UseNulRefusal();

        // Health stays anonymous: probes carry no token.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        app.MapApiReference();
        return app;
    }
}
