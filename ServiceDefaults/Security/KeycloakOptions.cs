namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Where tokens come from and who they must be for, bound from the <c>Keycloak</c> configuration
/// section with the same keys as Keycloak's own adapter file (<c>realm</c>, <c>auth-server-url</c>,
/// <c>resource</c>), so one configuration works against real Keycloak and the development stand-in.
/// </summary>
public sealed class KeycloakOptions
{
    public const string SectionName = "Keycloak";

    /// <summary>The realm name, e.g. <c>platform</c>.</summary>
    public string? Realm { get; set; }

    /// <summary>
    /// Keycloak's public base URL, e.g. <c>https://sso.example.gov.vn</c>; the key <c>auth-server-url</c>
    /// is accepted too. It must be the URL Keycloak puts in its tokens (<c>KC_HOSTNAME</c>): the issuer
    /// is checked exactly.
    /// </summary>
    public string? AuthServerUrl { get; set; }

    /// <summary>This API's client id: tokens must name it in <c>aud</c>, and its client roles count as roles.</summary>
    public string? Resource { get; set; }

    /// <summary>Further audiences accepted besides <see cref="Resource"/> (e.g. during a client rename).</summary>
    public string[] Audiences { get; set; } = [];

    /// <summary>Fetch discovery and keys over HTTPS only. Defaults to true outside Development.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>False when none of realm, server URL and resource is set: every protected call is then refused.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Realm) || !string.IsNullOrWhiteSpace(AuthServerUrl) || !string.IsNullOrWhiteSpace(Resource);

    /// <summary>The realm's issuer, <c>{auth-server-url}/realms/{realm}</c>.</summary>
    public string Issuer => $"{AuthServerUrl?.TrimEnd('/')}/realms/{Realm}";

    public IEnumerable<string> ValidAudiences =>
        new[] { Resource }.Concat(Audiences).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!).Distinct(StringComparer.Ordinal);
}
