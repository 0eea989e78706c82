using System.Security.Cryptography;
using System.Text;

namespace Platform.IdentityProvider.Realm;

/// <summary>Read-only lookups over the loaded realm file: clients, users, passwords (addresses: <see cref="RedirectUris"/>).</summary>
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

    /// <summary>The client when it exists and proved itself: the right secret, or none needed (public client).</summary>
    public RealmClient? Authenticate(string? clientId, string? secret) =>
        Client(clientId) is { } client && (client.PublicClient || SecretMatches(client, secret)) ? client : null;

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

    private static bool Same(string? expected, string? actual) =>
        expected is not null && actual is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
