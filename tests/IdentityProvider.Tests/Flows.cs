using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using static Platform.IdentityProvider.Tests.IdentityProviderFactory;

namespace Platform.IdentityProvider.Tests;

/// <summary>What a client does, step by step: PKCE, the authorization URL, reading the callback, redeeming the code.</summary>
internal static class Flows
{
    public const string SpaClient = "platform-spa";
    public const string SpaOrigin = "http://localhost:3000";
    public const string SpaRedirect = SpaOrigin + "/app/callback";
    public const string GatewayRedirect = "http://localhost:5100/signin-oidc";

    public static Browser NewBrowser(IdentityProviderFactory idp) =>
        new(idp.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string clientId, string redirect, string challenge, string? responseMode = null, string? prompt = null,
        string state = "s1") =>
        QueryHelpers.AddQueryString(Oidc + "/auth", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["scope"] = "openid profile",
            ["redirect_uri"] = redirect,
            ["state"] = state,
            ["nonce"] = "n-" + state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["response_mode"] = responseMode,
            ["prompt"] = prompt,
        });

    /// <summary>The parameters of a redirect back to the client: its query, or its fragment.</summary>
    public static Dictionary<string, string> Parameters(string? location, bool fragment = false)
    {
        Assert.NotNull(location);
        var uri = new Uri(location);
        var part = fragment ? uri.Fragment.TrimStart('#') : uri.Query;
        return QueryHelpers.ParseQuery(part).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>Code flow (query response mode) through the sign-in form or an existing session; returns the token response.</summary>
    public static async Task<JsonElement> SignInAsync(this Browser browser, string clientId, string? secret, string redirect,
        string username = "lao-cai.reporter")
    {
        var (verifier, challenge) = Pkce();
        var (callback, _) = await browser.AuthorizeAsync(AuthorizeUrl(clientId, redirect, challenge), redirect, username);
        var code = Parameters(callback.Location)["code"];
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect, ["code_verifier"] = verifier, ["client_id"] = clientId,
        };
        if (secret is not null) form["client_secret"] = secret;
        return await browser.TokenAsync(form);
    }

    public static HttpRequestMessage Post(string path, Dictionary<string, string> form, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        return request;
    }

    public static Dictionary<string, string> Refresh(string refreshToken, string clientId, string? secret)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = clientId };
        if (secret is not null) form["client_secret"] = secret;
        return form;
    }

    public static string[] Strings(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray().Select(e => e.GetString()!).ToArray()
        : [element.GetString()!];
}
