using System.Security.Claims;
using System.Text.Json;

namespace Platform.ServiceDefaults.Security;

/// <summary>Who is calling, read from the validated access token — never from the request body.</summary>
public static class CallerExtensions
{
    /// <summary>The caller's stable id (<c>sub</c>).</summary>
    public static string? Subject(this ClaimsPrincipal principal) => principal.FindFirst(KeycloakClaims.Subject)?.Value;

    /// <summary>
    /// The organisation unit whose subtree the caller may act on (<c>org_unit</c>, a string or a one-element
    /// array). Null when absent or when the token names several different units: scope is then empty,
    /// never the union.
    /// </summary>
    public static string? OrgUnit(this ClaimsPrincipal principal)
    {
        var values = principal.FindAll(KeycloakClaims.OrgUnit)
            .SelectMany(c => Values(c.Value))
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Distinct(StringComparer.Ordinal)
            .Take(2)
            .ToList();
        return values.Count == 1 ? values[0] : null;
    }

    /// <summary>True when the caller holds any of the roles (realm or this API's client roles).</summary>
    public static bool HasRole(this ClaimsPrincipal principal, params string[] roles) => roles.Any(principal.IsInRole);

    /// <summary>
    /// True for a client-credentials token (a source system, not a person): Keycloak names its user
    /// <c>service-account-&lt;client id&gt;</c>; a token without any user name is treated the same.
    /// </summary>
    public static bool IsMachineClient(this ClaimsPrincipal principal)
    {
        var username = principal.FindFirst(KeycloakClaims.PreferredUsername)?.Value;
        return string.IsNullOrEmpty(username) || username.StartsWith(KeycloakClaims.ServiceAccountPrefix, StringComparison.Ordinal);
    }

    // The token handler splits JSON arrays into one claim per element; a value that is itself a JSON array
    // (some mappers emit one as a string) is split here.
    private static List<string> Values(string value)
    {
        if (!value.StartsWith('[')) return [value];
        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [value];
        }
        catch (JsonException)
        {
            return [value];
        }
    }
}
