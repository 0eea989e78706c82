using System.Net;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static Platform.Gateway.Tests.Session.SignInSites;

namespace Platform.Gateway.Tests.Session;

/// <summary>Two gateway replicas started together on one empty <c>gatewaydb</c>, on one clock the tests move.</summary>
public sealed class ReplicatedSites : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
    public SignInSites Sites { get; private set; } = null!;
    public string GatewayDb { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        GatewayDb = await SessionDatabase.NewConnectionStringAsync("gatewayreplicas");
        Sites = Replicated(GatewayDb, Time);
        await Sites.InitializeAsync();
    }

    public ValueTask DisposeAsync() => Sites.DisposeAsync();

    public async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(GatewayDb);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}

/// <summary>
/// Behind a load balancer without sticky sessions: any replica continues what another began — the session cookie, the
/// sign-in itself, the refreshed tokens, the sign-out — because sessions and the data-protection key ring are in gatewaydb.
/// </summary>
public sealed class ReplicaTests(ReplicatedSites fixture) : IClassFixture<ReplicatedSites>
{
    private static readonly Dictionary<string, string> Csrf = new() { ["X-CSRF"] = "1" };
    private SignInSites Sites => fixture.Sites;

    [Fact]
    public async Task A_session_begun_at_one_replica_carries_its_bearer_token_through_the_other()
    {
        using var browser = Sites.NewReplicaBrowser().At(0);
        await browser.SignInAsync("lao-cai.reporter", Password);

        browser.At(1);
        var proxied = await browser.SendAsync(HttpMethod.Get, "/api/intake/submissions");
        var me = await browser.SendAsync(HttpMethod.Get, "/api/me");

        Assert.Equal(HttpStatusCode.OK, proxied.Status);
        Assert.Equal("lao-cai.reporter", Read(proxied).Username);
        Assert.Contains("platform-api", Read(proxied).Audiences);
        Assert.False(Read(proxied).HadCookies);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Contains("lao-cai.reporter", me.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_started_at_one_replica_completes_at_the_other_and_both_made_one_key_between_them()
    {
        using var browser = Sites.NewReplicaBrowser();
        // The challenge (state, correlation and nonce cookies) at replica 0, the identity provider's callback at replica 1.
        browser.Route = uri => uri.AbsolutePath.StartsWith("/signin-oidc", StringComparison.Ordinal) ? 1 : 0;

        var landed = await browser.SignInAsync("thanh-hoa.reporter", Password, returnUrl: "/bao-cao");
        var proxied = await browser.At(0).SendAsync(HttpMethod.Get, "/api/intake/x");

        Assert.Equal(SignInBrowser.GatewayUrl + "/bao-cao", landed.Url.ToString());
        Assert.Equal(HttpStatusCode.OK, proxied.Status);
        Assert.Equal("thanh-hoa.reporter", Read(proxied).Username);
        // Started together on an empty key ring, the replicas agreed on one key instead of making one each.
        Assert.Equal(1, await fixture.CountAsync("data_protection_keys"));
    }

    [Fact]
    public async Task Signing_out_at_one_replica_ends_the_session_at_the_other_once_its_five_second_copy_lapses()
    {
        using var browser = Sites.NewReplicaBrowser().At(0);
        await browser.SignInAsync("lao-cai.reporter", Password);
        var cookie = browser.Cookies.GetCookieHeader(new Uri(SignInBrowser.GatewayUrl));
        var before = await browser.SendAsync(HttpMethod.Get, "/api/me");

        var signOut = await browser.At(1).SendAsync(HttpMethod.Post, "/dang-xuat");
        var replayed = new Dictionary<string, string> { ["Cookie"] = cookie };
        browser.At(0);
        // Replica 0 read the session a moment ago and answers from its copy for at most Gateway:Sessions:ReplicaCache (5 s)...
        var withinCopy = await browser.SendAsync(HttpMethod.Get, "/api/me", headers: replayed);
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        // ...then reads gatewaydb, where the session is gone.
        var afterCopy = await browser.SendAsync(HttpMethod.Get, "/api/me", headers: replayed);
        var proxied = await browser.SendAsync(HttpMethod.Get, "/api/intake/x", headers: replayed);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Redirect, signOut.Status);
        Assert.Equal(HttpStatusCode.OK, withinCopy.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, afterCopy.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, proxied.Status);
        Assert.Equal("application/problem+json", proxied.ContentType);
    }

    [Fact]
    public async Task Tokens_refreshed_at_one_replica_are_the_ones_the_other_forwards_without_refreshing_again()
    {
        using var browser = Sites.NewReplicaBrowser().At(0);
        await browser.SignInAsync("lao-cai.reporter", Password);
        var signedIn = Read(await browser.At(1).SendAsync(HttpMethod.Get, "/api/intake/a"));

        // The realm's access tokens live 300 s; 250 s later the token is inside the 60 s margin: the next call refreshes.
        fixture.Time.Advance(TimeSpan.FromSeconds(250));
        var refreshedAt0 = Read(await browser.At(0).SendAsync(HttpMethod.Get, "/api/intake/b"));
        // Replica 1 last saw the old token (its copy has lapsed): it finds the refreshed one in gatewaydb and forwards it.
        var nextAt1 = Read(await browser.At(1).SendAsync(HttpMethod.Get, "/api/intake/c"));
        var unsafeAt1 = await browser.SendAsync(HttpMethod.Post, "/api/intake/d", new StringContent("{}"), Csrf);

        Assert.NotEqual(signedIn.TokenId, refreshedAt0.TokenId);
        Assert.Equal(refreshedAt0.TokenId, nextAt1.TokenId);
        Assert.Equal(HttpStatusCode.OK, unsafeAt1.Status);
        Assert.Equal(refreshedAt0.TokenId, Read(unsafeAt1).TokenId);
    }
}
