using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.IdentityProvider.Realm;

/// <summary>Read-only lookups over the loaded realm file: clients, users, passwords, redirect URIs.</summary>
public sealed class RealmDirectory(RealmExport realm)
{
    public string Name => realm.Realm;

    public TimeSpan AccessTokenLifetime => TimeSpan.FromSeconds(realm.AccessTokenLifespan > 0 ? realm.AccessTokenLifespan : 300);

    public IEnumerable<RealmClient> Clients() => realm.Clients?.Where(c => c.Enabled) ?? [];

    public RealmClient? Client(string? clientId) =>
        clientId is null ? null : realm.Clients?.FirstOrDefault(c => c.Enabled && string.Equals(c.ClientId, clientId, StringComparison.Ordinal));

    public RealmUser? User(string? username) =>
        username is null ? null : realm.Users?.FirstOrDefault(u => u.Enabled && u.ServiceAccountClientId is null
            && string.Equals(u.Username, username.Trim(), StringComparison.OrdinalIgnoreCase));

    public RealmUser? ServiceAccount(RealmClient client) =>
        realm.Users?.FirstOrDefault(u => u.Enabled && string.Equals(u.ServiceAccountClientId, client.ClientId, StringComparison.Ordinal));

    public static bool SecretMatches(RealmClient client, string? secret) => Same(client.Secret, secret);

    public static bool PasswordMatches(RealmUser user, string? password) =>
        user.Credentials?.Any(c => c.Type == "password" && Same(c.Value, password)) == true;

    /// <summary>Keycloak's stable user id; the realm file may omit it, then one is derived from realm and user name.</summary>
    public string SubjectOf(RealmUser user) =>
        user.Id ?? new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{realm.Realm}/{user.Username.ToLowerInvariant()}")).AsSpan(0, 16)).ToString();

    /// <summary>Audiences the client's audience mappers add (<c>oidc-audience-mapper</c>).</summary>
    public static IEnumerable<string> Audiences(RealmClient client) =>
        client.ProtocolMappers?.Where(m => m.ProtocolMapperType == "oidc-audience-mapper")
            .Select(m => m.Config?.GetValueOrDefault("included.client.audience"))
            .OfType<string>() ?? [];

    public static bool RedirectAllowed(RealmClient client, string? uri) => Matches(client.RedirectUris ?? [], uri);

    public static bool PostLogoutRedirectAllowed(RealmClient client, string? uri)
    {
        var configured = client.Attributes?.GetValueOrDefault("post.logout.redirect.uris");
        return Matches(configured?.Split("##", StringSplitOptions.RemoveEmptyEntries) ?? [], uri);
    }

    private static bool Matches(IEnumerable<string> patterns, string? uri)
    {
        if (string.IsNullOrEmpty(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out _)) return false;
        return patterns.Any(p => Regex.IsMatch(uri, "^" + Regex.Escape(p).Replace("\\*", "[^/?#]*", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    private static bool Same(string? expected, string? actual) =>
        expected is not null && actual is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
