using System.Buffers;
using System.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Session;

/// <summary>
/// The gateway's check of a caller's own bearer token, remembered: a token the JwtBearer handler accepted (issuer,
/// audience, lifetime, RS256 signature, <c>typ=Bearer</c>) is known by its SHA-256 until it expires (its <c>exp</c>
/// plus the clock skew the handler allows), never longer than <see cref="MaxAge"/>, at most
/// <c>Gateway:TokenCache:Capacity</c> tokens (default 10,000; 0 turns remembering off). A machine client sends the
/// same token for minutes, and the signature check was a quarter of the gateway's own work per call.
/// Only accepted tokens are remembered: a forged, altered or expired one is checked, and refused, every time.
/// </summary>
internal sealed class ValidatedTokens : IDisposable
{
    /// <summary>Longest time a token is taken on trust: bounds how long a withdrawn signing key is still honoured here.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private const int DefaultCapacity = 10_000;
    private readonly IOptionsMonitor<JwtBearerOptions> _jwt;
    private readonly TimeProvider _time;
    private readonly MemoryCache? _remembered;

    public ValidatedTokens(IConfiguration configuration, IOptionsMonitor<JwtBearerOptions> jwt, TimeProvider time)
    {
        _jwt = jwt;
        _time = time;
        var capacity = configuration.GetValue<int?>("Gateway:TokenCache:Capacity") ?? DefaultCapacity;
        _remembered = capacity > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity }) : null;
    }

    /// <summary>True when the request's bearer token is valid: remembered as valid, or accepted by the handler now.</summary>
    public async Task<bool> IsValidAsync(HttpContext context)
    {
        var now = _time.GetUtcNow();
        var key = _remembered is null ? null : Key(context.Request.Headers.Authorization.ToString());
        if (key is not null && _remembered!.TryGetValue(key, out DateTimeOffset until) && now < until) return true;

        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded) return false;
        if (key is not null && result.Properties?.ExpiresUtc is { } expires)
        {
            // The handler's own tolerance: a remembered token lapses when the handler would start refusing it.
            var parameters = _jwt.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
            var remember = expires + parameters.ClockSkew < now + MaxAge ? expires + parameters.ClockSkew : now + MaxAge;
            if (remember > now)
            {
                _remembered!.Set(key, remember, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = remember - now, Size = 1 });
            }
        }
        return true;
    }

    /// <summary>
    /// The SHA-256 of the header's UTF-8 bytes: the cache holds no token, and a changed character is another token.
    /// UTF-8, not the string's UTF-16: a token is ASCII, so half the bytes to hash on every call.
    /// </summary>
    internal static string Key(string authorization)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(authorization.Length);
        byte[]? rented = null;
        var utf8 = length <= 4096 ? stackalloc byte[4096] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(authorization, utf8);
            SHA256.HashData(utf8[..written], hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
        return Convert.ToBase64String(hash);
    }

    public void Dispose() => _remembered?.Dispose();
}
