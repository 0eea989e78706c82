using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.IdentityProvider.Tests;

/// <summary>Follows redirects by hand (cookies kept by the handler) so a test can stop at the client's redirect URI.</summary>
internal sealed partial class Browser(HttpClient client)
{
    public sealed record Page(HttpStatusCode Status, string? Location, string Body);

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

    public async Task<JsonElement> TokenAsync(Dictionary<string, string> form)
    {
        using var response = await client.PostAsync(IdentityProviderFactory.Oidc + "/token", new FormUrlEncodedContent(form), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        return body;
    }

    private static async Task<Page> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync(Ct));

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex Action();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
