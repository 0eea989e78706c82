namespace Platform.ServiceDefaults.Security;

/// <summary>Claim names as they appear in Keycloak access tokens (inbound claim mapping is off).</summary>
public static class KeycloakClaims
{
    /// <summary>
    /// The claim type roles are checked against (<c>IsInRole</c>, <c>RequireRole</c>). Keycloak has no such
    /// claim; <see cref="KeycloakRolesTransformation"/> fills it from <c>realm_access</c> and <c>resource_access</c>.
    /// </summary>
    public const string Role = "role";

    public const string Subject = "sub";
    public const string PreferredUsername = "preferred_username";
    public const string AuthorizedParty = "azp";
    public const string OrgUnit = "org_unit";
    public const string Groups = "groups";
    public const string RealmAccess = "realm_access";
    public const string ResourceAccess = "resource_access";
    public const string TokenType = "typ";

    /// <summary>Keycloak names a client-credentials token's user <c>service-account-&lt;client id&gt;</c>.</summary>
    public const string ServiceAccountPrefix = "service-account-";
}
