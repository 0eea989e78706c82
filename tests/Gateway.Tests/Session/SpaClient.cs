using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Gateway.Tests.Session;

/// <summary>What keycloak-js does for the realm's <c>platform-spa</c> client, in a test browser: code flow with PKCE, refresh.</summary>
internal static class SpaClient
{
    public const string Oidc = SignInBrowser.IdentityUrl + "/realms/platform/protocol/openid-connect";
    public const string ClientId = "platform-spa";
    public const string Redirect = "http://localhost:3000/app/callback";

    internal static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    internal static string AuthorizeUrl(string challenge) => QueryHelpers.AddQueryString(Oidc + "/auth", new Dictionary<string, string?>
    {
        ["client_id"] = ClientId,
        ["response_type"] = "code",
        ["scope"] = "openid",
        ["redirect_uri"] = Redirect,
        ["state"] = "s1",
        ["nonce"] = "n1",
        ["code_challenge"] = challenge,
        ["code_challenge_method"] = "S256",
    });

    /// <summary>keycloak-js's code flow without a form (the browser already has the identity provider's session).</summary>
    internal static async Task<JsonElement> SpaSignInAsync(SignInBrowser browser)
    {
        var (verifier, challenge) = Pkce();
        var callback = await browser.SendAsync(HttpMethod.Get, AuthorizeUrl(challenge));
        Assert.Equal(HttpStatusCode.Redirect, callback.Status);
        Assert.StartsWith(Redirect, callback.Location!.ToString(), StringComparison.Ordinal);
        var code = QueryHelpers.ParseQuery(callback.Location.Query)["code"].ToString();
        var tokens = await browser.SendAsync(HttpMethod.Post, Oidc + "/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = Redirect,
            ["code_verifier"] = verifier,
            ["client_id"] = ClientId,
        }));
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return JsonDocument.Parse(tokens.Body).RootElement.Clone();
    }

    internal static Task<SignInBrowser.Page> RefreshAsync(SignInBrowser browser, string refreshToken) =>
        browser.SendAsync(HttpMethod.Post, Oidc + "/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = ClientId,
        }));
}
