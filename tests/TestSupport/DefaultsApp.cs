using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Platform.ServiceDefaults;
using Platform.TestSupport.Security;

namespace Platform.TestSupport;

/// <summary>
/// A service as small as it gets, wired like the real ones: <c>AddServiceDefaults()</c>, <c>MapDefaultEndpoints()</c> and
/// the endpoints the test maps (<paramref name="map"/>). In-process (ASP.NET's test server, <c>GetTestClient()</c>), or on
/// Kestrel at a free port of 127.0.0.1 with <paramref name="kestrel"/>; with <paramref name="tokens"/> it accepts the
/// access tokens they mint.
/// </summary>
public static class DefaultsApp
{
    public static async Task<WebApplication> StartAsync(Action<WebApplication> map, IReadOnlyDictionary<string, string?>? settings = null,
        TestTokens? tokens = null, string environment = "Development", string? name = null, bool kestrel = false,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = name, EnvironmentName = environment });
        if (kestrel) builder.WebHost.UseUrls("http://127.0.0.1:0");
        else builder.WebHost.UseTestServer();
        if (tokens is not null) builder.Configuration.AddInMemoryCollection(tokens.Settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        tokens?.Trust(builder.Services);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        map(app);
        await app.StartAsync(cancellationToken);
        return app;
    }
}
