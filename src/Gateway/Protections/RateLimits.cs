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
            && ReadPayload(authorization["Bearer ".Length..].Trim()) is { } payload)
        {
            var sub = Text(payload, "sub");
            var azp = Text(payload, "azp") ?? Text(payload, "client_id");
            var serviceAccount = Text(payload, "preferred_username")?.StartsWith("service-account-", StringComparison.Ordinal) == true
                || Text(payload, "client_id") is not null;
            if (serviceAccount && azp is not null) return "client:" + azp;
            if (sub is not null) return "user:" + sub;
            if (azp is not null) return "client:" + azp;
        }
        return IpKey(context);
    }

    private static string? Text(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 256 } text
            ? text
            : null;

    private static JsonElement? ReadPayload(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[1].Length is 0 or > 16_384) return null;
        try
        {
            var base64 = parts[1].Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            using var document = JsonDocument.Parse(Convert.FromBase64String(base64));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
