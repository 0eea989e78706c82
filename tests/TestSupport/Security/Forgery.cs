namespace Platform.TestSupport.Security;

/// <summary>Ways an attacker or a misconfigured client produces a token the services must refuse.</summary>
public enum Forgery
{
    /// <summary>Signed RS256 by a different private key announcing the trusted key's <c>kid</c>.</summary>
    OtherKey,

    /// <summary>Header <c>alg: none</c> and no signature.</summary>
    AlgNone,

    /// <summary>HS256 with the trusted RSA public key (PEM) as the HMAC secret: the classic algorithm confusion.</summary>
    Hs256WithPublicKey,

    /// <summary>Validly signed, expired ten minutes ago (well beyond the clock skew).</summary>
    Expired,

    /// <summary>Validly signed, issued by another host's realm.</summary>
    WrongIssuer,

    /// <summary>Validly signed, for another API.</summary>
    WrongAudience,

    /// <summary>Validly signed and for this API, but Keycloak's refresh token (<c>typ: Refresh</c>): not an API credential.</summary>
    RefreshToken,

    /// <summary>Validly signed and for this API, but an ID token (<c>typ: ID</c>): not an API credential.</summary>
    IdToken,
}
