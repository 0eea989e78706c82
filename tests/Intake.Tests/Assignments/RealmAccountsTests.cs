using System.Text.Json.Nodes;
using Platform.Intake.Assignments;
using Platform.Intake.Units;

namespace Platform.Intake.Tests.Assignments;

/// <summary>
/// The realm file (<c>deploy/keycloak/platform-realm.json</c>) against the shipped units and assignments: whoever is
/// assigned monthly-4585 inputs can sign in, and the groups mirror the unit tree.
/// </summary>
public sealed class RealmAccountsTests
{
    private static readonly JsonNode Realm = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "platform-realm.json")))!;
    private static readonly Dictionary<string, UnitDetails> Units = UnitSeeder.ShippedUnits().ToDictionary(r => r.Details.Code, r => r.Details);

    private static IEnumerable<(string Username, string Unit, string[] Roles, string[] Groups)> People() =>
        Realm["users"]!.AsArray().Select(u => u!)
            .Where(u => u["serviceAccountClientId"] is null)
            .Select(u => (u["username"]!.GetValue<string>(), u["attributes"]!["org_unit"]![0]!.GetValue<string>(),
                u["realmRoles"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray(),
                u["groups"]!.AsArray().Select(g => g!.GetValue<string>()).ToArray()));

    /// <summary>Every group by its path, with its <c>org_unit</c>.</summary>
    private static Dictionary<string, string> Groups()
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonArray level, string parent)
        {
            foreach (var group in level.Select(g => g!))
            {
                var path = $"{parent}/{group["name"]!.GetValue<string>()}";
                groups[path] = group["attributes"]!["org_unit"]![0]!.GetValue<string>();
                Walk(group["subGroups"]!.AsArray(), path);
            }
        }
        Walk(Realm["groups"]!.AsArray(), "");
        return groups;
    }

    [Theory]
    [InlineData("lao-cai")]
    [InlineData("thanh-hoa")]
    public void Every_agency_assigned_monthly_inputs_in_the_province_has_a_reporter_and_a_leader_account(string province)
    {
        var owners = AssignmentSeeder.ShippedAssignments()
            .Where(a => a.FrameworkId == "monthly-4585" && a.TargetUnit == province).Select(a => a.ReportingUnit).ToList();
        var people = People().ToList();

        Assert.Equal(6, owners.Count);
        Assert.All(owners, unit =>
        {
            Assert.Contains(people, p => p.Unit == unit && p.Roles.Contains("reporter"));
            Assert.Contains(people, p => p.Unit == unit && p.Roles.Contains("leader"));
        });
    }

    [Fact]
    public void At_least_three_ministries_have_a_reporter_and_a_leader_account()
    {
        var people = People().ToList();
        var ministries = Units.Values.Where(u => u.PeerGroups.Contains("ministries")).Select(u => u.Code)
            .Where(m => people.Any(p => p.Unit == m && p.Roles.Contains("reporter")) && people.Any(p => p.Unit == m && p.Roles.Contains("leader")))
            .ToList();

        Assert.Superset(new HashSet<string> { "bkhcn", "btc", "byt" }, ministries.ToHashSet());
    }

    [Fact]
    public void Every_persons_unit_exists_and_their_group_names_that_unit()
    {
        var groups = Groups();

        Assert.All(People(), p =>
        {
            Assert.True(Units.ContainsKey(p.Unit), $"{p.Username}: unit {p.Unit} is not in units.csv");
            var group = Assert.Single(p.Groups);
            Assert.True(groups.TryGetValue(group, out var unit), $"{p.Username}: group {group} does not exist");
            Assert.Equal(p.Unit, unit);
        });
    }

    [Fact]
    public void The_group_tree_mirrors_the_unit_tree()
    {
        var groups = Groups();

        Assert.All(groups, g =>
        {
            Assert.True(Units.TryGetValue(g.Value, out var unit), $"group {g.Key}: unit {g.Value} is not in units.csv");
            var parentPath = g.Key[..g.Key.LastIndexOf('/')];
            if (parentPath.Length == 0) Assert.Null(unit.ParentCode);
            else Assert.Equal(groups[parentPath], unit.ParentCode);
        });
    }
}
