using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Platform.TestSupport.Browsing;

/// <summary>
/// A browser without a screen for sites on localhost: keeps cookies, follows redirects by hand, records everything it
/// received, and signs in at the gateway through the identity provider's form (<c>/dang-nhap</c>). Where a request goes
/// is the subclass's choice (<paramref name="site"/>): in-process test servers, or real ports.
/// </summary>
public abstract partial class CookieBrowser(Uri home, Func<Uri, HttpMessageInvoker> site) : IDisposable
{
    public sealed record Page(HttpStatusCode Status, Uri Url, Uri? Location, string Body, string? ContentType);

    public CookieContainer Cookies { get; } = new();

    /// <summary>Every body and Set-Cookie value the browser received (requests may run concurrently).</summary>
    public ConcurrentQueue<string> Received { get; } = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A request to <paramref name="url"/> (absolute, or relative to the home site) with this browser's cookies.</summary>
    public async Task<Page> SendAsync(HttpMethod method, string url, HttpContent? content = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(home, url)) { Content = content };
        foreach (var (name, value) in headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        var cookie = Cookies.GetCookieHeader(request.RequestUri!);
        if (cookie.Length > 0) request.Headers.Add("Cookie", cookie);
        using var response = await site(request.RequestUri!).SendAsync(request, Ct);
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
        if (form.Status != HttpStatusCode.OK)
            throw new InvalidOperationException($"The sign-in form did not open: {form.Url.GetLeftPart(UriPartial.Path)} answered {(int)form.Status} {form.Body}");
        var action = WebUtility.HtmlDecode(Action().Match(form.Body).Groups[1].Value);
        var fields = Hidden().Matches(form.Body).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["username"] = username;
        fields["password"] = password;
        var posted = await SendAsync(HttpMethod.Post, new Uri(form.Url, action).ToString(), new FormUrlEncodedContent(fields));
        return await FollowAsync(posted);
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex Action();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
