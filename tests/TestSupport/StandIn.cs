using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Platform.TestSupport;

/// <summary>
/// A stand-in for another process (a service behind the gateway, an OTLP endpoint): a slim web application on Kestrel at
/// <paramref name="port"/> of 127.0.0.1 (a free one for 0) with only what <paramref name="map"/> adds.
/// </summary>
public static class StandIn
{
    public static async Task<WebApplication> StartAsync(int port, Action<WebApplication> map, Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        configure?.Invoke(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        return app;
    }
}
