using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Turns Keycloak's nested role claims — <c>realm_access.roles</c> and
/// <c>resource_access.&lt;Resource&gt;.roles</c> (this API's client roles) — into flat <c>role</c> claims.
/// ASP.NET may run a transformation more than once per request, so a role already present is not added again.
/// </summary>
public sealed class KeycloakRolesTransformation(IOptions<KeycloakOptions> options) : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true }) return Task.FromResult(principal);

        var roles = RolesIn(principal, options.Value.Resource).ToList();
        var identity = principal.Identities.First(i => i.IsAuthenticated);
        var missing = roles.Where(r => !identity.HasClaim(identity.RoleClaimType, r)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return Task.FromResult(principal);

        // Work on a copy: the principal handed in may be cached by the authentication handler.
        var copy = principal.Clone();
        var target = copy.Identities.First(i => i.IsAuthenticated);
        foreach (var role in missing)
        {
            target.AddClaim(new Claim(target.RoleClaimType, role, ClaimValueTypes.String, identity.Claims.FirstOrDefault()?.Issuer));
        }
        return Task.FromResult(copy);
    }

    private static IEnumerable<string> RolesIn(ClaimsPrincipal principal, string? resource)
    {
        foreach (var claim in principal.FindAll(KeycloakClaims.RealmAccess))
        {
            foreach (var role in Roles(claim.Value, null)) yield return role;
        }
        if (string.IsNullOrWhiteSpace(resource)) yield break;
        foreach (var claim in principal.FindAll(KeycloakClaims.ResourceAccess))
        {
            foreach (var role in Roles(claim.Value, resource)) yield return role;
        }
    }

    /// <summary>Reads <c>{"roles":[…]}</c>, or <c>{"&lt;client&gt;":{"roles":[…]}}</c> when a client is named.</summary>
    private static List<string> Roles(string json, string? client)
    {
        var roles = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json);
            var element = document.RootElement;
            if (client is not null && (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(client, out element)))
            {
                return roles;
            }
            if (element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty("roles", out var array)
                && array.ValueKind == JsonValueKind.Array)
            {
                roles.AddRange(array.EnumerateArray()
                    .Where(r => r.ValueKind == JsonValueKind.String)
                    .Select(r => r.GetString()!)
                    .Where(r => r.Length > 0));
            }
        }
        catch (JsonException)
        {
            // A malformed claim grants nothing.
        }
        return roles;
    }
}
