extern alias gateway;
extern alias idp;
extern alias intake;
extern alias scoring;
extern alias web;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.LocalInfrastructure;
using Platform.TestSupport;

namespace Platform.Web.BrowserTests;

/// <summary>
/// The platform as people reach it, started by the test: the development identity provider, intake and monthly
/// scoring on their own databases and one RabbitMQ virtual host, the gateway with sign-in and the web application —
/// each on a real port on 127.0.0.1, as AppHost runs them. Intake and the web application share a settable clock so
/// the test can move past a reporting deadline (the web application only its "now", see <c>UseShownClock</c>).
/// </summary>
public sealed class PlatformSite(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _hosts = [];

    /// <summary>10:00 on 2 February 2026, Vietnam time: January 2026 is open for agencies until the 3rd.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 2, 2, 3, 0, 0, TimeSpan.Zero));

    public string GatewayUrl { get; private set; } = null!;

    internal WebApplicationFactory<intake::Program> Intake { get; private set; } = null!;

    internal WebApplicationFactory<scoring::Program> Scoring { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var messaging = await infrastructure.CreateVirtualHostAsync("web");
        int identityPort = Ports.GetFree(), intakePort = Ports.GetFree(), scoringPort = Ports.GetFree(), gatewayPort = Ports.GetFree(), webPort = Ports.GetFree();
        var identityUrl = $"http://127.0.0.1:{identityPort}";
        GatewayUrl = $"http://127.0.0.1:{gatewayPort}";
        var keycloak = new Dictionary<string, string>
        {
            ["Keycloak:AuthServerUrl"] = identityUrl,
            ["Keycloak:Realm"] = "platform",
            ["Keycloak:Resource"] = "platform-api",
        };
        var discovery = new Dictionary<string, string>
        {
            ["services:intake:http:0"] = $"http://127.0.0.1:{intakePort}",
            ["services:monthly-scoring:http:0"] = $"http://127.0.0.1:{scoringPort}",
            ["services:gateway:http:0"] = GatewayUrl,
            ["services:web:http:0"] = $"http://127.0.0.1:{webPort}",
        };

        // The web application first: it only needs the gateway once a page is opened.
        Start(new ServiceFactory<web::Program>(Merge(keycloak, discovery, new()), testServices: UseShownClock), webPort);
        Start(new ServiceFactory<idp::Program>(new Dictionary<string, string> { ["IdentityProvider:PublicUrl"] = identityUrl }), identityPort);
        // Scoring first, so its queues exist before intake's seeder publishes the units.
        Scoring = Start(new ServiceFactory<scoring::Program>(Merge(keycloak, discovery, new()
        {
            ["ConnectionStrings:monthlyscoringdb"] = infrastructure.NewDatabaseConnectionString("web-scoring"),
            ["ConnectionStrings:messaging"] = messaging,
        })), scoringPort);
        Intake = Start(new ServiceFactory<intake::Program>(Merge(keycloak, discovery, new()
        {
            ["ConnectionStrings:intakedb"] = infrastructure.NewDatabaseConnectionString("web-intake"),
            ["ConnectionStrings:messaging"] = messaging,
        }), testServices: UseClock), intakePort);
        Start(new ServiceFactory<gateway::Program>(Merge(keycloak, discovery, new()
        {
            ["Gateway:Oidc:ClientId"] = "platform-web",
            ["Gateway:Oidc:ClientSecret"] = "dev-only-platform-web-secret",
            // As AppHost: the web application (127.0.0.1) names the browser it calls for.
            ["Gateway:RateLimit:TrustedForwarders:0"] = "127.0.0.1",
        })), gatewayPort);
        await Task.CompletedTask;
    }

    private void UseClock(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>
    /// The web application shows the test's date and time but keeps real timers: its HTTP client's resilience pipeline
    /// takes the <see cref="TimeProvider"/> from DI, and with the fake clock a retry of a GET after a transient failure
    /// would wait for a delay that never elapses (the page hangs).
    /// </summary>
    private void UseShownClock(IServiceCollection services) => services.AddSingleton<TimeProvider>(new ShownClock(Clock));

    /// <summary>"Now" from <paramref name="clock"/>; timestamps and timers from the system.</summary>
    private sealed class ShownClock(FakeTimeProvider clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;
    }

    private WebApplicationFactory<T> Start<T>(WebApplicationFactory<T> factory, int port) where T : class
    {
        factory.UseKestrel(port);
        factory.StartServer();
        _hosts.Add(factory);
        return factory;
    }

    private static Dictionary<string, string> Merge(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts)) await host.DisposeAsync();
    }
}
