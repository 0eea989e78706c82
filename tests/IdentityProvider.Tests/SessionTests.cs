using System.Text.Json;
using static Platform.IdentityProvider.Tests.Flows;
using static Platform.IdentityProvider.Tests.IdentityProviderFactory;

namespace Platform.IdentityProvider.Tests;

/// <summary>Keycloak's session claims: <c>sid</c> names the browser session at the identity provider.</summary>
public sealed class SessionTests(IdentityProviderFactory idp) : IClassFixture<IdentityProviderFactory>
{
    [Fact]
    public async Task Tokens_of_one_browser_session_share_its_sid_and_carry_typ_jti_and_scope()
    {
        var browser = NewBrowser(idp);
        var (_, challenge) = Pkce();
        var (_, signedIn) = await browser.AuthorizeAsync(AuthorizeUrl(WebClientId, GatewayRedirect, challenge), GatewayRedirect);
        var gateway = await browser.SignInAsync(WebClientId, WebSecret, GatewayRedirect);
        var spa = await browser.SignInAsync(SpaClient, null, SpaRedirect);

        var access = Decode(gateway.GetProperty("access_token").GetString()!).Payload;
        var sid = access.GetProperty("sid").GetString();
        Assert.False(string.IsNullOrEmpty(sid));
        Assert.Equal(sid, Decode(gateway.GetProperty("id_token").GetString()!).Payload.GetProperty("sid").GetString());
        Assert.Equal(sid, Decode(spa.GetProperty("access_token").GetString()!).Payload.GetProperty("sid").GetString());
        Assert.Equal(sid, Decode(spa.GetProperty("id_token").GetString()!).Payload.GetProperty("sid").GetString());
        Assert.Equal("Bearer", access.GetProperty("typ").GetString());
        Assert.False(string.IsNullOrEmpty(access.GetProperty("jti").GetString()));
        Assert.NotEqual(access.GetProperty("jti").GetString(), Decode(spa.GetProperty("access_token").GetString()!).Payload.GetProperty("jti").GetString());
        Assert.Superset(new HashSet<string> { "openid", "profile", "email" }, Scopes(access));

        // The script-readable session cookie that login-status-iframe.html compares with keycloak-js's sid.
        var cookie = Assert.Single(signedIn!.Headers["Set-Cookie"], c => c.StartsWith(KeycloakSession, StringComparison.Ordinal));
        Assert.StartsWith($"{KeycloakSession}platform/{access.GetProperty("sub").GetString()}/{sid};", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/realms/platform/", cookie, StringComparison.OrdinalIgnoreCase);

        // A refresh stays in the session; another browser is another session.
        var refreshed = await browser.TokenAsync(Refresh(gateway.GetProperty("refresh_token").GetString()!, WebClientId, WebSecret));
        Assert.Equal(sid, Decode(refreshed.GetProperty("access_token").GetString()!).Payload.GetProperty("sid").GetString());
        var elsewhere = await NewBrowser(idp).SignInAsync(WebClientId, WebSecret, GatewayRedirect);
        Assert.NotEqual(sid, Decode(elsewhere.GetProperty("access_token").GetString()!).Payload.GetProperty("sid").GetString());
    }

    [Fact]
    public async Task Client_credentials_tokens_have_no_sid_but_Keycloaks_scope()
    {
        using var client = idp.CreateClient();
        using var response = await idp.ClientCredentialsAsync(client);

        var access = Decode(response.RootElement.GetProperty("access_token").GetString()!).Payload;

        Assert.False(access.TryGetProperty("sid", out _));
        Assert.Contains("profile", Scopes(access));
        Assert.Equal("Bearer", access.GetProperty("typ").GetString());
    }

    private const string KeycloakSession = "KEYCLOAK_SESSION=";

    private static HashSet<string> Scopes(JsonElement payload) =>
        [.. payload.GetProperty("scope").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
