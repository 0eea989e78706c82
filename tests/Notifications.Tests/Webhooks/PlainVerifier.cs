using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Notifications.Tests.Webhooks;

/// <summary>
/// What a subscriber writes from docs/webhooks.md, with nothing of the service's code: parse <c>Platform-Signature</c>,
/// recompute HMAC-SHA256(secret, "t.body"), compare in constant time, refuse a timestamp outside the tolerance.
/// </summary>
internal static class PlainVerifier
{
    public static bool Verify(string secret, string header, byte[] body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToLookup(p => p[0], p => p[1]);
        if (!long.TryParse(parts["t"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var t)) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - t) > tolerance.TotalSeconds) return false;
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = hmac.ComputeHash([.. Encoding.UTF8.GetBytes(t + "."), .. body]);
        return parts["v1"].Any(v => v.Length == expected.Length * 2
            && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(v), expected));
    }

    public static long Timestamp(string header) =>
        long.Parse(header.Split(',').Single(p => p.StartsWith("t=", StringComparison.Ordinal))[2..], CultureInfo.InvariantCulture);
}
