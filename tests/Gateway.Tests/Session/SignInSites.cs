extern alias idp;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.LocalInfrastructure;
using Platform.TestSupport;

namespace Platform.Gateway.Tests.Session;

/// <summary>
/// The development identity provider (in-process, reading the repository's realm file), a stand-in intake service (and
/// web application) on a real port that echoes the bearer token it received, and the gateway with sign-in configured against both.
/// </summary>
public sealed class SignInSites : IAsyncLifetime
{
    public const string WebClient = "platform-web";
    public const string WebSecret = "dev-only-platform-web-secret";
    public const string Password = "dev-only-123";

    private readonly int _intakePort = Ports.GetFree();
    private readonly int? _accessTokenLifespan;
    private readonly int _replicas;
    private readonly IReadOnlyDictionary<string, string> _gatewaySettings;
    private readonly TimeProvider? _gatewayTime;
    private WebApplication _intake = null!;
    private string? _realmFile;

    public SignInSites() : this(null) { }

    private SignInSites(int? accessTokenLifespan, int replicas = 1, IReadOnlyDictionary<string, string>? gatewaySettings = null, TimeProvider? gatewayTime = null)
    {
        _accessTokenLifespan = accessTokenLifespan;
        _replicas = replicas;
        _gatewaySettings = gatewaySettings ?? new Dictionary<string, string>();
        _gatewayTime = gatewayTime;
    }

    /// <summary>Access tokens that live 30 s: inside the gateway's 60 s margin, so every API call refreshes first.</summary>
    public static SignInSites WithShortLivedTokens() => new(30);

    /// <summary>
    /// <paramref name="replicas"/> gateways on one <c>gatewaydb</c> (<paramref name="gatewayDb"/>, empty: they create it),
    /// started at the same moment, on one clock (<paramref name="time"/>; the identity provider keeps the system clock).
    /// </summary>
    public static SignInSites Replicated(string gatewayDb, TimeProvider time, int replicas = 2) =>
        new(null, replicas, new Dictionary<string, string> { ["ConnectionStrings:gatewaydb"] = gatewayDb }, time);

