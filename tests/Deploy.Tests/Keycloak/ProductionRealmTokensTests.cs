using System.Text.Json.Nodes;
using Platform.ServiceDefaults.Security;

namespace Platform.Deploy.Tests.Keycloak;

/// <summary>
/// What the services' token validation (<c>ServiceDefaults/Security</c>, docs/security.md) needs from real Keycloak 26,
/// checked on both realm files: the audience <c>platform-api</c> (<c>Keycloak:Resource</c>) on every token, the realm
/// roles the policies name, <c>org_unit</c> as a single string, <c>groups</c>, <c>preferred_username</c> and — since
/// Keycloak 25, only through the <c>basic</c> client scope — <c>sub</c>.
/// </summary>
public sealed class ProductionRealmTokensTests
{
    private const string Api = "platform-api";

    public static TheoryData<string> Realms() => new("development", "production");

    private static JsonObject Realm(string which) => which == "production" ? RealmFiles.Production() : RealmFiles.Development();

    /// <summary>The problems a service would meet with tokens from this realm (empty = none).</summary>
    public static List<string> TokenProblems(JsonObject realm)
    {
        var found = new List<string>();
        var roles = realm["roles"]?["realm"].Objects().Select(r => r.Text("name")).ToHashSet() ?? [];
        foreach (var role in PlatformRoles.All.Where(r => !roles.Contains(r)))
            found.Add($"realm role '{role}' (PlatformRoles) is missing");

        var api = realm["clients"].Objects().SingleOrDefault(c => c.Text("clientId") == Api);
        if (api is null || api["bearerOnly"]?.GetValue<bool>() != true)
            found.Add($"client '{Api}' (the audience, Keycloak:Resource) is missing or not bearer-only");

        var tokenClients = realm["clients"].Objects()
            .Where(c => c["standardFlowEnabled"]?.GetValue<bool>() == true || c["serviceAccountsEnabled"]?.GetValue<bool>() == true);
        foreach (var client in tokenClients)
        {
            var id = client.Text("clientId");
            var mappers = client["protocolMappers"].Objects().ToList();
            var scopes = client["defaultClientScopes"].Strings().ToHashSet();
            foreach (var scope in new[] { "basic", "profile", "roles" }.Where(s => !scopes.Contains(s)))
                found.Add($"client '{id}' lacks the default client scope '{scope}' ({Why(scope)})");

            if (!mappers.Any(m => m.Text("protocolMapper") == "oidc-audience-mapper"
                                  && m["config"].Text("included.client.audience") == Api && m["config"].Text("access.token.claim") == "true"))
                found.Add($"client '{id}' puts no '{Api}' audience in access tokens: every service would answer 401");

            var orgUnit = mappers.SingleOrDefault(m => m["config"].Text("claim.name") == KeycloakClaims.OrgUnit);
            if (orgUnit is null
                || orgUnit.Text("protocolMapper") != "oidc-usermodel-attribute-mapper"
                || orgUnit["config"].Text("user.attribute") != "org_unit"
                || orgUnit["config"].Text("access.token.claim") != "true"
                || orgUnit["config"].Text("multivalued") != "false"
                || orgUnit["config"].Text("aggregate.attrs") == "true")
                found.Add($"client '{id}' does not put org_unit in access tokens as one string (user attribute, falling back to the first group's)");

            if (!mappers.Any(m => m.Text("protocolMapper") == "oidc-group-membership-mapper" && m["config"].Text("claim.name") == KeycloakClaims.Groups))
                found.Add($"client '{id}' puts no groups claim in tokens");
        }

        foreach (var (path, group) in realm.GroupTree())
            if (group["attributes"]?["org_unit"] is not JsonArray { Count: 1 })
                found.Add($"group '{path}' has no single org_unit");
        var units = realm.GroupTree().Select(g => g.Group["attributes"]?["org_unit"]?[0]?.GetValue<string>()).ToList();
        foreach (var duplicate in units.GroupBy(u => u).Where(g => g.Count() > 1))
            found.Add($"org_unit '{duplicate.Key}' is given by {duplicate.Count()} groups");
        return found;
    }

    private static string Why(string scope) => scope switch
    {
        "basic" => "Keycloak 25+ adds sub only through it",
        "profile" => "preferred_username, which tells machine clients apart",
        _ => "realm_access and resource_access roles",
    };

    [Theory]
    [MemberData(nameof(Realms))]
    public void Tokens_from_the_realm_carry_everything_the_services_validate_and_authorise_with(string which)
    {
        var problems = TokenProblems(Realm(which));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public static TheoryData<string> Gaps() => new(Gap.Keys);

    private static readonly Dictionary<string, Action<JsonObject>> Gap = new()
    {
        ["no basic scope"] = r => r.Client("platform-web")["defaultClientScopes"] = new JsonArray("web-origins", "profile", "roles", "email"),
        ["no audience mapper"] = r => r.Client("he-thong-57")["protocolMappers"]!.AsArray()
            .Remove(r.Client("he-thong-57")["protocolMappers"].Objects().Single(m => m.Text("protocolMapper") == "oidc-audience-mapper")),
        ["org_unit as an array"] = r => r.Client("platform-spa")["protocolMappers"].Objects().Single(m => m.Text("name") == "org_unit")["config"]!["multivalued"] = "true",
        ["a missing policy role"] = r => r["roles"]!["realm"]!.AsArray().Remove(r["roles"]!["realm"].Objects().Single(x => x.Text("name") == "bonus-approver")),
        ["a group without org_unit"] = r => r.GroupTree().Single(g => g.Path == "/vn/bkhcn").Group["attributes"]!.AsObject().Remove("org_unit"),
        ["two groups with one org_unit"] = r => r.GroupTree().Single(g => g.Path == "/vn/btc").Group["attributes"]!["org_unit"] = new JsonArray("byt"),
    };

    [Theory]
    [MemberData(nameof(Gaps))]
    public void A_realm_whose_tokens_a_service_would_refuse_or_misread_is_caught(string gap)
    {
        var production = RealmFiles.Production();
        Gap[gap](production);

        Assert.NotEmpty(TokenProblems(production));
    }
}
