using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using static Platform.IdentityProvider.Tests.IdentityProviderFactory;

namespace Platform.IdentityProvider.Tests;

public sealed class ProtocolTests(IdentityProviderFactory idp) : IClassFixture<IdentityProviderFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_has_Keycloaks_issuer_and_endpoint_paths()
    {
        using var client = idp.CreateClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/realms/platform/.well-known/openid-configuration", Ct);

        Assert.Equal(Issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal(Issuer + "/protocol/openid-connect/auth", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(Issuer + "/protocol/openid-connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(Issuer + "/protocol/openid-connect/certs", discovery.GetProperty("jwks_uri").GetString());
        Assert.Equal(Issuer + "/protocol/openid-connect/userinfo", discovery.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal(Issuer + "/protocol/openid-connect/logout", discovery.GetProperty("end_session_endpoint").GetString());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("client_credentials", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Discovery_ignores_the_request_host()
    {
        using var client = idp.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/realms/platform/.well-known/openid-configuration");
        request.Headers.Host = "attacker.example";
        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        // Either not served for a foreign host or served with the pinned URLs: never the request's host.
        Assert.DoesNotContain("attacker.example", body, StringComparison.Ordinal);
        if (response.IsSuccessStatusCode) Assert.Contains(Issuer, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certs_publish_an_RS256_signing_key_with_a_kid()
    {
        using var client = idp.CreateClient();
        var jwks = await client.GetFromJsonAsync<JsonElement>(Oidc + "/certs", Ct);

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray(), k => k.GetProperty("use").GetString() == "sig");
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
    }

    [Fact]
    public async Task Client_credentials_token_has_Keycloaks_claims()
    {
        using var client = idp.CreateClient();
        using var response = await idp.ClientCredentialsAsync(client);
        var accessToken = response.RootElement.GetProperty("access_token").GetString()!;
        var (header, payload) = Decode(accessToken);
        var jwks = await client.GetFromJsonAsync<JsonElement>(Oidc + "/certs", Ct);

        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Contains(jwks.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == header.GetProperty("kid").GetString());
        Assert.Equal(Issuer, payload.GetProperty("iss").GetString());
        Assert.False(string.IsNullOrEmpty(payload.GetProperty("sub").GetString()));
        Assert.Contains("platform-api", Strings(payload.GetProperty("aud")));
        Assert.Equal(MachineClient, payload.GetProperty("azp").GetString());
        Assert.True(payload.GetProperty("exp").GetInt64() > payload.GetProperty("iat").GetInt64());
        Assert.False(string.IsNullOrEmpty(payload.GetProperty("jti").GetString()));
        Assert.Equal("Bearer", payload.GetProperty("typ").GetString());
        Assert.Equal("service-account-he-thong-57", payload.GetProperty("preferred_username").GetString());
        Assert.Contains("reporter", Strings(payload.GetProperty("realm_access").GetProperty("roles")));
        Assert.Contains("submit", Strings(payload.GetProperty("resource_access").GetProperty("platform-api").GetProperty("roles")));
        Assert.Equal(["/vn/lao-cai/so-khcn"], Strings(payload.GetProperty("groups")));
        Assert.Equal("lao-cai.so-khcn", payload.GetProperty("org_unit").GetString());
        Assert.False(response.RootElement.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task Client_credentials_with_a_wrong_secret_is_refused()
    {
        using var client = idp.CreateClient();
        using var response = await idp.ClientCredentialsAsync(client, "wrong");

        Assert.Equal("invalid_client", response.RootElement.GetProperty("error").GetString());
        Assert.False(response.RootElement.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Machine_token_is_accepted_by_the_services_own_validation()
    {
        using var client = idp.CreateClient();
        using var response = await idp.ClientCredentialsAsync(client);
        await using var api = await PlatformApi.StartInProcessAsync(idp);

        var caller = await CallAsync(api, response.RootElement.GetProperty("access_token").GetString()!);

        Assert.Equal("lao-cai.so-khcn", caller.OrgUnit);
        Assert.Contains(PlatformRoles.Reporter, caller.Roles);
        Assert.True(caller.Machine);
    }

    [Fact]
    public async Task Authorization_code_with_PKCE_signs_in_through_the_Vietnamese_form_and_refreshes()
    {
        var browser = new Browser(idp.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var (verifier, challenge) = Pkce();
        const string redirect = "http://localhost:5100/signin-oidc";
        var authorize = $"{Oidc}/auth?client_id={WebClientId}&response_type=code&scope=openid%20profile&redirect_uri={Uri.EscapeDataString(redirect)}&state=s1&code_challenge={challenge}&code_challenge_method=S256";

        var login = await browser.FollowAsync(authorize);
        Assert.Contains("Đăng nhập", login.Body, StringComparison.Ordinal);
        Assert.Contains("<label for=\"username\">Tên đăng nhập</label>", login.Body, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Mật khẩu</label>", login.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", login.Body, StringComparison.OrdinalIgnoreCase);

        var wrong = await browser.SubmitAsync(login, "lao-cai.reporter", "sai-mat-khau");
        Assert.True(wrong.Status == HttpStatusCode.OK, wrong.Body[..Math.Min(600, wrong.Body.Length)]);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", wrong.Body, StringComparison.Ordinal);
        Assert.Null(wrong.Location);

        var signedIn = await browser.SubmitAsync(wrong, "lao-cai.reporter", DevPassword);
        var callback = await browser.FollowAsync(signedIn.Location!, stopAt: redirect);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(callback.Location!).Query);
        Assert.Equal("s1", query["state"].ToString());
        var code = query["code"].ToString();
        Assert.NotEmpty(code);

        var tokens = await browser.TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect, ["code_verifier"] = verifier,
            ["client_id"] = WebClientId, ["client_secret"] = WebSecret,
        });
        var (_, payload) = Decode(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal("lao-cai.reporter", payload.GetProperty("preferred_username").GetString());
        Assert.Equal(WebClientId, payload.GetProperty("azp").GetString());
        Assert.Equal(["reporter"], Strings(payload.GetProperty("realm_access").GetProperty("roles")));
        Assert.Equal("lao-cai", payload.GetProperty("org_unit").GetString());
        Assert.Contains("platform-api", Strings(payload.GetProperty("aud")));

        var refreshed = await browser.TokenAsync(new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
            ["client_id"] = WebClientId, ["client_secret"] = WebSecret,
        });
        var (_, again) = Decode(refreshed.GetProperty("access_token").GetString()!);
        Assert.Equal(payload.GetProperty("sub").GetString(), again.GetProperty("sub").GetString());
        Assert.NotEqual(payload.GetProperty("jti").GetString(), again.GetProperty("jti").GetString());

        await using var api = await PlatformApi.StartInProcessAsync(idp);
        var caller = await CallAsync(api, refreshed.GetProperty("access_token").GetString()!);
        Assert.Equal("lao-cai", caller.OrgUnit);
        Assert.False(caller.Machine);
    }

    [Fact]
    public async Task Code_flow_without_PKCE_is_refused()
    {
        var browser = new Browser(idp.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var response = await browser.FollowAsync($"{Oidc}/auth?client_id={WebClientId}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString("http://localhost:5100/signin-oidc")}&state=s1",
            stopAt: "http://localhost:5100/signin-oidc");

        Assert.Contains("invalid_request", response.Location ?? response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", response.Location ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_PKCE_is_refused_for_a_client_that_requires_S256()
    {
        // platform-web: "pkce.code.challenge.method": "S256" in the realm file, enforced as Keycloak does.
        var browser = new Browser(idp.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        const string redirect = "http://localhost:5100/signin-oidc";
        var response = await browser.FollowAsync($"{Oidc}/auth?client_id={WebClientId}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(redirect)}&state=s1&code_challenge=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&code_challenge_method=plain",
            stopAt: redirect);

        Assert.Contains("code_challenge_method", response.Location ?? response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", response.Location ?? "", StringComparison.Ordinal);
        Assert.False(response.IsSignInForm);
    }

    [Fact]
    public async Task Logout_ends_the_session_and_returns_to_the_registered_uri()
    {
        var browser = new Browser(idp.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var (_, challenge) = Pkce();
        const string redirect = "http://localhost:5100/signin-oidc";
        var authorize = $"{Oidc}/auth?client_id={WebClientId}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(redirect)}&state=s&code_challenge={challenge}&code_challenge_method=S256";
        var login = await browser.FollowAsync(authorize);
        var signedIn = await browser.SubmitAsync(login, "bkhcn.leader", DevPassword);
        var callback = await browser.FollowAsync(signedIn.Location!, stopAt: redirect);
        Assert.Contains("code=", callback.Location, StringComparison.Ordinal);

        const string afterLogout = "http://localhost:5100/signout-callback-oidc";
        var logout = await browser.FollowAsync($"{Oidc}/logout?client_id={WebClientId}&post_logout_redirect_uri={Uri.EscapeDataString(afterLogout)}", stopAt: afterLogout);
        Assert.StartsWith(afterLogout, logout.Location, StringComparison.Ordinal);

        var again = await browser.FollowAsync(authorize, stopAt: redirect);
        Assert.Contains("Tên đăng nhập", again.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_to_start_in_Production()
    {
        var outcome = await ServiceProcess.RunUntilExitAsync("IdentityProvider",
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, TimeSpan.FromMinutes(1));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("refuses to start in Production", outcome.StandardError, StringComparison.Ordinal);
    }

    private static string[] Strings(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray().Select(e => e.GetString()!).ToArray()
        : [element.GetString()!];

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var challenge = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        return (verifier, challenge);
    }

    private static async Task<PlatformApi.Caller> CallAsync(WebApplication api, string accessToken)
    {
        using var response = await PlatformApi.CallAsync(api, accessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PlatformApi.Caller>(Ct))!;
    }
}
