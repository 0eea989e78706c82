using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Platform.TestSupport;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// The smallest service there is (<see cref="DefaultsApp"/>) with one endpoint, <c>GET /probe</c>, that logs a line, on
/// Kestrel at a free port.
/// </summary>
internal static class ProbeApp
{
    public const string Name = "otlp-probe";
    public const string LogLine = "Probe answered";

    /// <param name="map">More endpoints for the test at hand.</param>
    public static Task<WebApplication> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken,
        Action<WebApplication>? map = null) =>
        DefaultsApp.StartAsync(app => { app.MapGet("/probe", Probe).AllowAnonymous(); map?.Invoke(app); }, settings, name: Name, kestrel: true, cancellationToken: cancellationToken);

    public static HttpClient Client(WebApplication app) => new() { BaseAddress = new Uri(app.Urls.First()) };

    private static string Probe(ILoggerFactory loggers)
    {
        loggers.CreateLogger("Probe").LogInformation(LogLine);
        return "ok";
    }
}
