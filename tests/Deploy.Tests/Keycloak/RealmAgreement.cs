using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Deploy.Tests.Keycloak;

/// <summary>
/// What the production realm must share with the development realm, as a list of differences (empty = they agree):
/// realm and client roles (names, descriptions, composites), the group tree with its attributes, the clients (ids, kind,
/// flows, protocol mappers, client scopes, PKCE), realm-level client scopes and default roles, token and session
/// lifetimes, the login locale, and what each machine client's service account is given. Addresses, secrets, names
/// and descriptions of clients, people and hardening settings may differ (<see cref="ProductionRealmRules"/>).
/// </summary>
public static partial class RealmAgreement
{
    private static readonly string[] ClientKind =
    [
        "protocol", "enabled", "publicClient", "bearerOnly", "clientAuthenticatorType", "standardFlowEnabled",
        "implicitFlowEnabled", "directAccessGrantsEnabled", "serviceAccountsEnabled", "consentRequired",
        "fullScopeAllowed", "frontchannelLogout", "authorizationServicesEnabled",
    ];

    /// <summary>Client attributes that are not addresses: they must agree too (PKCE, token settings…).</summary>
    private static readonly string[] AddressAttributes = ["post.logout.redirect.uris", "frontchannel.logout.url", "backchannel.logout.url"];

    private static readonly string[] RealmSettings =
    [
        "realm", "internationalizationEnabled", "supportedLocales", "defaultLocale", "clientScopes",
        "defaultDefaultClientScopes", "defaultOptionalClientScopes", "defaultRole", "defaultRoles", "defaultGroups",
        "clientScopeMappings", "scopeMappings", "requiredActions", "authenticationFlows", "browserFlow",
        "directGrantFlow", "clientAuthenticationFlow", "defaultSignatureAlgorithm", "revokeRefreshToken",
        "refreshTokenMaxReuse", "components",
    ];

    [GeneratedRegex("(Lifespan|Timeout)", RegexOptions.CultureInvariant)]
    private static partial Regex Lifetime();

    public static List<string> Differences(JsonObject development, JsonObject production)
    {
        var found = new List<string>();

        foreach (var key in RealmSettings.Concat(development.Select(p => p.Key).Concat(production.Select(p => p.Key))
                     .Where(k => Lifetime().IsMatch(k))).Distinct())
            Same(found, $"realm setting '{key}'", development[key], production[key]);

        Same(found, "realm roles", Roles(development["roles"]?["realm"]), Roles(production["roles"]?["realm"]));
        Same(found, "client roles", ClientRoles(development), ClientRoles(production));
        Same(found, "group tree", Groups(development), Groups(production));

        var devClients = development["clients"].Objects().ToDictionary(c => c.Text("clientId")!);
        var prodClients = production["clients"].Objects().ToDictionary(c => c.Text("clientId")!);
        foreach (var id in devClients.Keys.Except(prodClients.Keys)) found.Add($"client '{id}' is missing from the production realm");
        foreach (var id in prodClients.Keys.Except(devClients.Keys)) found.Add($"client '{id}' is not in the development realm");
        foreach (var id in devClients.Keys.Intersect(prodClients.Keys))
        {
            var (dev, prod) = (devClients[id], prodClients[id]);
            foreach (var key in ClientKind) Same(found, $"client '{id}' {key}", dev[key], prod[key]);
            Same(found, $"client '{id}' protocol mappers", Mappers(dev), Mappers(prod));
            Same(found, $"client '{id}' default client scopes", Set(dev["defaultClientScopes"]), Set(prod["defaultClientScopes"]));
            Same(found, $"client '{id}' optional client scopes", Set(dev["optionalClientScopes"]), Set(prod["optionalClientScopes"]));
            Same(found, $"client '{id}' attributes", Attributes(dev), Attributes(prod));
        }

        Same(found, "service accounts", ServiceAccounts(development), ServiceAccounts(production));
        return found;
    }

