using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.IdentityProvider.Tests;

/// <summary>Follows redirects by hand (cookies kept by the handler) so a test can stop at the client's redirect URI.</summary>
internal sealed partial class Browser(HttpClient client)
{
    public sealed record Page(HttpStatusCode Status, string? Location, string Body, Dictionary<string, string[]> Headers)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

        public bool IsSignInForm => Body.Contains("name=\"username\"", StringComparison.Ordinal);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<Page> FollowAsync(string url, string? stopAt = null)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            using var response = await client.GetAsync(url, Ct);
            var page = await ReadAsync(response);
            if (page.Location is null || (stopAt is not null && page.Location.StartsWith(stopAt, StringComparison.Ordinal))) return page;
            url = page.Location;
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    public async Task<Page> SubmitAsync(Page form, string username, string password)
    {
        var action = WebUtility.HtmlDecode(Action().Match(form.Body).Groups[1].Value);
        var fields = Hidden().Matches(form.Body).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["username"] = username;
        fields["password"] = password;
        using var response = await client.PostAsync(action, new FormUrlEncodedContent(fields), Ct);
        return await ReadAsync(response);
    }

    /// <summary>
    /// Sends the browser to the authorization endpoint; signs in on the form if it is shown; stops at the client's
    /// redirect URI (or the form_post page). Returns the sign-in response too (its Set-Cookie headers), when there was one.
    /// </summary>
    public async Task<(Page Callback, Page? SignedIn)> AuthorizeAsync(string authorizeUrl, string redirect, string username = "lao-cai.reporter")
    {
        var page = await FollowAsync(authorizeUrl, stopAt: redirect);
        if (!page.IsSignInForm) return (page, null);
        var signedIn = await SubmitAsync(page, username, IdentityProviderFactory.DevPassword);
        return (await FollowAsync(signedIn.Location!, stopAt: redirect), signedIn);
    }

    public async Task<Page> SendAsync(HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request, Ct);
        return await ReadAsync(response);
    }

    public async Task<JsonElement> TokenAsync(Dictionary<string, string> form)
    {
        using var response = await client.PostAsync(IdentityProviderFactory.Oidc + "/token", new FormUrlEncodedContent(form), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        return body;
    }

    private static async Task<Page> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync(Ct),
            response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase));

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex Action();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
