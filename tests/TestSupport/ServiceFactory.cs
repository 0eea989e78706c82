using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Platform.TestSupport.Security;

namespace Platform.TestSupport;

/// <summary>
/// Hosts a service in-process (ASP.NET's test server) against the real PostgreSQL and RabbitMQ of the
/// fixture. Settings are applied as host settings, so they are visible while the service registers
/// itself, exactly like the environment variables AppHost sets. With <paramref name="tokens"/>, the service
/// accepts the access tokens they mint (their Keycloak settings and signing key, no metadata fetch).
/// <paramref name="testServices"/> replaces services (a clock, say) without a derived factory.
/// </summary>
public sealed class ServiceFactory<TProgram>(IReadOnlyDictionary<string, string> settings, TestTokens? tokens = null,
    Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? testServices = null) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("OTEL_SDK_DISABLED", "true");
        if (tokens is not null)
        {
            foreach (var (key, value) in tokens.Settings) builder.UseSetting(key, value);
            builder.ConfigureTestServices(tokens.Trust);
        }
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (testServices is not null) builder.ConfigureTestServices(testServices);
    }
}
