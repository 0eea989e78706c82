using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using static Platform.Gateway.Tests.Session.SignInSites;
using static Platform.Gateway.Tests.Session.SpaClient;

namespace Platform.Gateway.Tests.Session;

// Signing out at the gateway ends the person's single sign-on at the identity provider, so another client signed in
// through that same sign-on (a keycloak-js application in another tab) can no longer refresh its tokens, and the old
// gateway cookie is worthless. (At every replica: ReplicaTests.)
public sealed partial class SignInTests
{
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
}
