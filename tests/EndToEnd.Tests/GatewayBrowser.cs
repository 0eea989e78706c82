using System.Net;
using System.Text.RegularExpressions;
using Platform.PlatformHarness;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A person's browser on the platform the AppHost started: it signs in at the gateway through the development identity
/// provider's form (the realm file's demo users, password <see cref="Password"/>), keeps its cookies, follows redirects
/// by hand and calls the APIs with the gateway's session cookie and <c>X-CSRF: 1</c> on unsafe methods, as the web
/// application does. Both sites are on localhost, each on its own port, as in development.
/// </summary>
internal sealed partial class GatewayBrowser : IDisposable
{
    /// <summary>The demo users' published development password (docs/security.md).</summary>
    public const string Password = "dev-only-123";

    /// <summary>What the web application sends on unsafe methods; the gateway refuses them without it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Csrf = new Dictionary<string, string> { ["X-CSRF"] = "1" };

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly Uri _gateway;

    private GatewayBrowser(Uri gateway) => _gateway = gateway;

    public sealed record Page(HttpStatusCode Status, Uri Url, Uri? Location, string Body, string? ContentType);

    public CookieContainer Cookies { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A browser signed in at the gateway as <paramref name="username"/>, checked by <c>/api/me</c>.</summary>
    public static async Task<GatewayBrowser> SignInAsync(AspirePlatform platform, string username)
    {
        var browser = new GatewayBrowser(platform.GatewayUrl);
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

    /// <summary>A request to <paramref name="url"/> (absolute, or relative to the gateway) with this browser's cookies.</summary>
    public async Task<Page> SendAsync(HttpMethod method, string url, HttpContent? content = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(_gateway, url)) { Content = content };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        var cookie = Cookies.GetCookieHeader(request.RequestUri!);
        if (cookie.Length > 0) request.Headers.Add("Cookie", cookie);
        using var response = await _http.SendAsync(request, Ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies) Cookies.SetCookies(request.RequestUri!, setCookie);
        }
        var body = await response.Content.ReadAsStringAsync(Ct);
        var location = response.Headers.Location is { } l ? new Uri(request.RequestUri!, l) : null;
        return new Page(response.StatusCode, request.RequestUri!, location, body, response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<Page> FollowAsync(Page page)
    {
        for (var hops = 0; hops < 10 && page.Location is not null; hops++)
        {
            page = await SendAsync(HttpMethod.Get, page.Location.ToString());
        }
        return page;
    }

    /// <summary>From <c>/dang-nhap</c> through the identity provider's form back to the gateway with a session.</summary>
    private async Task<Page> SignInAsync(string username, string password, string returnUrl)
    {
        var form = await FollowAsync(await SendAsync(HttpMethod.Get, $"/dang-nhap?returnUrl={Uri.EscapeDataString(returnUrl)}"));
        Assert.True(form.Status == HttpStatusCode.OK, $"{form.Url.GetLeftPart(UriPartial.Path)}: {(int)form.Status} {form.Body}");
        var action = WebUtility.HtmlDecode(Action().Match(form.Body).Groups[1].Value);
        var fields = Hidden().Matches(form.Body).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["username"] = username;
        fields["password"] = password;
        var posted = await SendAsync(HttpMethod.Post, new Uri(form.Url, action).ToString(), new FormUrlEncodedContent(fields));
        return await FollowAsync(posted);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex Action();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
