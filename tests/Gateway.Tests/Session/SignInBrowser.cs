using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Gateway.Tests.Session;

/// <summary>
/// A browser for two sites on localhost: the gateway (port 5100) and the identity provider (port 8180), each an
/// in-process test server. Keeps cookies, follows redirects by hand and records everything the browser received.
/// </summary>
internal sealed partial class SignInBrowser(HttpMessageHandler gateway, HttpMessageHandler identityProvider) : IDisposable
{
    public const string GatewayUrl = "http://localhost:5100";
    public const string IdentityUrl = "http://localhost:8180";

    private readonly HttpMessageInvoker _gateway = new(gateway, disposeHandler: false);
    private readonly HttpMessageInvoker _identity = new(identityProvider, disposeHandler: false);

    public sealed record Page(HttpStatusCode Status, Uri Url, Uri? Location, string Body, string? ContentType);

    public CookieContainer Cookies { get; } = new();

    /// <summary>Every body and Set-Cookie value the browser received (requests may run concurrently).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Received { get; } = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<Page> SendAsync(HttpMethod method, string url, HttpContent? content = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(new Uri(GatewayUrl), url)) { Content = content };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        var cookie = Cookies.GetCookieHeader(request.RequestUri!);
        if (cookie.Length > 0) request.Headers.Add("Cookie", cookie);
        var site = request.RequestUri!.Port == new Uri(IdentityUrl).Port ? _identity : _gateway;
        using var response = await site.SendAsync(request, Ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Received.Enqueue(setCookie);
                Cookies.SetCookies(request.RequestUri!, setCookie);
            }
        }
        var body = await response.Content.ReadAsStringAsync(Ct);
        Received.Enqueue(body);
        var location = response.Headers.Location is { } l ? new Uri(request.RequestUri!, l) : null;
        return new Page(response.StatusCode, request.RequestUri!, location, body, response.Content.Headers.ContentType?.MediaType);
    }

    public async Task<Page> FollowAsync(Page page)
    {
        for (var hops = 0; hops < 10 && page.Location is not null; hops++)
        {
            page = await SendAsync(HttpMethod.Get, page.Location.ToString());
        }
        return page;
    }

    /// <summary>From <c>/dang-nhap</c> through the identity provider's form back to the gateway with a session.</summary>
    public async Task<Page> SignInAsync(string username, string password, string returnUrl = "/")
    {
        var form = await FollowAsync(await SendAsync(HttpMethod.Get, $"/dang-nhap?returnUrl={Uri.EscapeDataString(returnUrl)}"));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var action = WebUtility.HtmlDecode(Action().Match(form.Body).Groups[1].Value);
        var fields = Hidden().Matches(form.Body).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["username"] = username;
        fields["password"] = password;
        var posted = await SendAsync(HttpMethod.Post, new Uri(form.Url, action).ToString(), new FormUrlEncodedContent(fields));
        return await FollowAsync(posted);
    }

    public void Dispose()
    {
        _gateway.Dispose();
        _identity.Dispose();
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex Action();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
