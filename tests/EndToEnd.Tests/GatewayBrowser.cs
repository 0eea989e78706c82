using System.Net;
using Platform.PlatformHarness;
using Platform.TestSupport.Browsing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A person's browser on the platform the AppHost started: it signs in at the gateway through the development identity
/// provider's form (the realm file's demo users, password <see cref="Password"/>), keeps its cookies, follows redirects
/// by hand and calls the APIs with the gateway's session cookie and <c>X-CSRF: 1</c> on unsafe methods, as the web
/// application does. Both sites are on localhost, each on its own port, as in development.
/// </summary>
internal sealed class GatewayBrowser : CookieBrowser
{
    /// <summary>The demo users' published development password (docs/security.md).</summary>
    public const string Password = "dev-only-123";

    /// <summary>What the web application sends on unsafe methods; the gateway refuses them without it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Csrf = new Dictionary<string, string> { ["X-CSRF"] = "1" };

    private readonly HttpClient _http;

    private GatewayBrowser(Uri gateway, HttpClient http) : base(gateway, _ => http) => _http = http;

    /// <summary>A browser signed in at the gateway as <paramref name="username"/>, checked by <c>/api/me</c>.</summary>
    public static async Task<GatewayBrowser> SignInAsync(AspirePlatform platform, string username)
    {
        var browser = new GatewayBrowser(platform.GatewayUrl, new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }));
        try
        {
            // Back to /api/me rather than "/": what counts here is the session, not the web application's page.
            var landed = await browser.SignInAsync(username, Password, returnUrl: "/api/me");
            Assert.True(landed.Status == HttpStatusCode.OK, $"{username}: {landed.Url.GetLeftPart(UriPartial.Path)} {(int)landed.Status} {landed.Body}");
            var me = await browser.SendAsync(HttpMethod.Get, "/api/me");
            Assert.Contains($"\"username\":\"{username}\"", me.Body, StringComparison.Ordinal);
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
