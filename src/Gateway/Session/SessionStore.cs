using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Session;

/// <summary><c>Gateway:Sessions</c>: how long a replica keeps a session it read, and how often expired sessions are swept.</summary>
public sealed class SessionStoreOptions
{
    public const string Section = "Gateway:Sessions";

    /// <summary>
    /// How long a replica answers from its own copy of a session before reading <c>gatewaydb</c> again (5 s by default;
    /// zero reads every time). A sign-out, or a session ended at another replica, is honoured here within this time.
    /// </summary>
    public TimeSpan ReplicaCache { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most sessions a replica keeps a copy of.</summary>
    public int ReplicaCacheCapacity { get; set; } = 10_000;

    /// <summary>How often expired sessions are deleted from <c>gatewaydb</c> (10 minutes by default).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A session unused this long ends (8 hours by default). Sliding: a call in the second half of the window renews it.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// A session ends this long after sign-in however busy it is (10 hours by default, Keycloak's SSO Session Max of our
    /// realms): sliding renewals and token refreshes never carry it further.
    /// </summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(10);
}

/// <summary>
/// Keeps the whole sign-in (claims, access, refresh and ID tokens) on the server, in <see cref="IDistributedCache"/>;
/// the browser's cookie carries only a random session key. Entries are encrypted with data protection.
/// With <c>gatewaydb</c> the cache is <see cref="PostgresSessionCache"/> and the key ring is in the same database, so
/// every replica reads every session; each replica keeps what it read for <see cref="SessionStoreOptions.ReplicaCache"/>
/// (a session's calls come in bursts: one database read per burst, not per call). Without it, the in-memory cache of
/// one process.
/// </summary>
internal sealed class SessionStore(IDistributedCache cache, IDataProtectionProvider dataProtection, TimeProvider time, IOptions<SessionStoreOptions> options)
    : ITicketStore
{
    /// <summary>HttpContext item: the key of the session read for this request (<see cref="RetrieveFreshAsync"/>).</summary>
    public const string KeyItem = "Platform.Gateway.SessionKey";

    private const string Prefix = "gateway-session:";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Platform.Gateway.Session");
    private readonly ConcurrentDictionary<string, Copy> _copies = new(StringComparer.Ordinal);
    private readonly TimeSpan _replicaCache = options.Value.ReplicaCache;
    private readonly int _capacity = options.Value.ReplicaCacheCapacity;
    private readonly TimeSpan _absoluteLifetime = options.Value.AbsoluteLifetime;

    /// <summary>Ticket property: when the person signed in (round-trip format); kept through refreshes and renewals.</summary>
    public const string SignedInAtItem = ".platform.signed-in-at";

    /// <summary>When the session of <paramref name="properties"/> must end at the latest: sign-in + <see cref="SessionStoreOptions.AbsoluteLifetime"/>.</summary>
    public DateTimeOffset? AbsoluteEnd(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAtItem, out var at)
        && DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var signedInAt)
            ? signedInAt + _absoluteLifetime
            : null;

    private sealed record Copy(byte[] Protected, DateTimeOffset Until);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        // The row lives as long as the cookie's ticket (idle window), never past the absolute end.
        var expires = ticket.Properties.ExpiresUtc ?? time.GetUtcNow() + options.Value.IdleTimeout;
        if (AbsoluteEnd(ticket.Properties) is { } end && end < expires) expires = end;
        var entry = new DistributedCacheEntryOptions { AbsoluteExpiration = expires };
        var bytes = _protector.Protect(TicketSerializer.Default.Serialize(ticket));
        await cache.SetAsync(Prefix + key, bytes, entry);
        Remember(key, bytes);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        httpContext.Items[KeyItem] = key;
        return RetrieveCachedAsync(key, cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveCachedAsync(key, CancellationToken.None);

    private async Task<AuthenticationTicket?> RetrieveCachedAsync(string key, CancellationToken cancellationToken)
    {
        if (_copies.TryGetValue(key, out var copy) && copy.Until > time.GetUtcNow()) return Unprotect(copy.Protected);
        return await RetrieveFreshAsync(key, cancellationToken);
    }

    /// <summary>The session as stored now (another replica may have renewed or ended it), never this replica's copy.</summary>
    public async Task<AuthenticationTicket?> RetrieveFreshAsync(string key, CancellationToken cancellationToken = default)
    {
        var bytes = await cache.GetAsync(Prefix + key, cancellationToken);
        if (bytes is null)
        {
            _copies.TryRemove(key, out _);
            return null;
        }
        Remember(key, bytes);
        return Unprotect(bytes);
    }

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RemoveAsync(key);

    public async Task RemoveAsync(string key)
    {
        _copies.TryRemove(key, out _);
        await cache.RemoveAsync(Prefix + key);
    }

    private AuthenticationTicket? Unprotect(byte[] bytes)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private void Remember(string key, byte[] bytes)
    {
        if (_replicaCache <= TimeSpan.Zero) return;
        var now = time.GetUtcNow();
        if (_copies.Count >= _capacity)
        {
            foreach (var (k, c) in _copies)
            {
                if (c.Until <= now) _copies.TryRemove(new(k, c));
            }
            if (_copies.Count >= _capacity) _copies.Clear();
        }
        _copies[key] = new Copy(bytes, now + _replicaCache);
    }
}