    private static void Same(List<string> found, string what, JsonNode? development, JsonNode? production)
    {
        if (!JsonNode.DeepEquals(development, production))
            found.Add($"{what} differ: development {Show(development)}, production {Show(production)}");
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "(absent)";
        return text.Length > 400 ? text[..400] + "…" : text;
    }

    private static JsonObject Roles(JsonNode? roles)
    {
        var result = new JsonObject();
        foreach (var role in roles.Objects().OrderBy(r => r.Text("name"), StringComparer.Ordinal))
            result[role.Text("name")!] = new JsonObject
            {
                ["description"] = role["description"]?.DeepClone(),
                ["composite"] = role["composite"]?.DeepClone(),
                ["composites"] = role["composites"]?.DeepClone(),
            };
        return result;
    }

    private static JsonObject ClientRoles(JsonObject realm)
    {
        var result = new JsonObject();
        if (realm["roles"]?["client"] is JsonObject clients)
            foreach (var (client, roles) in clients.OrderBy(c => c.Key, StringComparer.Ordinal))
                result[client] = Roles(roles);
        return result;
    }

    /// <summary>Path → attributes and the other group settings (roles, client roles), for the whole tree.</summary>
    private static JsonObject Groups(JsonObject realm)
    {
        var result = new JsonObject();
        foreach (var (path, group) in realm.GroupTree().OrderBy(g => g.Path, StringComparer.Ordinal))
        {
            var entry = new JsonObject();
            foreach (var (key, value) in group.Where(p => p.Key is not ("subGroups" or "name" or "id" or "path")).OrderBy(p => p.Key, StringComparer.Ordinal))
                entry[key] = value?.DeepClone();
            result[path] = entry;
        }
        return result;
    }

    /// <summary>Mapper name → protocol, mapper type and configuration.</summary>
    private static JsonObject Mappers(JsonObject client)
    {
        var result = new JsonObject();
        foreach (var mapper in client["protocolMappers"].Objects().OrderBy(m => m.Text("name"), StringComparer.Ordinal))
            result[mapper.Text("name")!] = new JsonObject
            {
                ["protocol"] = mapper["protocol"]?.DeepClone(),
                ["protocolMapper"] = mapper["protocolMapper"]?.DeepClone(),
                ["consentRequired"] = mapper["consentRequired"]?.DeepClone(),
                ["config"] = Sorted(mapper["config"]),
            };
        return result;
    }

    private static JsonObject Attributes(JsonObject client)
    {
        var result = new JsonObject();
        if (client["attributes"] is JsonObject attributes)
            foreach (var (key, value) in attributes.Where(a => !AddressAttributes.Contains(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal))
                result[key] = value?.DeepClone();
        return result;
    }

    private static JsonNode? Sorted(JsonNode? node) =>
        node is JsonObject o
            ? new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))
            : node?.DeepClone();

    private static JsonArray Set(JsonNode? array) =>
        new(array.Strings().Distinct().Order(StringComparer.Ordinal).Select(s => (JsonNode?)s).ToArray());

    /// <summary>Client id → what its service account is given (roles, client roles, groups, attributes).</summary>
    private static JsonObject ServiceAccounts(JsonObject realm)
    {
        var result = new JsonObject();
        foreach (var user in realm["users"].Objects().Where(u => u["serviceAccountClientId"] is not null)
                     .OrderBy(u => u.Text("serviceAccountClientId"), StringComparer.Ordinal))
            result[user.Text("serviceAccountClientId")!] = new JsonObject
            {
                ["username"] = user["username"]?.DeepClone(),
                ["enabled"] = user["enabled"]?.DeepClone(),
                ["realmRoles"] = Set(user["realmRoles"]),
                ["clientRoles"] = Sorted(user["clientRoles"]),
                ["groups"] = Set(user["groups"]),
                ["attributes"] = Sorted(user["attributes"]),
            };
        return result;
    }
}
