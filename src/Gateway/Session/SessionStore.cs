using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Distributed;

namespace Platform.Gateway.Session;

/// <summary>
/// Keeps the whole sign-in (claims, access, refresh and ID tokens) on the server, in <see cref="IDistributedCache"/>;
/// the browser's cookie carries only a random session key. Entries are encrypted with data protection.
/// In-memory cache by default: several gateway replicas need a shared cache (Redis) and shared data-protection keys.
/// </summary>
internal sealed class SessionStore(IDistributedCache cache, IDataProtectionProvider dataProtection, TimeProvider time) : ITicketStore
{
    private const string Prefix = "gateway-session:";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Platform.Gateway.Session");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var options = new DistributedCacheEntryOptions
        {
            AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? time.GetUtcNow().AddHours(8),
        };
        return cache.SetAsync(Prefix + key, _protector.Protect(TicketSerializer.Default.Serialize(ticket)), options);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var bytes = await cache.GetAsync(Prefix + key);
        if (bytes is null) return null;
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);
}
