using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Platform.Notifications.Webhooks;

/// <summary>
/// Signing secrets. The HMAC key is the secret itself (the subscriber holds the same string), so it cannot be reduced to a
/// hash: it is stored encrypted with ASP.NET Core Data Protection (key ring in the service's database,
/// <see cref="Platform.DataAndMessaging.DataProtection.DatabaseKeyRing{TContext}"/>) and shown once, at creation and at rotation.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Platform.Notifications.Webhooks.Secret.v1");

    /// <summary>A new secret: <c>whsec_</c> and 64 hexadecimal digits (32 random bytes).</summary>
    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
