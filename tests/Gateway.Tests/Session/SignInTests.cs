using System.Net;
using System.Text.Json;
using static Platform.Gateway.Tests.Session.SignInSites;

namespace Platform.Gateway.Tests.Session;

public sealed partial class SignInTests(SignInSites sites) : IClassFixture<SignInSites>
{
    private static readonly Dictionary<string, string> Csrf = new() { ["X-CSRF"] = "1" };

    [Fact]
    public async Task Signing_in_through_the_identity_provider_gives_a_session_that_api_me_describes()
    {
        using var browser = sites.NewBrowser();

        var landed = await browser.SignInAsync("lao-cai.reporter", Password, returnUrl: "/");
        var me = await browser.SendAsync(HttpMethod.Get, "/api/me");

        Assert.Equal(HttpStatusCode.OK, landed.Status);
        Assert.Equal(SignInBrowser.GatewayUrl + "/", landed.Url.ToString());
        var session = Assert.Single(browser.Cookies.GetCookies(new Uri(SignInBrowser.GatewayUrl)), c => c.Name == "platform.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        using var body = JsonDocument.Parse(me.Body);
        Assert.Equal("lao-cai.reporter", body.RootElement.GetProperty("username").GetString());
        Assert.Equal("lao-cai", body.RootElement.GetProperty("orgUnit").GetString());
        Assert.Contains("reporter", body.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Api_calls_reach_the_service_with_the_sessions_bearer_token_which_the_browser_never_sees()
    {
        using var browser = sites.NewBrowser();
        await browser.SignInAsync("lao-cai.reporter", Password);

        var page = await browser.SendAsync(HttpMethod.Get, "/api/intake/submissions");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var saw = Read(page);
        Assert.Equal("lao-cai.reporter", saw.Username);
        Assert.Contains("platform-api", saw.Audiences);
        Assert.False(saw.HadCookies);
        Assert.NotNull(saw.TokenId);
        var token = Assert.Single(sites.TokensSeen, t => t.Count(c => c == '.') == 2 && new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(t).Id == saw.TokenId);
        Assert.DoesNotContain(browser.Received, received => received.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(browser.Received, received => received.Contains("access_token", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_unsafe_api_call_with_the_session_cookie_needs_the_X_CSRF_header()
    {
        using var browser = sites.NewBrowser();
        await browser.SignInAsync("lao-cai.reporter", Password);

        var without = await browser.SendAsync(HttpMethod.Post, "/api/intake/submissions", new StringContent("{}"));
        var with = await browser.SendAsync(HttpMethod.Post, "/api/intake/submissions", new StringContent("{}"), Csrf);

        Assert.Equal(HttpStatusCode.Forbidden, without.Status);
        Assert.Equal("application/problem+json", without.ContentType);
        Assert.Contains("X-CSRF", without.Body, StringComparison.Ordinal);
        Assert.Contains("chống giả mạo", without.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, with.Status);
        Assert.Equal("POST", Read(with).Method);
        Assert.Equal("lao-cai.reporter", Read(with).Username);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_at_the_gateway_and_at_the_identity_provider()
    {
        using var browser = sites.NewBrowser();
        await browser.SignInAsync("lao-cai.reporter", Password);
        var stolenCookie = browser.Cookies.GetCookieHeader(new Uri(SignInBrowser.GatewayUrl));

        var signOut = await browser.SendAsync(HttpMethod.Post, "/dang-xuat");
        var back = await browser.FollowAsync(signOut);
        var me = await browser.SendAsync(HttpMethod.Get, "/api/me");
        // The server-side session is gone: the old cookie value is worthless too.
        var replayed = await browser.SendAsync(HttpMethod.Get, "/api/me", headers: new Dictionary<string, string> { ["Cookie"] = stolenCookie });
        // And the identity provider's own session is gone: signing in again shows its form.
        var again = await browser.FollowAsync(await browser.SendAsync(HttpMethod.Get, "/dang-nhap"));

        Assert.Equal(HttpStatusCode.Redirect, signOut.Status);
        Assert.StartsWith(SignInBrowser.IdentityUrl + "/realms/platform/protocol/openid-connect/logout", signOut.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(SignInBrowser.GatewayUrl + "/", back.Url.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, me.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.Status);
        Assert.Contains("name=\"password\"", again.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_calls_without_a_session_or_token_get_401_problem_not_a_redirect()
    {
        using var browser = sites.NewBrowser();

        var proxied = await browser.SendAsync(HttpMethod.Get, "/api/intake/submissions");
        var me = await browser.SendAsync(HttpMethod.Get, "/api/me");

        foreach (var page in new[] { proxied, me })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
            Assert.Null(page.Location);
            Assert.Equal("application/problem+json", page.ContentType);
            Assert.Contains("Chưa đăng nhập", page.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_machine_clients_own_valid_bearer_token_passes_through_untouched()
    {
        using var browser = sites.NewBrowser();
        var token = await sites.MachineTokenAsync();

        var page = await browser.SendAsync(HttpMethod.Post, "/api/intake/values", new StringContent("{}"),
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(token, sites.TokensSeen);
    }

    [Theory]
    [InlineData("machine-token")]
    // alg=none: {"alg":"none","typ":"JWT"} . {"iss":"http://localhost:8180/realms/platform","aud":"platform-api","sub":"x","exp":4102444800} .
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjgxODAvcmVhbG1zL3BsYXRmb3JtIiwiYXVkIjoicGxhdGZvcm0tYXBpIiwic3ViIjoieCIsImV4cCI6NDEwMjQ0NDgwMH0.")]
    public async Task A_forged_bearer_token_is_refused_at_the_gateway_and_never_reaches_a_service(string token)
    {
        using var browser = sites.NewBrowser();

        var page = await browser.SendAsync(HttpMethod.Post, "/api/intake/values", new StringContent("{}"),
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("application/problem+json", page.ContentType);
        Assert.Contains("không hợp lệ", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(token, sites.TokensSeen);
    }

    [Fact]
    public async Task Sign_in_returns_only_to_local_addresses()
    {
        using var browser = sites.NewBrowser();

        var landed = await browser.SignInAsync("lao-cai.reporter", Password, returnUrl: "//evil.example/steal");

        Assert.Equal(SignInBrowser.GatewayUrl + "/", landed.Url.ToString());
    }
}
