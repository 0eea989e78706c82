using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Platform.IdentityProvider.Tests.Flows;
using static Platform.IdentityProvider.Tests.IdentityProviderFactory;

namespace Platform.IdentityProvider.Tests;

/// <summary>What Keycloak's browser adapter (keycloak-js) needs besides the standard endpoints.</summary>
public sealed partial class KeycloakJsTests(IdentityProviderFactory idp) : IClassFixture<IdentityProviderFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fragment_response_mode_puts_code_state_and_iss_in_the_fragment_and_the_public_client_redeems_it_cross_origin()
    {
        var browser = NewBrowser(idp);
        var (verifier, challenge) = Pkce();

        var (callback, _) = await browser.AuthorizeAsync(AuthorizeUrl(SpaClient, SpaRedirect, challenge, responseMode: "fragment"), SpaRedirect);

        Assert.Equal(HttpStatusCode.Redirect, callback.Status);
        Assert.StartsWith(SpaRedirect + "#", callback.Location, StringComparison.Ordinal);
        Assert.Empty(new Uri(callback.Location!).Query);
        var response = Parameters(callback.Location, fragment: true);
        Assert.Equal("s1", response["state"]);
        Assert.Equal(Issuer, response["iss"]);

        // keycloak-js posts the code from the page's origin, without a secret, with credentials.
        var tokens = await browser.SendAsync(Post(Oidc + "/token", new()
        {
            ["grant_type"] = "authorization_code", ["code"] = response["code"], ["redirect_uri"] = SpaRedirect,
            ["code_verifier"] = verifier, ["client_id"] = SpaClient,
        }, SpaOrigin));
        Assert.True(tokens.Status == HttpStatusCode.OK, tokens.Body);
        Assert.Equal(SpaOrigin, tokens.Header("Access-Control-Allow-Origin"));
        Assert.Equal("true", tokens.Header("Access-Control-Allow-Credentials"));
        var accessToken = JsonDocument.Parse(tokens.Body).RootElement.GetProperty("access_token").GetString()!;
        Assert.Equal(SpaClient, Decode(accessToken).Payload.GetProperty("azp").GetString());

        // loadUserInfo(): a bearer call from the same origin.
        using var userInfo = new HttpRequestMessage(HttpMethod.Get, Oidc + "/userinfo");
        userInfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        userInfo.Headers.Add("Origin", SpaOrigin);
        var info = await browser.SendAsync(userInfo);
        Assert.Equal(HttpStatusCode.OK, info.Status);
        Assert.Equal(SpaOrigin, info.Header("Access-Control-Allow-Origin"));
        Assert.Equal("lao-cai.reporter", JsonDocument.Parse(info.Body).RootElement.GetProperty("preferred_username").GetString());
    }

    [Fact]
    public async Task Every_authorization_response_carries_the_iss_that_discovery_announces()
    {
        using var client = idp.CreateClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/realms/platform/.well-known/openid-configuration", Ct);
        Assert.True(discovery.GetProperty("authorization_response_iss_parameter_supported").GetBoolean());
        Assert.Equivalent(new[] { "query", "fragment", "form_post" }, Strings(discovery.GetProperty("response_modes_supported")));

        var browser = NewBrowser(idp);
        var (_, challenge) = Pkce();
        // An error before sign-in (prompt=none, keycloak-js check-sso) goes back to the client with iss too.
        var silent = await browser.FollowAsync(AuthorizeUrl(SpaClient, SpaRedirect, challenge, responseMode: "fragment", prompt: "none"), stopAt: SpaRedirect);
        var error = Parameters(silent.Location, fragment: true);
        Assert.Equal("login_required", error["error"]);
        Assert.Equal(Issuer, error["iss"]);

        var (query, _) = await browser.AuthorizeAsync(AuthorizeUrl(SpaClient, SpaRedirect, challenge), SpaRedirect);
        Assert.Equal(Issuer, Parameters(query.Location)["iss"]);
        Assert.NotEmpty(Parameters(query.Location)["code"]);

        var (formPost, _) = await browser.AuthorizeAsync(AuthorizeUrl(SpaClient, SpaRedirect, challenge, responseMode: "form_post"), SpaRedirect);
        Assert.Equal(HttpStatusCode.OK, formPost.Status);
        Assert.Equal(SpaRedirect, WebUtility.HtmlDecode(FormAction().Match(formPost.Body).Groups[1].Value));
        var fields = HiddenField().Matches(formPost.Body).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal(Issuer, fields["iss"]);
        Assert.NotEmpty(fields["code"]);
    }

    [Fact]
    public async Task Token_endpoint_grants_CORS_to_the_clients_web_origins_only()
    {
        var browser = NewBrowser(idp);
        Dictionary<string, string> BadCode() => new()
        {
            ["grant_type"] = "authorization_code", ["code"] = "not-a-code", ["redirect_uri"] = SpaRedirect, ["code_verifier"] = "x", ["client_id"] = SpaClient,
        };

        // Errors reach the page too (keycloak-js reads them), with the exact origin echoed.
        var refused = await browser.SendAsync(Post(Oidc + "/token", BadCode(), SpaOrigin));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(SpaOrigin, refused.Header("Access-Control-Allow-Origin"));
        Assert.Equal("true", refused.Header("Access-Control-Allow-Credentials"));

        var foreign = await browser.SendAsync(Post(Oidc + "/token", BadCode(), "https://evil.example"));
        Assert.Null(foreign.Header("Access-Control-Allow-Origin"));
        Assert.Null(foreign.Header("Access-Control-Allow-Credentials"));

        // Another client's origin is not this client's.
        var otherClient = await browser.SendAsync(Post(Oidc + "/token", BadCode(), "http://localhost"));
        Assert.Null(otherClient.Header("Access-Control-Allow-Origin"));

        using var preflight = new HttpRequestMessage(HttpMethod.Options, Oidc + "/token");
        preflight.Headers.Add("Origin", SpaOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
        var allowed = await browser.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal(SpaOrigin, allowed.Header("Access-Control-Allow-Origin"));
        Assert.Equal("true", allowed.Header("Access-Control-Allow-Credentials"));
        Assert.Contains("POST", allowed.Header("Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("Authorization", allowed.Header("Access-Control-Allow-Headers"), StringComparison.Ordinal);

        using var foreignPreflight = new HttpRequestMessage(HttpMethod.Options, Oidc + "/token");
        foreignPreflight.Headers.Add("Origin", "https://evil.example");
        foreignPreflight.Headers.Add("Access-Control-Request-Method", "POST");
        var denied = await browser.SendAsync(foreignPreflight);
        Assert.Null(denied.Header("Access-Control-Allow-Origin"));
        Assert.Null(denied.Header("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Plus_web_origin_means_exactly_the_origins_of_the_redirect_uris()
    {
        // platform-web: webOrigins ["+"], redirect URIs http://localhost/signin-oidc and http://127.0.0.1/signin-oidc.
        var browser = NewBrowser(idp);
        Dictionary<string, string> Form() => new()
        {
            ["grant_type"] = "authorization_code", ["code"] = "not-a-code", ["redirect_uri"] = GatewayRedirect, ["code_verifier"] = "x",
            ["client_id"] = WebClientId, ["client_secret"] = WebSecret,
        };

        var registered = await browser.SendAsync(Post(Oidc + "/token", Form(), "http://127.0.0.1"));
        Assert.Equal("http://127.0.0.1", registered.Header("Access-Control-Allow-Origin"));

        // As in Keycloak, origins are compared exactly: the loopback port leniency is for redirect URIs only.
        var withPort = await browser.SendAsync(Post(Oidc + "/token", Form(), "http://127.0.0.1:8080"));
        Assert.Null(withPort.Header("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("3p-cookies/step1.html", "step2.html")]
    [InlineData("3p-cookies/step2.html", "\"supported\"")]
    public async Task Third_party_cookie_pages_answer_the_parent_and_run_under_their_own_CSP(string page, string expected)
    {
        var browser = NewBrowser(idp);

        var response = await browser.FollowAsync($"{Oidc}/{page}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith("text/html", response.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("window.parent.postMessage(", response.Body, StringComparison.Ordinal);
        Assert.Contains("\"unsupported\"", response.Body, StringComparison.Ordinal);
        Assert.Contains(expected, response.Body, StringComparison.Ordinal);
        AssertScriptAllowedAndFrameable(response);
    }

    [Fact]
    public async Task Login_status_iframe_is_served_and_its_init_accepts_only_the_clients_web_origins()
    {
        var browser = NewBrowser(idp);

        var frame = await browser.FollowAsync($"{Oidc}/login-status-iframe.html");
        Assert.Equal(HttpStatusCode.OK, frame.Status);
        Assert.Contains("KEYCLOAK_SESSION", frame.Body, StringComparison.Ordinal);
        Assert.Contains("\"unchanged\"", frame.Body, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", frame.Header("Content-Security-Policy"), StringComparison.Ordinal);
        AssertScriptAllowedAndFrameable(frame);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.FollowAsync(Init(SpaClient, SpaOrigin))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.FollowAsync(Init(SpaClient, "https://evil.example"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.FollowAsync(Init("no-such-client", SpaOrigin))).Status);

        static string Init(string clientId, string origin) =>
            $"{Oidc}/login-status-iframe.html/init?client_id={Uri.EscapeDataString(clientId)}&origin={Uri.EscapeDataString(origin)}";
    }

    /// <summary>The page's only inline script is allowed by hash; nothing forbids framing it from another origin.</summary>
    private static void AssertScriptAllowedAndFrameable(Browser.Page page)
    {
        var csp = page.Header("Content-Security-Policy");
        Assert.NotNull(csp);
        var script = Assert.Single(InlineScript().Matches(page.Body)).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        Assert.Contains($"script-src 'sha256-{hash}'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-ancestors", csp, StringComparison.Ordinal);
        Assert.Null(page.Header("X-Frame-Options"));
    }

    [GeneratedRegex("<script type=\"module\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<form name=\"form\" method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex FormAction();
}
