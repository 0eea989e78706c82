using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.TestSupport.Security;

namespace Platform.TestSupport;

/// <summary>
/// Hosts a project in-process (ASP.NET's test server) in <paramref name="environment"/> (Development unless said), with
/// OpenTelemetry off. Settings are applied as host settings, so they are visible while the project registers itself,
/// exactly like the environment variables AppHost sets. With <paramref name="tokens"/>, the project accepts the access
/// tokens they mint (their Keycloak settings and signing key, no metadata fetch). <paramref name="testServices"/>
/// replaces services (a clock, say) without a derived factory.
/// <para>
/// A service with a database and a broker is started with <see cref="ServiceHost{TProgram, TDbContext}"/>, which gives it
/// its own database and virtual host; this factory alone hosts the gateway and the identity provider.
/// </para>
/// </summary>
public class ServiceFactory<TProgram>(IReadOnlyDictionary<string, string> settings, TestTokens? tokens = null,
    Action<IServiceCollection>? testServices = null, string environment = "Development") : WebApplicationFactory<TProgram>
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
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
