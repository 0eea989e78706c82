namespace Platform.TestSupport.Security;

/// <summary>Who a test token speaks for, in Keycloak's terms.</summary>
/// <param name="Username">Keycloak's <c>preferred_username</c>.</param>
/// <param name="RealmRoles">Put in <c>realm_access.roles</c>.</param>
/// <param name="ClientRoles">Put in <c>resource_access.&lt;resource&gt;.roles</c> for the API the tokens are for.</param>
/// <param name="OrgUnit">
/// The <c>org_unit</c> attribute (code of the caller's organisation unit) as a JSON string; absent when null, and the empty
/// string when empty. <see cref="OrgUnits"/> writes it as an array instead.
/// </param>
public sealed record TestUser(
    string Username,
    IReadOnlyList<string>? RealmRoles = null,
    IReadOnlyList<string>? ClientRoles = null,
    string? OrgUnit = null)
{
    /// <summary>Stable per user name, like Keycloak's user id.</summary>
    public string Subject { get; init; } = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Username)).AsSpan(0, 16)).ToString();

    /// <summary>The client that asked for the token (<c>azp</c>).</summary>
    public string ClientId { get; init; } = "platform-web";

    /// <summary>Keycloak's <c>name</c> (first and last name), when set.</summary>
    public string? Name { get; init; }

    /// <summary>Keycloak's <c>email</c>, when set.</summary>
    public string? Email { get; init; }

    /// <summary>
    /// The <c>org_unit</c> claim as a JSON array (Keycloak's multivalued attribute), replacing <see cref="OrgUnit"/> when set:
    /// one element is a valid unit, two different ones are not (<see cref="WithOrgUnits"/>).
    /// </summary>
    public IReadOnlyList<string>? OrgUnits { get; init; }

    /// <summary>This user with <c>org_unit</c> written as the array <paramref name="units"/>.</summary>
    public TestUser WithOrgUnits(params string[] units) => this with { OrgUnit = null, OrgUnits = units };

    /// <summary>This user with no <c>org_unit</c> claim at all.</summary>
    public TestUser WithoutOrgUnit() => this with { OrgUnit = null, OrgUnits = null };

    /// <summary>Group paths (<c>groups</c>), e.g. <c>/bo-khcn/vu-ke-hoach</c>.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>A client-credentials token of a source system, as Keycloak issues it for the client's service account.</summary>
    public static TestUser Machine(string clientId, IReadOnlyList<string>? realmRoles = null, string? orgUnit = null) =>
        new($"service-account-{clientId}", realmRoles, null, orgUnit) { ClientId = clientId };
}
