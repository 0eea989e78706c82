using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Notifications.Webhooks;

/// <summary>
/// <c>Platform-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;body&gt;")&gt;</c>: the key is the
/// secret's UTF-8 bytes, the signed text the timestamp, a dot and the body's exact bytes (docs/webhooks.md).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Platform-Signature";

    public static string Sign(string secret, long timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }
}
