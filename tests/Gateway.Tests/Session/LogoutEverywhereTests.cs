using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using static Platform.Gateway.Tests.Session.SignInSites;

namespace Platform.Gateway.Tests.Session;

/// <summary>
/// Signing out at the gateway ends the person's single sign-on at the identity provider, so another client signed in
/// through that same sign-on (a keycloak-js application in another tab) can no longer refresh its tokens, and the old
/// gateway cookie is worthless. (At every replica: ReplicaTests.)
/// </summary>
public sealed class LogoutEverywhereTests(SignInSites sites) : IClassFixture<SignInSites>
{
    private const string Oidc = SignInBrowser.IdentityUrl + "/realms/platform/protocol/openid-connect";
    private const string SpaClient = "platform-spa";
    private const string SpaRedirect = "http://localhost:3000/app/callback";

    [Fact]
    public async Task Signing_out_at_the_gateway_stops_another_client_of_the_same_sign_on_from_refreshing_and_the_old_cookie_is_refused()
    {
        using var browser = sites.NewBrowser();
        await browser.SignInAsync("lao-cai.reporter", Password);
        var cookie = browser.Cookies.GetCookieHeader(new Uri(SignInBrowser.GatewayUrl));
        // The keycloak-js application in the same browser signs in silently through the identity provider's session.
        var spa = await SpaSignInAsync(browser);
        var spaRefreshBefore = await RefreshAsync(browser, spa.GetProperty("refresh_token").GetString()!);
        using var refreshedBefore = JsonDocument.Parse(spaRefreshBefore.Body);
        var spaRefreshToken = refreshedBefore.RootElement.GetProperty("refresh_token").GetString()!;

        var signOut = await browser.SendAsync(HttpMethod.Post, "/dang-xuat");
        var back = await browser.FollowAsync(signOut);
        var spaRefreshAfter = await RefreshAsync(browser, spaRefreshToken);
        var replayedMe = await browser.SendAsync(HttpMethod.Get, "/api/me", headers: new Dictionary<string, string> { ["Cookie"] = cookie });
        var replayedApi = await browser.SendAsync(HttpMethod.Get, "/api/intake/x", headers: new Dictionary<string, string> { ["Cookie"] = cookie });
        // And the application cannot silently sign in again either: the identity provider asks for the password.
        var (_, challenge) = Pkce();
        var silent = await browser.FollowAsync(await browser.SendAsync(HttpMethod.Get, AuthorizeUrl(challenge)));

        Assert.Equal(HttpStatusCode.OK, spaRefreshBefore.Status);
        Assert.Equal(SignInBrowser.GatewayUrl + "/", back.Url.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, spaRefreshAfter.Status);
        using (var error = JsonDocument.Parse(spaRefreshAfter.Body))
        {
            Assert.Equal("invalid_grant", error.RootElement.GetProperty("error").GetString());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, replayedMe.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, replayedApi.Status);
        Assert.Equal("application/problem+json", replayedApi.ContentType);
        Assert.Contains("name=\"password\"", silent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_one_person_leaves_another_persons_sessions_alone()
    {
        using var leaving = sites.NewBrowser();
        await leaving.SignInAsync("lao-cai.reporter", Password);
        using var staying = sites.NewBrowser();
        await staying.SignInAsync("thanh-hoa.reporter", Password);
        var stayingSpa = await SpaSignInAsync(staying);

        await leaving.FollowAsync(await leaving.SendAsync(HttpMethod.Post, "/dang-xuat"));

        Assert.Equal(HttpStatusCode.OK, (await staying.SendAsync(HttpMethod.Get, "/api/me")).Status);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(staying, stayingSpa.GetProperty("refresh_token").GetString()!)).Status);
    }

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string AuthorizeUrl(string challenge) => QueryHelpers.AddQueryString(Oidc + "/auth", new Dictionary<string, string?>
    {
        ["client_id"] = SpaClient,
        ["response_type"] = "code",
        ["scope"] = "openid",
        ["redirect_uri"] = SpaRedirect,
        ["state"] = "s1",
        ["nonce"] = "n1",
        ["code_challenge"] = challenge,
        ["code_challenge_method"] = "S256",
    });

    /// <summary>keycloak-js's code flow without a form (the browser already has the identity provider's session).</summary>
    private static async Task<JsonElement> SpaSignInAsync(SignInBrowser browser)
    {
        var (verifier, challenge) = Pkce();
        var callback = await browser.SendAsync(HttpMethod.Get, AuthorizeUrl(challenge));
        Assert.Equal(HttpStatusCode.Redirect, callback.Status);
        Assert.StartsWith(SpaRedirect, callback.Location!.ToString(), StringComparison.Ordinal);
        var code = QueryHelpers.ParseQuery(callback.Location.Query)["code"].ToString();
        var tokens = await browser.SendAsync(HttpMethod.Post, Oidc + "/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = SpaRedirect,
            ["code_verifier"] = verifier,
            ["client_id"] = SpaClient,
        }));
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return JsonDocument.Parse(tokens.Body).RootElement.Clone();
    }

    private static Task<SignInBrowser.Page> RefreshAsync(SignInBrowser browser, string refreshToken) =>
        browser.SendAsync(HttpMethod.Post, Oidc + "/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = SpaClient,
        }));
}
