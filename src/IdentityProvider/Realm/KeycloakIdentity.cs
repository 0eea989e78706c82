using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.IdentityProvider.Realm;

/// <summary>Builds the claims Keycloak puts in an access token for a user (or a client's service account).</summary>
public static class KeycloakIdentity
{
    public const string SessionId = "sid";

    /// <summary>Default client scopes Keycloak names in the <c>scope</c> claim (<c>roles</c>, <c>web-origins</c> are not).</summary>
    private static readonly string[] ScopesInToken = [Scopes.Profile, Scopes.Email, Scopes.Address, Scopes.Phone];

    /// <param name="sessionId">The identity provider's browser session (<c>sid</c>); none for a service account.</param>
    public static ClaimsIdentity For(RealmDirectory realm, RealmUser user, RealmClient client, IEnumerable<string> scopes, string authenticationType,
        string? sessionId = null)
    {
        var identity = new ClaimsIdentity(authenticationType, Claims.PreferredUsername, "role");
        identity.SetClaim(Claims.Subject, realm.SubjectOf(user));
        identity.SetClaim(Claims.PreferredUsername, user.Username.ToLowerInvariant());
        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        if (name.Length > 0) identity.SetClaim(Claims.Name, name);
        if (user.FirstName is not null) identity.SetClaim(Claims.GivenName, user.FirstName);
        if (user.LastName is not null) identity.SetClaim(Claims.FamilyName, user.LastName);
        if (user.Email is not null) identity.SetClaim(Claims.Email, user.Email);
        identity.SetClaim(Claims.AuthorizedParty, client.ClientId);
        if (sessionId is not null) identity.SetClaim(SessionId, sessionId);
        if (user.ServiceAccountClientId is not null) identity.SetClaim("client_id", client.ClientId);

        identity.AddClaim(new Claim("realm_access", JsonSerializer.Serialize(new { roles = user.RealmRoles ?? [] }), JsonClaimValueTypes.Json));
        var clientRoles = user.ClientRoles?.Where(r => r.Value.Count > 0).ToDictionary(r => r.Key, r => new { roles = r.Value });
        if (clientRoles is { Count: > 0 })
        {
            identity.AddClaim(new Claim("resource_access", JsonSerializer.Serialize(clientRoles), JsonClaimValueTypes.Json));
        }

        if (Mapper(client, "oidc-group-membership-mapper"))
        {
            identity.AddClaim(new Claim("groups", JsonSerializer.Serialize(user.Groups ?? []), JsonClaimValueTypes.JsonArray));
        }

        var orgUnit = user.Attributes?.GetValueOrDefault("org_unit")?.FirstOrDefault();
        if (orgUnit is not null && Mapper(client, "oidc-usermodel-attribute-mapper")) identity.SetClaim("org_unit", orgUnit);

        identity.SetScopes(scopes.Union(client.DefaultClientScopes?.Intersect(ScopesInToken) ?? [], StringComparer.Ordinal));
        identity.SetAudiences(RealmDirectory.Audiences(client));
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.AuthorizedParty or "client_id" or "realm_access" or "resource_access" => [Destinations.AccessToken],
            _ => [Destinations.AccessToken, Destinations.IdentityToken],
        });
        return identity;
    }

    private static bool Mapper(RealmClient client, string type) =>
        client.ProtocolMappers?.Any(m => m.ProtocolMapperType == type) == true;
}
