using System.Buffers.Text;
using System.Text.Json;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Platform.IdentityProvider.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.IdentityProvider.Revocation;

/// <summary>
/// Keycloak's <c>revoke</c> (RFC 7009) and <c>token/introspect</c> (RFC 7662) on top of OpenIddict's endpoints:
/// who may call them (from the realm file), what revoking does (<see cref="RevocationList"/>), the check every token
/// passes when it is presented again, and an introspection answer shaped like Keycloak's (the token's own claims).
/// </summary>
public static class TokenRevocation
{
    private const string NotActive = "Token is not active";

    public static OpenIddictServerBuilder AddKeycloakRevocation(this OpenIddictServerBuilder options, RealmDirectory realm,
        RevocationList revocations, TimeSpan refreshTokenLifetime)
    {
        // Revoke: the token's own client (public clients too, as keycloak-js revokes), before the token is looked at.
        options.AddEventHandler<ValidateRevocationRequestContext>(h => h.UseInlineHandler(context =>
        {
            if (realm.Authenticate(context.ClientId, context.ClientSecret) is null or { BearerOnly: true })
            {
                context.Reject(Errors.InvalidClient, "Invalid client or client credentials.");
            }
            return default;
        }).SetOrder(OpenIddictServerHandlers.Revocation.ValidateAuthentication.Descriptor.Order - 500));

        // An access token dies alone; a refresh token takes its whole grant (Keycloak ends the client session).
        options.AddEventHandler<HandleRevocationRequestContext>(h => h.UseInlineHandler(context =>
        {
            var token = context.GenericTokenPrincipal;
            if (token is null) return default;
            var now = DateTimeOffset.UtcNow;
            if (token.HasTokenType(TokenTypeIdentifiers.AccessToken) && token.GetClaim(Claims.JwtId) is { } tokenId)
            {
                revocations.RevokeAccessToken(tokenId, token.GetExpirationDate() ?? now + realm.AccessTokenLifetime);
            }
            else if (token.HasTokenType(TokenTypeIdentifiers.RefreshToken) && token.GetAuthorizationId() is { } grant)
            {
                revocations.RevokeGrant(grant, now + refreshTokenLifetime);
            }
            return default;
        }).SetOrder(OpenIddictServerHandlers.Revocation.AttachPrincipal.Descriptor.Order + 500));

        // Introspect: confidential clients only (Keycloak: "Client not allowed"), and any of them, as in Keycloak.
        options.AddEventHandler<ValidateIntrospectionRequestContext>(h => h.UseInlineHandler(context =>
        {
            if (realm.Authenticate(context.ClientId, context.ClientSecret) is null or { PublicClient: true })
            {
                context.Reject(Errors.InvalidClient, "Invalid client or client credentials.");
            }
            return default;
        }).SetOrder(OpenIddictServerHandlers.Introspection.ValidateAuthentication.Descriptor.Order - 500));
        options.RemoveEventHandler(OpenIddictServerHandlers.Introspection.ValidateAuthorizedParty.Descriptor);
        options.AddEventHandler<HandleIntrospectionRequestContext>(h => h.UseInlineHandler(context =>
        {
            AttachKeycloakClaims(context);
            return default;
        }).SetOrder(OpenIddictServerHandlers.Introspection.AttachMetadataClaims.Descriptor.Order + 500));

        // Every presented token (code, refresh, access at userinfo/introspect/revoke) is checked against the list.
        options.AddEventHandler<ValidateTokenContext>(h => h.UseInlineHandler(context =>
        {
            if (context.Principal is { } token && !token.HasTokenType(TokenTypeIdentifiers.IdentityToken) && revocations.IsRevoked(token))
            {
                context.Reject(Errors.InvalidToken, NotActive);
            }
            return default;
        }).SetOrder(OpenIddictServerHandlers.Protection.ValidateExpirationDate.Descriptor.Order + 500));
        return options;
    }

    /// <summary>Keycloak answers with the token's claims plus <c>username</c>, <c>client_id</c> (= <c>azp</c>) and <c>active</c>.</summary>
    private static void AttachKeycloakClaims(HandleIntrospectionRequestContext context)
    {
        var token = context.GenericTokenPrincipal;
        if (token is null) return;
        context.Username = token.GetClaim(Claims.PreferredUsername);
        context.ClientId = token.GetClaim(Claims.AuthorizedParty) ?? context.ClientId;
        context.Scopes.UnionWith(token.GetScopes());
        if (context.Request.Token?.Split('.') is [_, var payload, _])
        {
            // Access and refresh tokens are plain signed JWTs (KeycloakTokenShapes): the payload is what Keycloak echoes.
            using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(payload));
            foreach (var claim in claims.RootElement.EnumerateObject().Where(c => !c.Name.StartsWith("oi_", StringComparison.Ordinal)))
            {
                context.Claims[claim.Name] = new OpenIddictParameter(claim.Value.Clone());
            }
        }
    }
}
