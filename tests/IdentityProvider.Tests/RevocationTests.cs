using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Platform.IdentityProvider.Tests.Flows;
using static Platform.IdentityProvider.Tests.IdentityProviderFactory;

namespace Platform.IdentityProvider.Tests;

/// <summary><c>revoke</c> (RFC 7009) and <c>token/introspect</c> (RFC 7662) as Keycloak answers them.</summary>
public sealed class RevocationTests(IdentityProviderFactory idp) : IClassFixture<IdentityProviderFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_advertises_revoke_and_introspect_at_Keycloaks_paths()
    {
        using var client = idp.CreateClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/realms/platform/.well-known/openid-configuration", Ct);

        Assert.Equal(Issuer + "/protocol/openid-connect/revoke", discovery.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(Issuer + "/protocol/openid-connect/token/introspect", discovery.GetProperty("introspection_endpoint").GetString());
        // Advertised = supported: clients authenticate with their secret, in the body or with HTTP Basic.
        foreach (var endpoint in new[] { "token", "revocation", "introspection" })
        {
            Assert.Equivalent(new[] { "client_secret_basic", "client_secret_post" },
                Strings(discovery.GetProperty($"{endpoint}_endpoint_auth_methods_supported")), strict: true);
        }
    }

    [Fact]
    public async Task Introspection_by_a_confidential_client_shows_the_tokens_Keycloak_claims()
    {
        var browser = NewBrowser(idp);
        using var client = idp.CreateClient();
        using var machine = await idp.ClientCredentialsAsync(client);

        // Any confidential client of the realm may introspect (here the gateway's client, a machine token).
        var active = await IntrospectAsync(browser, machine.RootElement.GetProperty("access_token").GetString()!, WebClientId, WebSecret);

        Assert.True(active.GetProperty("active").GetBoolean());
        Assert.Equal(Issuer, active.GetProperty("iss").GetString());
        Assert.Equal("service-account-he-thong-57", active.GetProperty("username").GetString());
        Assert.Equal(MachineClient, active.GetProperty("client_id").GetString());
        Assert.Equal(MachineClient, active.GetProperty("azp").GetString());
        Assert.Equal("Bearer", active.GetProperty("token_type").GetString());
        Assert.Equal("Bearer", active.GetProperty("typ").GetString());
        Assert.Contains("reporter", Strings(active.GetProperty("realm_access").GetProperty("roles")));
        Assert.Equal(["/vn/lao-cai/so-khcn"], Strings(active.GetProperty("groups")));
        Assert.Equal("lao-cai.so-khcn", active.GetProperty("org_unit").GetString());
        Assert.True(active.GetProperty("exp").GetInt64() > active.GetProperty("iat").GetInt64());
        Assert.DoesNotContain(active.EnumerateObject(), p => p.Name.StartsWith("oi_", StringComparison.Ordinal));

        var garbage = await IntrospectAsync(browser, "not-a-token", WebClientId, WebSecret);
        Assert.False(garbage.GetProperty("active").GetBoolean());
        Assert.Single(garbage.EnumerateObject());
    }

    [Fact]
    public async Task Introspecting_a_refresh_token_shows_its_Keycloak_claims_until_the_session_ends()
    {
        var browser = NewBrowser(idp);
        var gateway = await browser.SignInAsync(WebClientId, WebSecret, GatewayRedirect);
        var refreshToken = gateway.GetProperty("refresh_token").GetString()!;

        var active = await IntrospectAsync(browser, refreshToken, WebClientId, WebSecret);

        Assert.True(active.GetProperty("active").GetBoolean());
        Assert.Equal("Refresh", active.GetProperty("typ").GetString());
        Assert.Equal(Issuer, active.GetProperty("aud").GetString());
        Assert.Equal(WebClientId, active.GetProperty("client_id").GetString());
        Assert.Equal("lao-cai.reporter", active.GetProperty("username").GetString());
        Assert.Equal(Decode(gateway.GetProperty("access_token").GetString()!).Payload.GetProperty("sid").GetString(),
            active.GetProperty("sid").GetString());
        Assert.DoesNotContain(active.EnumerateObject(), p => p.Name.StartsWith("oi_", StringComparison.Ordinal));

        const string afterLogout = "http://localhost:5100/signout-callback-oidc";
        await browser.FollowAsync($"{Oidc}/logout?client_id={WebClientId}&post_logout_redirect_uri={Uri.EscapeDataString(afterLogout)}", stopAt: afterLogout);
        Assert.False((await IntrospectAsync(browser, refreshToken, WebClientId, WebSecret)).GetProperty("active").GetBoolean());
    }

    [Theory]
    [InlineData(WebClientId, "wrong-secret")]
    [InlineData(Flows.SpaClient, null)]
    [InlineData("no-such-client", "x")]
    public async Task Introspection_refuses_unauthenticated_and_public_clients(string clientId, string? secret)
    {
        var browser = NewBrowser(idp);
        using var client = idp.CreateClient();
        using var machine = await idp.ClientCredentialsAsync(client);

        var response = await browser.SendAsync(Post(Oidc + "/token/introspect", Form(machine.RootElement.GetProperty("access_token").GetString()!, clientId, secret)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("invalid_client", JsonDocument.Parse(response.Body).RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("active", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_an_access_token_ends_that_token_only()
    {
        var browser = NewBrowser(idp);
        using var client = idp.CreateClient();
        using var first = await idp.ClientCredentialsAsync(client);
        using var second = await idp.ClientCredentialsAsync(client);
        var revoked = first.RootElement.GetProperty("access_token").GetString()!;

        var response = await browser.SendAsync(Post(Oidc + "/revoke", Form(revoked, MachineClient, MachineSecret, "access_token")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False((await IntrospectAsync(browser, revoked, WebClientId, WebSecret)).GetProperty("active").GetBoolean());
        Assert.True((await IntrospectAsync(browser, second.RootElement.GetProperty("access_token").GetString()!, WebClientId, WebSecret))
            .GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Revoking_a_refresh_token_ends_its_grant_and_leaves_other_grants_of_the_session()
    {
        var browser = NewBrowser(idp);
        var gateway = await browser.SignInAsync(WebClientId, WebSecret, GatewayRedirect);
        var spa = await browser.SignInAsync(SpaClient, null, SpaRedirect);
        var accessToken = gateway.GetProperty("access_token").GetString()!;
        Assert.True((await IntrospectAsync(browser, accessToken, WebClientId, WebSecret)).GetProperty("active").GetBoolean());

        var revoke = await browser.SendAsync(Post(Oidc + "/revoke", Form(gateway.GetProperty("refresh_token").GetString()!, WebClientId, WebSecret, "refresh_token")));
        Assert.Equal(HttpStatusCode.OK, revoke.Status);

        var refresh = await browser.SendAsync(Post(Oidc + "/token", Refresh(gateway.GetProperty("refresh_token").GetString()!, WebClientId, WebSecret)));
        Assert.Equal(HttpStatusCode.BadRequest, refresh.Status);
        Assert.Equal("invalid_grant", JsonDocument.Parse(refresh.Body).RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("access_token", refresh.Body, StringComparison.Ordinal);
        // Like Keycloak's client session, the grant's access tokens are no longer active either.
        Assert.False((await IntrospectAsync(browser, accessToken, WebClientId, WebSecret)).GetProperty("active").GetBoolean());

        // The browser session and the other client's grant live on (public client: refresh without a secret).
        var other = await browser.SendAsync(Post(Oidc + "/token", Refresh(spa.GetProperty("refresh_token").GetString()!, SpaClient, null)));
        Assert.True(other.Status == HttpStatusCode.OK, other.Body);
    }

    [Fact]
    public async Task A_client_cannot_revoke_another_clients_token()
    {
        var browser = NewBrowser(idp);
        var gateway = await browser.SignInAsync(WebClientId, WebSecret, GatewayRedirect);
        var refreshToken = gateway.GetProperty("refresh_token").GetString()!;

        // RFC 7009: answered 200 all the same, but nothing is revoked.
        var revoke = await browser.SendAsync(Post(Oidc + "/revoke", Form(refreshToken, MachineClient, MachineSecret, "refresh_token")));
        Assert.Equal(HttpStatusCode.OK, revoke.Status);

        var refresh = await browser.SendAsync(Post(Oidc + "/token", Refresh(refreshToken, WebClientId, WebSecret)));
        Assert.True(refresh.Status == HttpStatusCode.OK, refresh.Body);
    }

    [Fact]
    public async Task Logout_ends_every_token_of_the_browser_session()
    {
        var browser = NewBrowser(idp);
        var gateway = await browser.SignInAsync(WebClientId, WebSecret, GatewayRedirect);

        const string afterLogout = "http://localhost:5100/signout-callback-oidc";
        var logout = await browser.FollowAsync($"{Oidc}/logout?client_id={WebClientId}&post_logout_redirect_uri={Uri.EscapeDataString(afterLogout)}", stopAt: afterLogout);
        Assert.StartsWith(afterLogout, logout.Location, StringComparison.Ordinal);

        var refresh = await browser.SendAsync(Post(Oidc + "/token", Refresh(gateway.GetProperty("refresh_token").GetString()!, WebClientId, WebSecret)));
        Assert.Equal(HttpStatusCode.BadRequest, refresh.Status);
        Assert.Equal("invalid_grant", JsonDocument.Parse(refresh.Body).RootElement.GetProperty("error").GetString());
        Assert.False((await IntrospectAsync(browser, gateway.GetProperty("access_token").GetString()!, WebClientId, WebSecret))
            .GetProperty("active").GetBoolean());
    }

    private static Dictionary<string, string> Form(string token, string clientId, string? secret, string? hint = null)
    {
        var form = new Dictionary<string, string> { ["token"] = token, ["client_id"] = clientId };
        if (secret is not null) form["client_secret"] = secret;
        if (hint is not null) form["token_type_hint"] = hint;
        return form;
    }

    private static async Task<JsonElement> IntrospectAsync(Browser browser, string token, string clientId, string secret)
    {
        var response = await browser.SendAsync(Post(Oidc + "/token/introspect", Form(token, clientId, secret)));
        Assert.True(response.Status == HttpStatusCode.OK, response.Body);
        return JsonDocument.Parse(response.Body).RootElement.Clone();
    }
}
