using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// The OpenAPI document of every service (<c>/openapi/v1.json</c>, all environments: it holds no data, and the gateway
/// and client generators read it) and the interactive reference (Scalar at <c>/scalar</c>, Development only). Scalar's
/// script is served from the package itself, not from a CDN: the platform runs on government networks without Internet.
/// </summary>
public static class ApiReferenceExtensions
{
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string ReferencePath = "/scalar";

    public static IHostApplicationBuilder AddApiReference(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            // No CdnUrl: Scalar.AspNetCore then serves its embedded scalar.js under /scalar.
            app.MapScalarApiReference(ReferencePath, options => options.WithTitle(app.Environment.ApplicationName))
                .AllowAnonymous();
        }
        return app;
    }
}
