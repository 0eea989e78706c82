using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.TestSupport;

/// <summary>
/// Hosts a service in-process (ASP.NET's test server) against the real PostgreSQL and RabbitMQ of the
/// fixture. Settings are applied as host settings, so they are visible while the service registers
/// itself, exactly like the environment variables AppHost sets.
/// </summary>
public sealed class ServiceFactory<TProgram>(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("OTEL_SDK_DISABLED", "true");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
