using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// The smallest service there is: <c>AddServiceDefaults()</c>, <c>MapDefaultEndpoints()</c> and one endpoint,
/// <c>GET /probe</c>, that logs a line, on Kestrel at a free port.
/// </summary>
internal static class ProbeApp
{
    public const string Name = "otlp-probe";
    public const string LogLine = "Probe answered";

    /// <param name="map">More endpoints for the test at hand.</param>
    public static async Task<WebApplication> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken,
        Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = Name, EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/probe", static (ILoggerFactory loggers) =>
        {
            loggers.CreateLogger("Probe").LogInformation(LogLine);
            return "ok";
        });
        map?.Invoke(app);
        await app.StartAsync(cancellationToken);
        return app;
    }

    public static HttpClient Client(WebApplication app) => new() { BaseAddress = new Uri(app.Urls.First()) };
}
