using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Platform.Gateway.Protections;

/// <summary>
/// Fixed-window limits per caller: the bearer token's <c>sub</c> for people, <c>azp</c> for machine clients
/// (service accounts), else the client IP. The token is only read, not validated (the services validate it),
/// so a second, wider limit per IP (<c>Gateway:RateLimit:IpPermitLimit</c>) stops anyone from escaping the
/// per-user limit with made-up tokens. <c>/health</c> and <c>/alive</c> are not limited (probes).
/// </summary>
internal static class RateLimits
{
    public sealed record Settings(int PermitLimit, TimeSpan Window, int IpPermitLimit);

    public static Settings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Gateway:RateLimit");
        var permit = section.GetValue<int?>("PermitLimit") is > 0 and var p ? p : 300;
        var window = section.GetValue<TimeSpan?>("Window") is { } w && w > TimeSpan.Zero ? w : TimeSpan.FromMinutes(1);
        var perIp = section.GetValue<int?>("IpPermitLimit") is > 0 and var i ? i : permit * 10;
        return new Settings(permit, window, perIp);
    }

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = Read(configuration);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Exempt(context)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetFixedWindowLimiter(CallerKey(context), _ => Window(settings.PermitLimit, settings.Window))),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Exempt(context)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetFixedWindowLimiter(IpKey(context), _ => Window(settings.IpPermitLimit, settings.Window))));
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

    private static string IpKey(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary><c>client:&lt;azp&gt;</c> for a service account, <c>user:&lt;sub&gt;</c> for a person, else the IP.</summary>
    internal static string CallerKey(HttpContext context)
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
        return IpKey(context);
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
            if (!Base64Url.TryDecodeFromChars(payload, buffer, out var length)) return null;
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
