using System.Net;
using System.Text.Json.Nodes;
using Platform.IdentityProvider.Realm;
using static Platform.IdentityProvider.Tests.Flows;
using static Platform.IdentityProvider.Tests.IdentityProviderFactory;

namespace Platform.IdentityProvider.Tests;

/// <summary>Redirect URIs matched with Keycloak's rules (its RedirectUtils), and a realm file Keycloak accepts.</summary>
public sealed class RedirectUriTests(IdentityProviderFactory idp) : IClassFixture<IdentityProviderFactory>
{
    [Theory]
    // Exact match, query included. Keycloak lower-cases up to the first '/' from index 7: the host of an http URI,
    // but only "https:/" of an https one — so an upper-case https host does not match.
    [InlineData("https://app.example/cb", "https://app.example/cb", true)]
    [InlineData("http://app.example/cb", "http://APP.Example/cb", true)]
    [InlineData("https://app.example/cb", "https://APP.Example/cb", false)]
    [InlineData("https://app.example/cb", "https://app.example/CB", false)]
    [InlineData("https://app.example/cb", "https://app.example/cb?x=1", false)]
    [InlineData("https://app.example/cb?x=1", "https://app.example/cb?x=1", true)]
    [InlineData("https://app.example/cb", "https://app.example:8443/cb", false)]
    // Trailing wildcard: a prefix, the query ignored; "/app/*" also takes "/app" itself.
    [InlineData("https://app.example/*", "https://app.example/a/b?x=1", true)]
    [InlineData("https://app.example/app/*", "https://app.example/app", true)]
    [InlineData("https://app.example/app/*", "https://app.example/application", false)]
    [InlineData("https://app.example*", "https://app.example.evil.example/", true)]
    [InlineData("https://app.example/*", "https://app.example.evil.example/", false)]
    // Stricter than Keycloak (which resolves them first): dot segments, even encoded, are refused.
    [InlineData("https://app.example/*", "https://app.example/a/%2e%2e/admin", false)]
    // A star anywhere else is a literal character: Keycloak has no port wildcard.
    [InlineData("http://localhost:*/signin-oidc", "http://localhost:5100/signin-oidc", false)]
    [InlineData("https://*.app.example/cb", "https://x.app.example/cb", false)]
    // Loopback over http: the port is ignored (RFC 8252 §7.3) — localhost and 127.0.0.1 only, not https, not [::1].
    [InlineData("http://127.0.0.1/signin-oidc", "http://127.0.0.1:49152/signin-oidc", true)]
    [InlineData("http://127.0.0.1/signin-oidc", "http://127.0.0.1/signin-oidc", true)]
    [InlineData("http://localhost/signin-oidc", "http://localhost:5100/signin-oidc", true)]
    [InlineData("http://localhost/*", "http://localhost:3000/app/callback?x=1", true)]
    [InlineData("http://localhost/signin-oidc", "http://localhost:5100/other", false)]
    [InlineData("http://localhost/signin-oidc", "https://localhost:5100/signin-oidc", false)]
    [InlineData("https://localhost/signin-oidc", "https://localhost:5100/signin-oidc", false)]
    [InlineData("http://[::1]/signin-oidc", "http://[::1]:5100/signin-oidc", false)]
    [InlineData("http://localhost/signin-oidc", "http://localhost.evil.example:5100/signin-oidc", false)]
    // Only http(s) unless the registration names the scheme.
    [InlineData("*", "javascript:alert(1)", false)]
    [InlineData("vn.gov.platform:/callback", "vn.gov.platform:/callback", true)]
    [InlineData("https://app.example/cb", "not a uri", false)]
    public void Redirect_uris_match_with_Keycloaks_rules(string registered, string requested, bool allowed) =>
        Assert.Equal(allowed, RedirectUris.Allowed([registered], requested));

    [Fact]
    public void Realm_file_holds_only_addresses_Keycloak_accepts()
    {
        var realm = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "platform-realm.json")))!;
        foreach (var client in realm["clients"]!.AsArray())
        {
            var redirects = client!["redirectUris"]?.AsArray().Select(u => u!.GetValue<string>()) ?? [];
            var postLogout = client["attributes"]?["post.logout.redirect.uris"]?.GetValue<string>().Split("##") ?? [];
            foreach (var uri in redirects.Concat(postLogout.Where(u => u is not ("+" or "-"))))
            {
                // A star only at the end (Keycloak's only wildcard), and an absolute URI before it.
                Assert.DoesNotContain('*', uri.TrimEnd('*'));
                Assert.True(Uri.TryCreate(uri.TrimEnd('*'), UriKind.Absolute, out _), uri);
            }
            foreach (var origin in client["webOrigins"]?.AsArray().Select(o => o!.GetValue<string>()) ?? [])
            {
                Assert.True(origin is "+" or "*" || (Uri.TryCreate(origin, UriKind.Absolute, out var parsed)
                    && parsed.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) == origin), origin);
            }
        }
    }

    [Theory]
    [InlineData(8080)]
    [InlineData(49152)]
    public async Task The_gateway_signs_in_and_out_on_any_loopback_port_as_AppHost_runs_it(int port)
    {
        // AppHost serves the gateway at http://127.0.0.1:<free or 8080>; the realm registers it without a port.
        var browser = NewBrowser(idp);
        var redirect = $"http://127.0.0.1:{port}/signin-oidc";
        var tokens = await browser.SignInAsync(WebClientId, WebSecret, redirect, "bkhcn.leader");
        Assert.Equal("bkhcn.leader", Decode(tokens.GetProperty("access_token").GetString()!).Payload.GetProperty("preferred_username").GetString());

        var afterLogout = $"http://127.0.0.1:{port}/signout-callback-oidc";
        var logout = await browser.FollowAsync(
            $"{Oidc}/logout?id_token_hint={tokens.GetProperty("id_token").GetString()}&post_logout_redirect_uri={Uri.EscapeDataString(afterLogout)}&state=x",
            stopAt: afterLogout);
        Assert.StartsWith(afterLogout, logout.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://localhost:5100/signin-oidc")]
    [InlineData("http://localhost:5100/signin-oidc/../evil")]
    [InlineData("https://evil.example/signin-oidc")]
    public async Task An_unregistered_redirect_uri_is_refused_without_redirecting(string redirect)
    {
        var browser = NewBrowser(idp);
        var (_, challenge) = Pkce();

        var response = await browser.FollowAsync(AuthorizeUrl(WebClientId, redirect, challenge));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Location);
        Assert.DoesNotContain("Đăng nhập", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_logout_plus_allows_the_redirect_uris_and_nothing_else()
    {
        // platform-spa: post.logout.redirect.uris "+", redirect URIs http://localhost/* and http://127.0.0.1/*.
        var browser = NewBrowser(idp);
        await browser.SignInAsync(SpaClient, null, SpaRedirect);

        var refused = await browser.FollowAsync($"{Oidc}/logout?client_id={SpaClient}&post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Null(refused.Location);

        var logout = await browser.FollowAsync($"{Oidc}/logout?client_id={SpaClient}&post_logout_redirect_uri={Uri.EscapeDataString(SpaOrigin + "/")}",
            stopAt: SpaOrigin);
        Assert.StartsWith(SpaOrigin + "/", logout.Location, StringComparison.Ordinal);
    }
}
