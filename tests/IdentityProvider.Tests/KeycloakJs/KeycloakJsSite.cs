using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Platform.BrowserSupport;
using Platform.LocalInfrastructure;
using Platform.TestSupport;

namespace Platform.IdentityProvider.Tests.KeycloakJs;

/// <summary>
/// A province's keycloak-js app, as the browser test needs it: the development identity provider on a real port of
/// 127.0.0.1, and — on the first free one of the web origins the realm's <c>platform-spa</c> client registers
/// (<c>http://127.0.0.1:3000</c>, <c>:4200</c>, <c>:5173</c>) — the static page under <c>/app/</c> running the vendored
/// keycloak-js, with <c>/app/api/me</c> protected exactly like the platform's services. And a Chromium.
/// </summary>
public sealed class KeycloakJsSite : IAsyncLifetime
{
    /// <summary>The loopback ports among <c>platform-spa</c>'s web origins (deploy/keycloak/platform-realm.json).</summary>
    private static readonly int[] AppPorts = [3000, 4200, 5173];

    private readonly PhysicalFileProvider _page = new(Path.Combine(AppContext.BaseDirectory, "KeycloakJs", "page"));
    private ServiceFactory<Program> _identity = null!;
    private WebApplication _app = null!;

    public string IdentityUrl { get; private set; } = null!;

    public string AppUrl { get; private set; } = null!;

    public Chromium Chromium { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var identityPort = Ports.GetFree();
        IdentityUrl = $"http://127.0.0.1:{identityPort}";
        _identity = new ServiceFactory<Program>(new Dictionary<string, string> { ["IdentityProvider:PublicUrl"] = IdentityUrl });
        _identity.UseKestrel(identityPort);
        _identity.StartServer();
        await WarmUpAsync();
        _app = await StartAppAsync();
        await Chromium.InitializeAsync();
    }

    /// <summary>
    /// The provider's first answers (JIT, keys) can take seconds on a busy machine, and keycloak-js gives its
    /// third-party-cookie iframe 10 s: ask once for what the page will load before the browser does.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(IdentityUrl) };
        foreach (var path in new[] { "/realms/platform/.well-known/openid-configuration", IdentityProviderFactory.Oidc + "/certs",
            IdentityProviderFactory.Oidc + "/3p-cookies/step1.html", "/realms/platform/login" })
        {
            using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    private async Task<WebApplication> StartAppAsync()
    {
        foreach (var port in AppPorts.Where(Ports.IsFree))
        {
            var app = BuildApp(port);
            try
            {
                await app.StartAsync(TestContext.Current.CancellationToken);
                AppUrl = $"http://127.0.0.1:{port}/app/";
                return app;
            }
            catch (IOException)
            {
                // Taken between the check and the start (another test run): try the next origin.
                await app.DisposeAsync();
            }
        }
        throw new InvalidOperationException(
            $"Ports {string.Join(", ", AppPorts)} of 127.0.0.1 are all in use; the keycloak-js page needs one of them (platform-spa's web origins).");
    }

    private WebApplication BuildApp(int port)
    {
        var builder = PlatformApi.CreateBuilder(IdentityUrl);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = _page, RequestPath = "/app" });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = _page, RequestPath = "/app" });
        app.UseAuthentication();
        app.UseAuthorization();
        // The page reads it before anyone signs in (the platform closes endpoints that do not say so).
        app.MapGet("/app/config.json", () => TypedResults.Ok(new { url = IdentityUrl, realm = "platform", clientId = Flows.SpaClient })).AllowAnonymous();
        app.MapMe("/app/api/me");
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
        if (_identity is not null) await _identity.DisposeAsync();
        _page.Dispose();
    }
}
