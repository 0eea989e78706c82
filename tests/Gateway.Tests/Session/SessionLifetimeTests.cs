using System.Net;
using System.Text.Json;
using Npgsql;
using static Platform.Gateway.Tests.Session.SignInSites;

namespace Platform.Gateway.Tests.Session;

/// <summary>A clock the tests set: each test starts at the real time (the identity provider's) and moves forward from there.</summary>
public sealed class SettableClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Reset() => Interlocked.Exchange(ref _ticks, DateTimeOffset.UtcNow.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>
/// One gateway on its own <c>gatewaydb</c> with short session lifetimes (idle 10 min, absolute 30 min) on a clock the tests
/// move; the identity provider issues Keycloak's 5-minute access tokens on the real clock.
/// </summary>
public sealed class StoredSessionSites : IAsyncLifetime
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Absolute = TimeSpan.FromMinutes(30);

    public SettableClock Time { get; } = new();
    public SignInSites Sites { get; private set; } = null!;
    public string GatewayDb { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        GatewayDb = await SessionDatabase.NewConnectionStringAsync("gatewaylifetimes");
        Sites = Stored(GatewayDb, Time, new Dictionary<string, string>
        {
            ["Gateway:Sessions:IdleTimeout"] = "00:10:00",
            ["Gateway:Sessions:AbsoluteLifetime"] = "00:30:00",
        });
        await Sites.InitializeAsync();
    }

    public ValueTask DisposeAsync() => Sites.DisposeAsync();

    /// <summary>Sessions stored in gatewaydb that are still readable at the gateway's time.</summary>
    public async Task<long> LiveSessionsAsync()
    {
        await using var connection = new NpgsqlConnection(GatewayDb);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM sessions WHERE expires_at > $1", connection);
        count.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = Time.GetUtcNow() });
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Deletes every stored session: each test counts only its own.</summary>
    public async Task ClearAsync()
    {
        await using var connection = new NpgsqlConnection(GatewayDb);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var delete = new NpgsqlCommand("DELETE FROM sessions", connection);
        await delete.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async Task<long> StoredSessionsAsync()
    {
        await using var connection = new NpgsqlConnection(GatewayDb);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM sessions", connection);
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}

/// <summary>
/// How long a gateway session lives (idle and absolute lifetime, the session cookie's attributes), when its access token is
/// refreshed, and what a refused refresh does: the session ends — cookie, stored row and all.
/// </summary>
public sealed class SessionLifetimeTests(StoredSessionSites fixture) : IClassFixture<StoredSessionSites>, IAsyncLifetime
{
    private readonly StoredSessionSites _fixture = fixture;

    public async ValueTask InitializeAsync()
    {
        // Every test begins at the identity provider's time with no stored session (tests of this class run one after another).
        _fixture.Time.Reset();
        await _fixture.ClearAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private SignInSites Sites => _fixture.Sites;

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_SameSite_Lax_for_the_whole_site_and_dies_with_the_browser()
    {
        using var browser = Sites.NewBrowser();
        await browser.SignInAsync("lao-cai.reporter", Password);

        var setCookie = Assert.Single(browser.Received, r => r.StartsWith("platform.session=", StringComparison.Ordinal));
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();

        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        // A browser-session cookie: nothing keeps it beyond the browser, the server decides how long the session lives.
        Assert.DoesNotContain(attributes, a => a.StartsWith("expires=", StringComparison.Ordinal) || a.StartsWith("max-age=", StringComparison.Ordinal));
        // Development over plain HTTP: not Secure (outside Development it is, see CookieAttributesTests).
        Assert.DoesNotContain("secure", attributes);
        // The cookie is a key, not the session: no token in it.
        Assert.True(setCookie.Length < 600, setCookie);
    }

    [Fact]
    public async Task A_session_unused_for_longer_than_the_idle_timeout_ends_and_one_used_in_time_slides_on()
    {
        using var idle = Sites.NewBrowser();
        await idle.SignInAsync("lao-cai.reporter", Password);
        using var busy = Sites.NewBrowser();
        await busy.SignInAsync("thanh-hoa.reporter", Password);

        // Used after 6 minutes (past half of the 10-minute window): renewed for another 10.
        _fixture.Time.Advance(TimeSpan.FromMinutes(6));
        var busyAt6 = await busy.SendAsync(HttpMethod.Get, "/api/me");
        _fixture.Time.Advance(TimeSpan.FromMinutes(5));
        // 11 minutes after sign-in: the unused session is over, the used one is not.
        var idleAt11 = await idle.SendAsync(HttpMethod.Get, "/api/me");
        var idleProxiedAt11 = await idle.SendAsync(HttpMethod.Get, "/api/intake/x");
        var busyAt11 = await busy.SendAsync(HttpMethod.Get, "/api/intake/x");
        // ...until it too is left unused for longer than the window.
        _fixture.Time.Advance(TimeSpan.FromMinutes(11));
        var busyAt22 = await busy.SendAsync(HttpMethod.Get, "/api/me");

        Assert.Equal(HttpStatusCode.OK, busyAt6.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, idleAt11.Status);
        AssertSignInProblem(idleProxiedAt11);
        Assert.Equal(HttpStatusCode.OK, busyAt11.Status);
        Assert.Equal("thanh-hoa.reporter", Read(busyAt11).Username);
        Assert.Equal(HttpStatusCode.Unauthorized, busyAt22.Status);
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_busy_cookie_and_stored_row_included()
    {
        using var browser = Sites.NewBrowser();
        await browser.SignInAsync("lao-cai.leader", Password);
        var cookie = browser.Cookies.GetCookieHeader(new Uri(SignInBrowser.GatewayUrl));

        // Used every 6 minutes (each use renews the 10-minute window and refreshes the 5-minute access token)...
        var uses = new List<HttpStatusCode>();
        for (var minute = 6; minute <= 24; minute += 6)
        {
            _fixture.Time.Advance(TimeSpan.FromMinutes(6));
            uses.Add((await browser.SendAsync(HttpMethod.Get, "/api/intake/x")).Status);
        }
        _fixture.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(58));
        var at29m58 = await browser.SendAsync(HttpMethod.Get, "/api/me");
        var storedAt29m58 = await _fixture.StoredSessionsAsync();
        // ...yet 30 minutes after sign-in it is over, 3 seconds after its last use — even here, where this replica still
        // holds the copy it read 3 s ago (Gateway:Sessions:ReplicaCache, 5 s): the session is ended, cookie and row.
        _fixture.Time.Advance(TimeSpan.FromSeconds(3));
        var at30m01 = await browser.SendAsync(HttpMethod.Get, "/api/me");
        var storedAt30m01 = await _fixture.StoredSessionsAsync();
        var proxiedAfter = await browser.SendAsync(HttpMethod.Get, "/api/intake/x");
        var replayed = await browser.SendAsync(HttpMethod.Get, "/api/me", headers: new Dictionary<string, string> { ["Cookie"] = cookie });

        Assert.All(uses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.OK, at29m58.Status);
        Assert.Equal(1, storedAt29m58);
        Assert.Equal(HttpStatusCode.Unauthorized, at30m01.Status);
        Assert.Equal(0, storedAt30m01);
        Assert.DoesNotContain(browser.Cookies.GetCookies(new Uri(SignInBrowser.GatewayUrl)), c => c.Name == "platform.session");
        AssertSignInProblem(proxiedAfter);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.Status);
    }

    [Fact]
    public async Task The_access_token_is_forwarded_unchanged_until_it_is_within_60_seconds_of_expiry_then_refreshed_first()
    {
        using var browser = Sites.NewBrowser();
        await browser.SignInAsync("lao-cai.reporter", Password);

        var first = Read(await browser.SendAsync(HttpMethod.Get, "/api/intake/a"));
        // Keycloak's access tokens live 300 s: at 235 s 65 s remain, outside the 60 s margin...
        _fixture.Time.Advance(TimeSpan.FromSeconds(235));
        var at235 = Read(await browser.SendAsync(HttpMethod.Get, "/api/intake/b"));
        // ...at 245 s 55 s remain: the gateway refreshes before forwarding.
        _fixture.Time.Advance(TimeSpan.FromSeconds(10));
        var at245 = Read(await browser.SendAsync(HttpMethod.Get, "/api/intake/c"));
        var after = Read(await browser.SendAsync(HttpMethod.Get, "/api/intake/d"));

        Assert.NotNull(first.TokenId);
        Assert.Equal(first.TokenId, at235.TokenId);
        Assert.NotEqual(first.TokenId, at245.TokenId);
        Assert.Equal(at245.TokenId, after.TokenId);
        Assert.Equal("lao-cai.reporter", at245.Username);
    }

    [Fact]
    public async Task A_refresh_the_identity_provider_refuses_ends_the_session_cookie_and_stored_row_and_the_next_page_asks_to_sign_in()
    {
        using var browser = Sites.NewBrowser();
        await browser.SignInAsync("thanh-hoa.leader", Password);
        var cookie = browser.Cookies.GetCookieHeader(new Uri(SignInBrowser.GatewayUrl));
        var before = await browser.SendAsync(HttpMethod.Get, "/api/intake/before");
        var storedBefore = await _fixture.StoredSessionsAsync();

        // The session is ended at the identity provider itself (an administrator, another tab's sign-out): its refresh
        // token is refused from now on (invalid_grant).
        var ended = await browser.SendAsync(HttpMethod.Get, SignInBrowser.IdentityUrl + "/realms/platform/protocol/openid-connect/logout");
        // Still within the access token's life the gateway has no reason to ask; 250 s later it must refresh.
        _fixture.Time.Advance(TimeSpan.FromSeconds(250));
        var reachedBefore = Sites.TokensSeen.Count;
        var refused = await browser.SendAsync(HttpMethod.Get, "/api/intake/after");
        var reachedAfter = Sites.TokensSeen.Count;
        var storedAfter = await _fixture.StoredSessionsAsync();
        var replayedApi = await browser.SendAsync(HttpMethod.Get, "/api/intake/again", headers: new Dictionary<string, string> { ["Cookie"] = cookie });
        var replayedMe = await browser.SendAsync(HttpMethod.Get, "/api/me", headers: new Dictionary<string, string> { ["Cookie"] = cookie });
        var signInAgain = await browser.FollowAsync(await browser.SendAsync(HttpMethod.Get, "/dang-nhap?returnUrl=/bao-cao"));

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.OK, ended.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        using (var problem = JsonDocument.Parse(refused.Body))
        {
            Assert.Equal("Chưa đăng nhập", problem.RootElement.GetProperty("title").GetString());
            Assert.Equal("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", problem.RootElement.GetProperty("detail").GetString());
        }
        // The call never reached the service, the browser was told to drop the cookie, and the stored session is gone.
        Assert.Equal(reachedBefore, reachedAfter);
        Assert.DoesNotContain(browser.Cookies.GetCookies(new Uri(SignInBrowser.GatewayUrl)), c => c.Name == "platform.session");
        Assert.Equal(1, storedBefore);
        Assert.Equal(0, storedAfter);
        AssertSignInProblem(replayedApi);
        Assert.Equal(HttpStatusCode.Unauthorized, replayedMe.Status);
        // A page (what the web application does on that 401) goes to the identity provider's form: a new sign-in.
        Assert.StartsWith(SignInBrowser.IdentityUrl + "/realms/platform/", signInAgain.Url.ToString(), StringComparison.Ordinal);
        Assert.Contains("name=\"password\"", signInAgain.Body, StringComparison.Ordinal);
    }

    private static void AssertSignInProblem(SignInBrowser.Page page)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Null(page.Location);
        Assert.Equal("application/problem+json", page.ContentType);
        using var problem = JsonDocument.Parse(page.Body);
        Assert.Equal("Chưa đăng nhập", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("Vui lòng đăng nhập để tiếp tục.", problem.RootElement.GetProperty("detail").GetString());
    }
}
