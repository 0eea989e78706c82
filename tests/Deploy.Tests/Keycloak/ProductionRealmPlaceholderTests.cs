using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Deploy.Tests.Keycloak;

/// <summary>
/// The production realm reads exactly the documented variables (Keycloak's import placeholders <c>${NAME}</c>,
/// https://www.keycloak.org/server/importExport, "Using Environment Variables within the Realm Configuration Files"):
/// each is in <c>deploy/.env.example</c>, the secrets with a <c>CHANGE-ME</c> value the compose preflight refuses,
/// because Keycloak leaves an unset placeholder as the literal text <c>${NAME}</c> — a secret anyone could guess.
/// </summary>
public sealed class ProductionRealmPlaceholderTests
{
    [Fact]
    public void Production_realm_reads_exactly_the_public_url_and_the_two_client_secrets()
    {
        var placeholders = ProductionRealmRules.Placeholders(RealmFiles.Production());

        Assert.Equal(ProductionRealmRules.Variables.Order(), placeholders.Order());
    }

    [Fact]
    public void A_new_placeholder_in_the_production_realm_is_noticed()
    {
        var production = RealmFiles.Production();
        production.Client("platform-spa")["rootUrl"] = "${PLATFORM_SPA_URL}";

        Assert.NotEqual(ProductionRealmRules.Variables.Order(), ProductionRealmRules.Placeholders(production).Order());
    }

    /// <summary>Variables assigned in an env file (<c>NAME=value</c> lines), with their example values.</summary>
    public static Dictionary<string, string> EnvFileVariables(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => Regex.Match(l, @"^(?:export\s+)?(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>.*)$"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim('"', '\''));

    /// <summary>Problems of an env example against the realm's placeholders (empty = every variable documented, secrets refused until set).</summary>
    public static List<string> Undocumented(IEnumerable<string> placeholders, Dictionary<string, string> example)
    {
        var found = new List<string>();
        foreach (var name in placeholders)
        {
            if (!example.TryGetValue(name, out var value))
                found.Add($"{name} is read by the production realm but not documented in deploy/.env.example");
            else if (name.EndsWith("_SECRET", StringComparison.Ordinal) && !value.Contains("CHANGE-ME", StringComparison.Ordinal))
                found.Add($"{name}'s example value '{value}' is not a CHANGE-ME placeholder the preflight refuses");
            else if (name.EndsWith("_URL", StringComparison.Ordinal) && value.EndsWith('/'))
                found.Add($"{name}'s example value '{value}' ends with '/': redirect URIs would get '//'");
        }
        return found;
    }

    [Fact]
    public void Every_variable_the_production_realm_reads_is_documented_in_the_env_example_with_secrets_still_to_change()
    {
        var example = EnvFileVariables(RepositoryFiles.Read("deploy", ".env.example"));

        var problems = Undocumented(ProductionRealmRules.Placeholders(RealmFiles.Production()), example);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void An_env_example_missing_a_variable_or_giving_a_usable_secret_is_caught()
    {
        var complete = new Dictionary<string, string>
        {
            ["PLATFORM_PUBLIC_URL"] = "https://nentang.laocai.gov.vn",
            ["PLATFORM_WEB_CLIENT_SECRET"] = "CHANGE-ME-platform-web",
            ["HE_THONG_57_CLIENT_SECRET"] = "CHANGE-ME-he-thong-57",
        };
        Assert.Empty(Undocumented(ProductionRealmRules.Variables, complete));

        var missing = new Dictionary<string, string>(complete);
        missing.Remove("HE_THONG_57_CLIENT_SECRET");
        Assert.NotEmpty(Undocumented(ProductionRealmRules.Variables, missing));

        var usable = new Dictionary<string, string>(complete) { ["PLATFORM_WEB_CLIENT_SECRET"] = "secret" };
        Assert.NotEmpty(Undocumented(ProductionRealmRules.Variables, usable));

        var slash = new Dictionary<string, string>(complete) { ["PLATFORM_PUBLIC_URL"] = "https://nentang.laocai.gov.vn/" };
        Assert.NotEmpty(Undocumented(ProductionRealmRules.Variables, slash));
    }

    [Fact]
    public void Env_file_lines_are_read_as_name_and_value()
    {
        var variables = EnvFileVariables("# comment\nA=1\nexport B=\"two\"\n\n  C=  \nnot a line\n");

        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "two", ["C"] = "" }, variables);
    }
}
