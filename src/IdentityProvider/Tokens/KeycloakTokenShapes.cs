using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Platform.IdentityProvider.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.IdentityProvider.Tokens;

/// <summary>
/// Every token a client receives is a JWT signed with the realm key published at <c>certs</c>, with Keycloak's
/// <c>typ</c> claim saying what it is for: <c>Bearer</c> (access), <c>ID</c>, <c>Refresh</c>. keycloak-js decodes all
/// three as JWTs; our services refuse any <c>typ</c> but <c>Bearer</c>.
/// </summary>
/// <remarks>
/// OpenIddict encrypts every token but access and ID tokens (and access tokens only unless
/// <c>DisableAccessTokenEncryption</c>): its refresh tokens are JWEs, five dot-separated parts whose second is an
/// encrypted key, and keycloak-js's <c>init</c> fails with "Unable to decode token, payload is not a valid JSON
/// value". There is no option for refresh tokens, so the credentials are replaced here, after OpenIddict attached
/// them. A signed refresh token stays unforgeable (OpenIddict checks its signature, issuer, lifetime and header
/// <c>typ</c> <c>oi_reft+jwt</c>, so an access or ID token is never taken for one); what it reveals is what Keycloak's
/// reveals. Authorization codes stay encrypted: no client reads them.
/// </remarks>
public static class KeycloakTokenShapes
{
    public const string TokenType = "typ";

    /// <summary>OpenIddict's own claims a refresh token keeps: its dates, issuer and type (written as <c>iat</c>,
    /// <c>exp</c>, <c>iss</c> and the header's <c>typ</c>) and the grant id (<c>oi_au_id</c>, what revoking ends).</summary>
    private static readonly HashSet<string> OpenIddictClaims =
    [
        Claims.Private.CreationDate, Claims.Private.ExpirationDate, Claims.Private.Issuer, Claims.Private.TokenType,
        Claims.Private.TokenId, Claims.Private.AuthorizationId,
    ];

    public static OpenIddictServerBuilder AddKeycloakTokenShapes(this OpenIddictServerBuilder options)
    {
        options.AddEventHandler<GenerateTokenContext>(h => h.UseInlineHandler(context =>
        {
            switch (context.TokenType)
            {
                case TokenTypeIdentifiers.AccessToken:
                    context.Principal.SetClaim(TokenType, "Bearer");
                    break;
                case TokenTypeIdentifiers.IdentityToken:
                    context.Principal.SetClaim(TokenType, "ID");
                    break;
                case TokenTypeIdentifiers.RefreshToken:
                    context.EncryptionCredentials = null;
                    context.Principal = RefreshToken(context.Principal);
                    break;
            }
            return default;
        }).SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 500));
        return options;
    }

    /// <summary>
    /// Keycloak's refresh-token claims (<c>iss</c>, <c>aud</c> = the issuer, <c>sub</c>, <c>typ</c>, <c>azp</c>,
    /// <c>sid</c>, <c>scope</c>, <c>jti</c>, <c>exp</c>, <c>iat</c>), the user name the token endpoint looks the user up
    /// by, and the grant id. OpenIddict reads its scopes and presenter back from <c>scope</c> and <c>azp</c>. Whatever
    /// else the signed-in principal carries (names, roles, groups, unit, the code's PKCE challenge and redirect URI)
    /// stays out: each refresh reads the user anew from the realm file.
    /// </summary>
    private static ClaimsPrincipal RefreshToken(ClaimsPrincipal source)
    {
        var identity = new ClaimsIdentity(source.Identity?.AuthenticationType, Claims.PreferredUsername, null);
        identity.AddClaims(source.Claims.Where(c => OpenIddictClaims.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value, c.ValueType)));
        var issuer = source.GetClaim(Claims.Private.Issuer);
        if (issuer is not null) identity.SetClaim(Claims.Audience, issuer.TrimEnd('/'));
        identity.SetClaim(Claims.Subject, source.GetClaim(Claims.Subject));
        identity.SetClaim(TokenType, "Refresh");
        identity.SetClaim(Claims.AuthorizedParty, source.GetPresenters().Single());
        identity.SetClaim(KeycloakIdentity.SessionId, source.GetClaim(KeycloakIdentity.SessionId));
        identity.SetClaim(Claims.Scope, string.Join(' ', source.GetScopes()));
        identity.SetClaim(Claims.JwtId, Guid.NewGuid().ToString());
        identity.SetClaim(Claims.PreferredUsername, source.GetClaim(Claims.PreferredUsername));
        return new ClaimsPrincipal(identity);
    }
}
