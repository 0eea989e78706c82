using System.Collections.Concurrent;
using System.Security.Claims;
using OpenIddict.Abstractions;
using Platform.IdentityProvider.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.IdentityProvider.Revocation;

/// <summary>
/// What has been revoked, in memory (degraded mode keeps no token store; a restart forgets it, as it forgets the
/// signing keys). Three kinds of entries, each kept until the last token it can concern has expired:
/// an access token by its <c>jti</c>; a grant (Keycloak's client session: one sign-in of one client, carried by its
/// code, refresh tokens and access tokens as the authorization id) by revoking one of its refresh tokens; a browser
/// session (<c>sid</c>) at logout.
/// </summary>
public sealed class RevocationList(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);

    public void RevokeAccessToken(string tokenId, DateTimeOffset expires) => Add($"jti:{tokenId}", expires);

    public void RevokeGrant(string authorizationId, DateTimeOffset expires) => Add($"grant:{authorizationId}", expires);

    public void RevokeSession(string sessionId, DateTimeOffset expires) => Add($"sid:{sessionId}", expires);

    public bool IsRevoked(ClaimsPrincipal token) =>
        (token.HasTokenType(TokenTypeIdentifiers.AccessToken) && Contains($"jti:{token.GetClaim(Claims.JwtId)}"))
        || (token.GetAuthorizationId() is { } grant && Contains($"grant:{grant}"))
        || (token.GetClaim(KeycloakIdentity.SessionId) is { } session && Contains($"sid:{session}"));

    private bool Contains(string key) => _revoked.TryGetValue(key, out var until) && until > time.GetUtcNow();

    private void Add(string key, DateTimeOffset until)
    {
        _revoked.AddOrUpdate(key, until, (_, previous) => previous > until ? previous : until);
        var now = time.GetUtcNow();
        foreach (var (expiredKey, expiredUntil) in _revoked)
        {
            if (expiredUntil <= now) _revoked.TryRemove(new KeyValuePair<string, DateTimeOffset>(expiredKey, expiredUntil));
        }
    }
}
