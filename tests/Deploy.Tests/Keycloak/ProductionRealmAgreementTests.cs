using System.Text.Json.Nodes;

namespace Platform.Deploy.Tests.Keycloak;

/// <summary>
/// The production realm (<c>deploy/keycloak/production/platform-realm.json</c>) gives people and systems exactly what the
/// development realm gives them: same roles, groups, clients, mappers, scopes and lifetimes. Each kind of drift is shown
/// to be caught on a changed copy.
/// </summary>
public sealed class ProductionRealmAgreementTests
{
    [Fact]
    public void Production_realm_has_the_development_realms_roles_groups_clients_mappers_scopes_and_lifetimes()
    {
        var differences = RealmAgreement.Differences(RealmFiles.Development(), RealmFiles.Production());

        Assert.True(differences.Count == 0, $"{RealmFiles.Regenerate}:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void Production_realm_has_every_group_of_the_development_tree_with_its_org_unit()
    {
        // A direct look at the tree, so the agreement above is not the only witness.
        var development = RealmFiles.Development().GroupTree().ToDictionary(g => g.Path, g => g.Group["attributes"]!["org_unit"]![0]!.GetValue<string>());
        var production = RealmFiles.Production().GroupTree().ToDictionary(g => g.Path, g => g.Group["attributes"]!["org_unit"]![0]!.GetValue<string>());

        Assert.True(development.Count >= 20, $"only {development.Count} groups in the development realm");
        Assert.Equal(development, production);
        Assert.Contains("/vn/lao-cai/so-khcn/tt-cntt", production.Keys);
    }

    public static TheoryData<string> Drifts() => new(Drift.Keys);

    private static readonly Dictionary<string, Action<JsonObject>> Drift = new()
    {
        ["a removed protocol mapper"] = r => r.Client("platform-web")["protocolMappers"]!.AsArray()
            .Remove(r.Client("platform-web")["protocolMappers"].Objects().Single(m => m.Text("name") == "org_unit")),
        ["a changed mapper setting"] = r => r.Client("he-thong-57")["protocolMappers"].Objects()
            .Single(m => m.Text("name") == "audience platform-api")["config"]!["included.client.audience"] = "platform-ap",
        ["a mapper turned multivalued"] = r => r.Client("platform-spa")["protocolMappers"].Objects()
            .Single(m => m.Text("name") == "org_unit")["config"]!["multivalued"] = "true",
        ["a removed realm role"] = r => r["roles"]!["realm"]!.AsArray()
            .Remove(r["roles"]!["realm"].Objects().Single(x => x.Text("name") == "leader")),
        ["a changed role description"] = r => r["roles"]!["realm"].Objects().Single(x => x.Text("name") == "reviewer")["description"] = "Thẩm định",
        ["a removed client role"] = r => r["roles"]!["client"]!["platform-api"]!.AsArray().Clear(),
        ["a renamed group"] = r => r.GroupTree().Single(g => g.Path == "/vn/thanh-hoa/so-nv").Group["name"] = "so-noi-vu",
        ["a changed group org_unit"] = r => r.GroupTree().Single(g => g.Path == "/vn/lao-cai/so-tc").Group["attributes"]!["org_unit"] = new JsonArray("lao-cai.so-tai-chinh"),
        ["a changed group display name"] = r => r.GroupTree().Single(g => g.Path == "/vn/byt").Group["attributes"]!["display_name"] = new JsonArray("Bộ Y Tế"),
        ["an extra subgroup"] = r => r.GroupTree().Single(g => g.Path == "/vn/btc").Group["subGroups"]!.AsArray()
            .Add(new JsonObject { ["name"] = "vu-x", ["attributes"] = new JsonObject { ["org_unit"] = new JsonArray("btc.vu-x") }, ["subGroups"] = new JsonArray() }),
        ["a removed client"] = r => r["clients"]!.AsArray().Remove(r.Client("platform-spa")),
        ["a removed default client scope"] = r => r.Client("platform-web")["defaultClientScopes"]!.AsArray()
            .Remove(r.Client("platform-web")["defaultClientScopes"]!.AsArray().Single(s => s!.GetValue<string>() == "roles")),
        ["a removed optional client scope"] = r => r.Client("platform-spa")["optionalClientScopes"]!.AsArray().Clear(),
        ["a confidential client made public"] = r => r.Client("platform-web")["publicClient"] = true,
        ["PKCE switched off"] = r => r.Client("platform-spa")["attributes"]!.AsObject().Remove("pkce.code.challenge.method"),
        ["a longer access token"] = r => r["accessTokenLifespan"] = 3600,
        ["a longer idle session"] = r => r["ssoSessionIdleTimeout"] = 7200,
        ["another login locale"] = r => r["defaultLocale"] = "en",
        ["a realm-level client scope"] = r => r["clientScopes"] = new JsonArray(new JsonObject { ["name"] = "extra" }),
        ["default roles"] = r => r["defaultRole"] = new JsonObject { ["name"] = "default-roles-platform", ["composites"] = new JsonObject { ["realm"] = new JsonArray("reporter") } },
        ["a service account losing a role"] = r => r["users"].Objects().Single(u => u.Text("serviceAccountClientId") == "he-thong-57")["clientRoles"] = new JsonObject(),
        ["a service account in another unit"] = r => r["users"].Objects().Single(u => u.Text("serviceAccountClientId") == "he-thong-57")["groups"] = new JsonArray("/vn/thanh-hoa/so-khcn"),
    };

    [Theory]
    [MemberData(nameof(Drifts))]
    public void A_production_realm_that_drifted_from_the_development_realm_is_caught(string drift)
    {
        var production = RealmFiles.Production();
        Drift[drift](production);

        var differences = RealmAgreement.Differences(RealmFiles.Development(), production);

        Assert.NotEmpty(differences);
    }
}