    /// <summary>One gateway on <paramref name="gatewayDb"/> (empty: it creates it), on <paramref name="time"/>, with <paramref name="settings"/> besides.</summary>
    public static SignInSites Stored(string gatewayDb, TimeProvider time, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["ConnectionStrings:gatewaydb"] = gatewayDb };
        return new(null, 1, all, time);
    }

    /// <summary>The access tokens the stand-in service received (kept here, never echoed to the browser).</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> TokensSeen { get; } = [];

    internal WebApplicationFactory<idp::Program> IdentityProvider { get; private set; } = null!;
    internal WebApplicationFactory<Program> Gateway => Gateways[0];

    /// <summary>The gateway replicas (one unless <see cref="Replicated"/>).</summary>
    internal IReadOnlyList<WebApplicationFactory<Program>> Gateways { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        _intake = await StandIn.StartAsync(_intakePort, app =>
        {
            // Reads the token it was given, like a service would (the gateway does not check it; the service does).
            // It stands in for monthly scoring and the DX index too (public API paths under /api/monthly-scoring/public and
            // /api/dx-index/public).
            app.Map("/api/intake/{**rest}", Echo);
            app.Map("/api/monthly-scoring/{**rest}", Echo);
            app.Map("/api/dx-index/{**rest}", Echo);
            // The web application's place: everything that is not /api, a sign-in or a health page.
            app.Map("/{**rest}", (HttpRequest request) => TypedResults.Text($"web: {request.Path}"));
        }, cancellationToken: TestContext.Current.CancellationToken);

        JsonHttpResult<BackendSaw> Echo(HttpRequest request)
        {
            var header = request.Headers.Authorization.ToString();
            var raw = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
            if (raw is not null) TokensSeen.Add(raw);
            var token = raw?.Count(c => c == '.') == 2 ? new JsonWebToken(raw) : null;
            return TypedResults.Json(new BackendSaw(
                request.Method,
                token?.GetPayloadValue<string>("preferred_username"),
                token?.TryGetPayloadValue<string>("jti", out var jti) == true ? jti : null,
                token?.Audiences.ToArray() ?? [],
                request.Headers.Cookie.Count > 0));
        }

        if (_accessTokenLifespan is { } lifespan)
        {
            var realm = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "platform-realm.json"), TestContext.Current.CancellationToken))!;
            realm["accessTokenLifespan"] = lifespan;
            _realmFile = Path.Combine(Path.GetTempPath(), $"platform-realm-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(_realmFile, realm.ToJsonString(), TestContext.Current.CancellationToken);
        }

        var identitySettings = new Dictionary<string, string> { ["IdentityProvider:PublicUrl"] = SignInBrowser.IdentityUrl };
        if (_realmFile is not null) identitySettings["IdentityProvider:RealmFile"] = _realmFile;
        IdentityProvider = new ServiceFactory<idp::Program>(identitySettings);
        IdentityProvider.StartServer();

        Gateways = Enumerable.Range(0, _replicas).Select(_ => NewGateway()).ToList();
        // Replicas start together, as a deployment's do (one migrates gatewaydb, one makes the first key, the others wait).
        await Task.WhenAll(Gateways.Select(g => Task.Run(g.StartServer)));
    }

    /// <summary>Answers refresh-token grants 2 s late; everything else at once.</summary>
    private sealed class SlowRefreshes(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is FormUrlEncodedContent form
                && (await form.ReadAsStringAsync(cancellationToken)).Contains("grant_type=refresh_token", StringComparison.Ordinal))
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private WebApplicationFactory<Program> NewGateway()
    {
        var settings = new Dictionary<string, string>
        {
            ["services:intake:http:0"] = $"http://127.0.0.1:{_intakePort}",
            ["services:web:http:0"] = $"http://127.0.0.1:{_intakePort}",
            ["services:monthly-scoring:http:0"] = $"http://127.0.0.1:{_intakePort}",
            ["services:dx-index:http:0"] = $"http://127.0.0.1:{_intakePort}",
            ["Keycloak:AuthServerUrl"] = SignInBrowser.IdentityUrl,
            ["Keycloak:Realm"] = "platform",
            ["Keycloak:Resource"] = "platform-api",
            ["Gateway:Oidc:ClientId"] = WebClient,
            ["Gateway:Oidc:ClientSecret"] = WebSecret,
        };
        foreach (var (key, value) in _gatewaySettings) settings[key] = value;
        return new ServiceFactory<Program>(settings).WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            // Discovery, keys and the token endpoint are reached through the identity provider's test server,
            // for sign-in (OIDC) and for validating callers' own bearer tokens (JwtBearer) alike.
            // With short-lived tokens a refresh takes 2 s at the token endpoint, as a busy identity provider's may: calls
            // started together are then all in flight while it runs, however slowly the test machine starts them.
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme,
                o => o.BackchannelHttpHandler = _accessTokenLifespan is null
                    ? IdentityProvider.Server.CreateHandler()
                    : new SlowRefreshes(IdentityProvider.Server.CreateHandler()));
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
                o => o.BackchannelHttpHandler = IdentityProvider.Server.CreateHandler());
            if (_gatewayTime is not null) services.AddSingleton(_gatewayTime);
        }));
    }

    /// <summary>A client-credentials token of the realm file's machine client <c>he-thong-57</c>, from the identity provider.</summary>
    internal async Task<string> MachineTokenAsync()
    {
        using var client = IdentityProvider.CreateClient();
        using var response = await client.PostAsync($"{SignInBrowser.IdentityUrl}/realms/platform/protocol/openid-connect/token",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "he-thong-57",
                ["client_secret"] = "dev-only-he-thong-57-secret",
            }), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["access_token"]!.GetValue<string>();
    }

    internal SignInBrowser NewBrowser() => new(Gateway.Server.CreateHandler(), IdentityProvider.Server.CreateHandler());

    /// <summary>A browser whose requests to the gateway go to the replica <see cref="ReplicaBrowser.Route"/> names.</summary>
    internal ReplicaBrowser NewReplicaBrowser() =>
        new([.. Gateways.Select(g => g.Server.CreateHandler())], IdentityProvider.Server.CreateHandler());

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in Gateways) await gateway.DisposeAsync();
        await IdentityProvider.DisposeAsync();
        await _intake.DisposeAsync();
        if (_realmFile is not null) File.Delete(_realmFile);
    }

    public sealed record BackendSaw(string Method, string? Username, string? TokenId, string[] Audiences, bool HadCookies);

    internal static BackendSaw Read(SignInBrowser.Page page) =>
        JsonSerializer.Deserialize<BackendSaw>(page.Body, JsonSerializerOptions.Web) ?? throw new InvalidOperationException(page.Body);
}
