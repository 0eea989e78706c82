using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.IdentityProvider.Tests;

/// <summary>
/// docs/security.md's table of demo users says who people can sign in as, with which roles and unit: it must be what the
/// realm file holds (it once gave the national reviewer and publisher each other's role).
/// </summary>
public sealed partial class DemoUsersDocTests
{
    private sealed record DocumentedUser(string Username, IReadOnlySet<string> Roles, IReadOnlySet<string> Units);

    [Fact]
    public void Every_demo_user_of_the_realm_file_is_documented_with_its_roles_and_unit_and_no_one_else()
    {
        var realm = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "platform-realm.json")))!;
        var people = realm["users"]!.AsArray().Select(u => u!)
            .Where(u => u["serviceAccountClientId"] is null)
            .ToDictionary(u => u["username"]!.GetValue<string>(), u => u);
        var documented = DocumentedUsers(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "security.md")));

        Assert.Equal(people.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        foreach (var (username, doc) in documented)
        {
            var user = people[username];
            var roles = user["realmRoles"]!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet();
            var unit = user["attributes"]!["org_unit"]!.AsArray().Single()!.GetValue<string>();
            Assert.True(doc.Roles.SetEquals(roles), $"{username}: documented roles {string.Join(", ", doc.Roles)}, realm {string.Join(", ", roles)}");
            Assert.True(doc.Units.Contains(unit), $"{username}: documented unit {string.Join(", ", doc.Units)}, realm {unit}");
        }
    }

    /// <summary>
    /// The table's rows: <c>`bkhcn.reporter`, `.reviewer`</c> (a leading dot continues the previous name's unit), roles as
    /// a list or "one role each" (the name's last part), units in backticks.
    /// </summary>
    private static Dictionary<string, DocumentedUser> DocumentedUsers(string markdown)
    {
        var table = markdown[markdown.IndexOf("Demo users", StringComparison.Ordinal)..];
        var users = new Dictionary<string, DocumentedUser>(StringComparer.Ordinal);
        foreach (var line in table.Split('\n').SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2))
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var units = Code().Matches(cells[2]).Select(m => m.Groups[1].Value).ToHashSet();
            string? prefix = null;
            foreach (var name in Code().Matches(cells[0]).Select(m => m.Groups[1].Value))
            {
                var username = name.StartsWith('.') ? prefix + name : name;
                if (!name.StartsWith('.')) prefix = name.Contains('.', StringComparison.Ordinal) ? name[..name.LastIndexOf('.')] : name;
                var suffix = username[(username.LastIndexOf('.') + 1)..];
                var roles = cells[1] == "one role each" || cells[1].Split(',').Select(r => r.Trim()).Contains(suffix) && username.Contains('.', StringComparison.Ordinal)
                    ? new HashSet<string> { suffix }
                    : cells[1].Split('(')[0].Split(',').Select(r => r.Trim()).Where(r => r.Length > 0).ToHashSet();
                users.Add(username, new DocumentedUser(username, roles, units));
            }
        }
        return users;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
