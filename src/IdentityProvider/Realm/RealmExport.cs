using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.IdentityProvider.Realm;

// The subset of Keycloak's realm-export format (the file `kc.sh import` / --import-realm reads) the stand-in uses.
public sealed record RealmExport(
    string Realm,
    int AccessTokenLifespan,
    RealmRoles? Roles,
    List<RealmGroup>? Groups,
    List<RealmClient>? Clients,
    List<RealmUser>? Users)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static RealmExport Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<RealmExport>(stream, Json) ?? throw new InvalidOperationException($"The realm file '{path}' is empty.");
    }
}

public sealed record RealmRoles(List<RealmRole>? Realm, Dictionary<string, List<RealmRole>>? Client);

public sealed record RealmRole(string Name, string? Description);

public sealed record RealmGroup(string Name, Dictionary<string, List<string>>? Attributes, List<RealmGroup>? SubGroups);

public sealed record RealmClient(
    string ClientId,
    bool Enabled,
    bool PublicClient,
    bool BearerOnly,
    string? Secret,
    bool StandardFlowEnabled,
    bool ServiceAccountsEnabled,
    List<string>? RedirectUris,
    List<string>? WebOrigins,
    Dictionary<string, string>? Attributes,
    List<string>? DefaultClientScopes,
    List<ProtocolMapper>? ProtocolMappers);

public sealed record ProtocolMapper(string Name, string ProtocolMapperType, Dictionary<string, string>? Config)
{
    [JsonPropertyName("protocolMapper")]
    public string ProtocolMapperType { get; init; } = ProtocolMapperType;
}

public sealed record RealmUser(
    string? Id,
    string Username,
    bool Enabled,
    string? FirstName,
    string? LastName,
    string? Email,
    Dictionary<string, List<string>>? Attributes,
    List<RealmCredential>? Credentials,
    List<string>? RealmRoles,
    Dictionary<string, List<string>>? ClientRoles,
    List<string>? Groups,
    string? ServiceAccountClientId);

public sealed record RealmCredential(string Type, string? Value, bool Temporary);
