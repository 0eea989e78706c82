using System.Net;
using System.Text.Json;
using static Platform.Gateway.Tests.Session.SignInSites;

namespace Platform.Gateway.Tests.Session;

// The identity provider's own tokens (not forged: really issued, validly signed by the key the gateway trusts) presented
// as a bearer token at the gateway: only the access token is an API credential; its ID and refresh tokens are refused
// (by their <c>typ</c> and audience) before any service sees them.
public sealed partial class SignInTests
{
    [Theory]
    [InlineData("id_token")]
    [InlineData("refresh_token")]
    public async Task The_identity_providers_own_ID_or_refresh_token_is_refused_as_a_bearer_token_and_never_reaches_a_service(string kind)
    {
        using var browser = sites.NewBrowser();
        await browser.SignInAsync("lao-cai.reporter", Password);
        var tokens = await SpaClient.SpaSignInAsync(browser);
        var token = tokens.GetProperty(kind).GetString()!;
        using var caller = sites.NewBrowser();

        var refused = await caller.SendAsync(HttpMethod.Get, "/api/intake/submissions", headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });
        var accepted = await caller.SendAsync(HttpMethod.Get, "/api/intake/submissions",
            headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + tokens.GetProperty("access_token").GetString() });

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        using (var problem = JsonDocument.Parse(refused.Body))
        {
            Assert.Equal("Chưa đăng nhập", problem.RootElement.GetProperty("title").GetString());
            Assert.Contains("không hợp lệ", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(token, sites.TokensSeen);
        // The access token of the same sign-in is an API credential: the refusal is the token type's doing.
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal("lao-cai.reporter", Read(accepted).Username);
    }
}
