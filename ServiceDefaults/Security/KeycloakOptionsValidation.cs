using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Checked at start-up: a half-filled <c>Keycloak</c> section fails fast naming the key to set. An absent
/// section is allowed (design-time tools, services not yet behind sign-in) and only warned about.
/// </summary>
internal sealed class KeycloakOptionsValidation : IValidateOptions<KeycloakOptions>
{
    private const string Prefix = KeycloakOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, KeycloakOptions options)
    {
        if (!options.IsConfigured) return ValidateOptionsResult.Skip;

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Realm))
        {
            failures.Add($"{Prefix}Realm is required (the Keycloak realm name, e.g. 'platform').");
        }
        if (string.IsNullOrWhiteSpace(options.Resource))
        {
            failures.Add($"{Prefix}Resource is required (this API's client id; tokens must name it as audience).");
        }
        if (string.IsNullOrWhiteSpace(options.AuthServerUrl))
        {
            failures.Add($"{Prefix}AuthServerUrl (or {Prefix}auth-server-url) is required (Keycloak's public base URL).");
        }
        else if (!Uri.TryCreate(options.AuthServerUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Prefix}AuthServerUrl must be an absolute http(s) URL, not '{options.AuthServerUrl}'.");
        }
        else if (options.RequireHttpsMetadata && url.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{Prefix}AuthServerUrl must use https (or set {Prefix}RequireHttpsMetadata to false for local development).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
