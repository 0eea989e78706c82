using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Deploy.Tests.Keycloak;

/// <summary>
/// What makes a realm file fit for a production Keycloak, as a list of problems (empty = fit): no person, no
/// credential, no literal secret, nothing marked for development, no loopback address, HTTPS required for outside
/// callers, brute-force detection and a password policy.
/// </summary>
public static partial class ProductionRealmRules
{
    public const string PublicUrl = "${PLATFORM_PUBLIC_URL}";

    /// <summary>The variables the production realm reads, each documented in <c>deploy/.env.example</c>.</summary>
    public static readonly string[] Variables = ["PLATFORM_PUBLIC_URL", "PLATFORM_WEB_CLIENT_SECRET", "HE_THONG_57_CLIENT_SECRET"];

    /// <summary>Keycloak's import placeholder: <c>${NAME}</c> = the environment variable NAME (no default value allowed here).</summary>
    [GeneratedRegex(@"\$\{(?<name>[^}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*\}$", RegexOptions.CultureInvariant)]
    private static partial Regex WholePlaceholder();

    [GeneratedRegex(@"localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|\.localhost\b|host\.docker\.internal", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Loopback();

    [GeneratedRegex(@"dev-only|development only|chỉ dùng khi phát triển|môi trường phát triển|\.invalid\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DevelopmentMarker();

    [GeneratedRegex(@"\blength\((?<n>\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex MinimumLength();

    public static ISet<string> Placeholders(JsonNode realm) =>
        RealmFiles.StringValues(realm).SelectMany(s => Placeholder().Matches(s.Value).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);

    public static List<string> Problems(JsonObject realm)
    {
        var found = new List<string>();
        var clients = realm["clients"].Objects().ToDictionary(c => c.Text("clientId") ?? "");

        // People and credentials: only the service accounts of this file's machine clients, with nothing to sign in with.
        foreach (var user in realm["users"].Objects())
        {
            var name = user.Text("username");
            var client = user.Text("serviceAccountClientId");
            if (client is null)
                found.Add($"user '{name}' is a person: people are created in the running Keycloak, never imported");
            else if (!clients.TryGetValue(client, out var owner) || owner["serviceAccountsEnabled"]?.GetValue<bool>() != true
                     || name != $"service-account-{client}")
                found.Add($"user '{name}' claims to be the service account of '{client}', which has none in this file");
            foreach (var key in new[] { "credentials", "email", "firstName", "lastName", "federatedIdentities", "requiredActions" })
                if (user[key] is not null) found.Add($"user '{name}' has {key}");
        }
        foreach (var key in new[] { "federatedUsers", "identityProviders", "smtpServer" })
            if (realm[key] is JsonArray { Count: > 0 } or JsonObject { Count: > 0 }) found.Add($"realm has {key}: configure it in the running Keycloak");

        foreach (var (name, value, path) in RealmFiles.Properties(realm))
        {
            var lower = name.ToLowerInvariant();
            if (lower is "credentials" or "credential")
                found.Add($"{path}: credentials are never imported");
            else if (lower.Contains("password", StringComparison.Ordinal) && lower != "passwordpolicy"
                     && !(value is JsonValue flag && flag.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                found.Add($"{path}: a password in the realm file");
            else if (lower.Contains("secret", StringComparison.Ordinal)
                     && (value is not JsonValue v || !v.TryGetValue<string>(out var secret) || !WholePlaceholder().IsMatch(secret)))
                found.Add($"{path}: a secret must be a whole ${{VARIABLE}} placeholder, not {value?.ToJsonString() ?? "null"}");
        }

        foreach (var (path, value) in RealmFiles.StringValues(realm))
        {
            if (DevelopmentMarker().IsMatch(value)) found.Add($"{path}: marked for development ('{value}')");
            if (Loopback().IsMatch(value)) found.Add($"{path}: a loopback address ('{value}')");
            foreach (Match m in Placeholder().Matches(value))
                if (!Regex.IsMatch(m.Groups["name"].Value, "^[A-Z][A-Z0-9_]*$"))
                    found.Add($"{path}: '{m.Value}' is not a plain environment variable placeholder (a default value would be a literal)");
        }

        if (realm["attributes"] is JsonObject attributes && attributes.Any(a => a.Key.Contains("notice", StringComparison.OrdinalIgnoreCase)))
            found.Add("realm attributes carry a development notice");

        foreach (var (id, client) in clients)
        {
            foreach (var uri in client["redirectUris"].Strings())
                if (!uri.StartsWith(PublicUrl + "/", StringComparison.Ordinal))
                    found.Add($"client '{id}' redirect URI '{uri}' is not under {PublicUrl}/");
            foreach (var origin in client["webOrigins"].Strings())
                if (origin != "+" && origin != PublicUrl)
                    found.Add($"client '{id}' web origin '{origin}' is neither '+' nor {PublicUrl}");
            if (client["attributes"]?.Text("post.logout.redirect.uris") is { } logout)
                foreach (var uri in logout.Split("##"))
                    if (uri != "+" && !uri.StartsWith(PublicUrl + "/", StringComparison.Ordinal))
                        found.Add($"client '{id}' post-logout redirect URI '{uri}' is not under {PublicUrl}/");
            if (client["publicClient"]?.GetValue<bool>() != true && client["bearerOnly"]?.GetValue<bool>() != true
                && client.Text("secret") is null)
                found.Add($"client '{id}' is confidential without a secret placeholder (Keycloak would generate one nobody knows)");
            if (client["directAccessGrantsEnabled"]?.GetValue<bool>() == true)
                found.Add($"client '{id}' allows the password grant");
            if (client["implicitFlowEnabled"]?.GetValue<bool>() == true)
                found.Add($"client '{id}' allows the implicit flow");
        }

        if (realm.Text("sslRequired") is not ("external" or "all"))
            found.Add($"sslRequired is '{realm.Text("sslRequired")}', not 'external' or 'all'");
        if (realm["bruteForceProtected"]?.GetValue<bool>() != true)
            found.Add("brute-force detection is off");
        var policy = realm.Text("passwordPolicy") ?? "";
        var length = MinimumLength().Match(policy);
        if (!length.Success || int.Parse(length.Groups["n"].Value) < 12)
            found.Add($"password policy '{policy}' does not require at least 12 characters");
        if (!policy.Contains("notUsername", StringComparison.Ordinal))
            found.Add($"password policy '{policy}' allows the user name as password");
        if (realm["registrationAllowed"]?.GetValue<bool>() != false)
            found.Add("self-registration is not switched off");
        if (realm.Text("defaultLocale") != "vi")
            found.Add($"login locale is '{realm.Text("defaultLocale")}', not Vietnamese");
        return found;
    }
}
