using System.Net;

namespace Platform.Gateway.Tests.Session;

/// <summary>Own fixture: the identity provider issues access tokens living 30 s, inside the gateway's 60 s margin.</summary>
public sealed class ShortLivedTokenSites() : IAsyncLifetime
{
    public SignInSites Sites { get; } = SignInSites.WithShortLivedTokens();

    public ValueTask InitializeAsync() => Sites.InitializeAsync();

    public ValueTask DisposeAsync() => Sites.DisposeAsync();
}

public sealed class RefreshTests(ShortLivedTokenSites fixture) : IClassFixture<ShortLivedTokenSites>
{
    [Fact]
    public async Task An_access_token_about_to_expire_is_refreshed_before_the_call_and_the_session_goes_on()
    {
        var sites = fixture.Sites;
        using var browser = sites.NewBrowser();
        await browser.SignInAsync("lao-cai.reporter", SignInSites.Password);

        var first = await browser.SendAsync(HttpMethod.Get, "/api/intake/a");
        var second = await browser.SendAsync(HttpMethod.Get, "/api/intake/b");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("lao-cai.reporter", SignInSites.Read(second).Username);
        // Each call got a freshly issued token (different jti): the stored session was updated with the refreshed tokens.
        Assert.NotEqual(SignInSites.Read(first).TokenId, SignInSites.Read(second).TokenId);
        Assert.DoesNotContain(browser.Received, received => sites.TokensSeen.Any(t => received.Contains(t, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Concurrent_calls_of_one_session_share_a_single_refresh_and_all_go_through()
    {
        var sites = fixture.Sites;
        using var browser = sites.NewBrowser();
        await browser.SignInAsync("thanh-hoa.reporter", SignInSites.Password);

        // Every call needs a refresh (30 s tokens, 60 s margin); started together, they must not each redeem the
        // refresh token: one refresh serves them all, so they all carry the same newly issued token.
        var calls = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => browser.SendAsync(HttpMethod.Get, $"/api/intake/c{i}")));

        Assert.All(calls, call => Assert.Equal(HttpStatusCode.OK, call.Status));
        var tokenIds = calls.Select(call => SignInSites.Read(call).TokenId).Distinct().ToList();
        Assert.Single(tokenIds);
        Assert.NotNull(tokenIds[0]);

        // The session goes on with the renewed tokens.
        var after = await browser.SendAsync(HttpMethod.Get, "/api/intake/after");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotEqual(tokenIds[0], SignInSites.Read(after).TokenId);
    }
}
