using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Platform.Gateway.Protections;

/// <summary>
/// Fixed-window limits per caller: the bearer token's <c>sub</c> for people, <c>azp</c> for machine clients
/// (service accounts), the browser session (its cookie) for people signed in at the gateway — whether the browser calls
/// or the web application calls on its behalf — else the client IP. Tokens and cookies are only read, not validated
/// (the services and the session check validate them), so a second, wider limit per IP
/// (<c>Gateway:RateLimit:IpPermitLimit</c>) stops anyone from escaping the per-caller limit with made-up ones. The web
/// application calls from its own address for everyone: a request from an address in
/// <c>Gateway:RateLimit:TrustedForwarders</c> (the web application's, IPs or CIDR ranges) is counted at the address
/// its <c>X-Forwarded-For</c> names, the browser's. <c>/health</c> and <c>/alive</c> are not limited (probes).
/// </summary>
internal static class RateLimits
{
    public sealed record Settings(int PermitLimit, TimeSpan Window, int IpPermitLimit, IReadOnlyList<IPNetwork> TrustedForwarders);

    public static Settings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Gateway:RateLimit");
        var permit = section.GetValue<int?>("PermitLimit") is > 0 and var p ? p : 300;
        var window = section.GetValue<TimeSpan?>("Window") is { } w && w > TimeSpan.Zero ? w : TimeSpan.FromMinutes(1);
        var perIp = section.GetValue<int?>("IpPermitLimit") is > 0 and var i ? i : permit * 10;
        var trusted = (section.GetSection("TrustedForwarders").Get<string[]>() ?? []).Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => IPNetwork.TryParse(t.Trim(), out var network) ? network
                : IPAddress.TryParse(t.Trim(), out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
                : throw new InvalidOperationException($"Gateway:RateLimit:TrustedForwarders: '{t}' is neither an IP address nor a CIDR range."))
            .ToList();
        return new Settings(permit, window, perIp, trusted);
    }

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = Read(configuration);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Exempt(context)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetFixedWindowLimiter(CallerKey(context, settings.TrustedForwarders), _ => Window(settings.PermitLimit, settings.Window))),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Exempt(context)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetFixedWindowLimiter(IpKey(context, settings.TrustedForwarders), _ => Window(settings.IpPermitLimit, settings.Window))));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : settings.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await GatewayProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau {seconds.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} giây.");
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permit, TimeSpan window) => new()
    {
        PermitLimit = permit,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static bool Exempt(HttpContext context) =>
        context.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.Equals("/alive", StringComparison.OrdinalIgnoreCase);

    /// <summary>The client's address: the peer's, or the browser's as a trusted forwarder (the web application) names it.</summary>
    internal static string IpKey(HttpContext context, IReadOnlyList<IPNetwork> trustedForwarders)
    {
        var peer = context.Connection.RemoteIpAddress;
        if (peer is not null && trustedForwarders.Count > 0)
        {
            if (peer.IsIPv4MappedToIPv6) peer = peer.MapToIPv4();
            if (trustedForwarders.Any(n => n.Contains(peer))
                && context.Request.Headers["X-Forwarded-For"].ToString().Split(',')[0].Trim() is { Length: > 0 } forwarded
                && IPAddress.TryParse(forwarded, out var client))
                return "ip:" + client;
        }
        return "ip:" + (peer?.ToString() ?? "unknown");
    }

    /// <summary>
    /// <c>client:&lt;azp&gt;</c> for a service account, <c>user:&lt;sub&gt;</c> for a person's token,
    /// <c>session:&lt;hash&gt;</c> for a browser session, else the IP.
    /// </summary>
    internal static string CallerKey(HttpContext context, IReadOnlyList<IPNetwork> trustedForwarders)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && ReadCaller(authorization.AsSpan("Bearer ".Length).Trim()) is { } caller)
        {
            var azp = caller.Azp ?? caller.ClientId;
            var serviceAccount = caller.Username?.StartsWith("service-account-", StringComparison.Ordinal) == true || caller.ClientId is not null;
            if (serviceAccount && azp is not null) return "client:" + azp;
            if (caller.Sub is not null) return "user:" + caller.Sub;
            if (azp is not null) return "client:" + azp;
        }
        // The session key, hashed: the key itself never sits in the limiter's table.
        if (context.Request.Cookies[Session.GatewaySession.CookieName] is { Length: > 0 and <= 4096 } session)
            return "session:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(session)), 0, 16);
        return IpKey(context, trustedForwarders);
    }

    private sealed record Caller(string? Sub, string? Azp, string? ClientId, string? Username);

    /// <summary>
    /// The four claims the key needs, read from the token's payload without validating it (the gateway's bearer
    /// check comes later, the services check it too). Decoded on the stack and read with a forward-only reader:
    /// this runs for every request, twice the chained limiters' cost otherwise.
    /// </summary>
    private static Caller? ReadCaller(ReadOnlySpan<char> token)
    {
        var first = token.IndexOf('.');
        if (first < 0) return null;
        var rest = token[(first + 1)..];
        var second = rest.IndexOf('.');
        if (second < 0 || rest[(second + 1)..].Contains('.')) return null;
        var payload = rest[..second];
        if (payload.Length is 0 or > 16_384) return null;

        byte[]? rented = null;
        var buffer = payload.Length <= 2048 ? stackalloc byte[2048] : (rented = ArrayPool<byte>.Shared.Rent(payload.Length));
        try
        {
            // Not TryDecodeFromChars: it throws on characters outside base64url or a length of 4n+1 ("Bearer a.b.c"),
            // which failed the request with a 500 before any check; a caller that sends that is counted by its address.
            if (Base64Url.DecodeFromChars(payload, buffer, out _, out var length) != OperationStatus.Done) return null;
            var reader = new Utf8JsonReader(buffer[..length]);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            string? sub = null, azp = null, clientId = null, username = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                ref var claim = ref sub;
                if (reader.ValueTextEquals("sub"u8)) claim = ref sub;
                else if (reader.ValueTextEquals("azp"u8)) claim = ref azp;
                else if (reader.ValueTextEquals("client_id"u8)) claim = ref clientId;
                else if (reader.ValueTextEquals("preferred_username"u8)) claim = ref username;
                else
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }
                reader.Read();
                // Not a usable key unless it is a string of 1–256 characters.
                claim = reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 and <= 256 } text ? text : null;
                reader.Skip();
            }
            return reader.TokenType == JsonTokenType.EndObject ? new Caller(sub, azp, clientId, username) : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
