using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Platform.Deploy.Tests.LeastPrivilege;

/// <summary>
/// deploy/rabbitmq/permissions.json against the code: the events each service consumes and publishes as its source
/// shows them, and the permission regexes as they follow from those lists (the rule in the file's _comment).
/// </summary>
public sealed partial class PermissionsFileTests
{
    private static readonly string[] Interfaces = ["IFrameworkPeriodEvent", "IIntegrationEvent"];

    private static readonly Dictionary<string, string> Projects = new()
    {
        ["intake"] = "Intake",
        ["monthly-scoring"] = "MonthlyScoring",
        ["dx-index"] = "DxIndex",
        ["notifications"] = "Notifications",
        ["reporting"] = "Reporting",
    };

    private static JsonElement Users => JsonDocument.Parse(RepositoryFiles.Read("deploy", "rabbitmq", "permissions.json")).RootElement.GetProperty("users");

    private static SortedSet<string> List(JsonElement user, string property) =>
        new(user.GetProperty(property).EnumerateArray().Select(e => e.GetString()!), StringComparer.Ordinal);

    private static IEnumerable<string> Sources(string project) =>
        Directory.EnumerateFiles(RepositoryFiles.Path("src", project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);

    private static SortedSet<string> ContractEvents() =>
        new(Directory.EnumerateFiles(RepositoryFiles.Path("src", "Contracts"), "*.cs")
            .SelectMany(f => EventRecord().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)), StringComparer.Ordinal);

    [Fact]
    public void Every_service_has_a_user_and_the_five_services_are_all_there_is()
    {
        Assert.Equal(Projects.Keys.Order(), Users.EnumerateObject().Select(u => u.Name).Order());
    }

    [Fact]
    public void Each_users_consumed_events_are_the_consumers_its_service_declares()
    {
        var events = ContractEvents();
        foreach (var (user, project) in Projects)
        {
            var declared = new SortedSet<string>(Sources(project).SelectMany(s => ConsumerOf().Matches(s).Select(m => m.Groups[1].Value))
                .Where(events.Contains), StringComparer.Ordinal);
            var listed = List(Users.GetProperty(user), "consumes");
            // Intake's one consumer (the federation gate at the central instance) may live on another branch.
            if (user == "intake") Assert.Subset(listed, declared);
            else Assert.Equal(declared, listed);
        }
    }

    [Fact]
    public void Each_event_a_service_builds_is_among_the_events_its_user_may_publish()
    {
        var events = ContractEvents();
        foreach (var (user, project) in Projects)
        {
            var built = new SortedSet<string>(Sources(project).SelectMany(s => Construction().Matches(s).Select(m => m.Groups[1].Value))
                .Where(events.Contains), StringComparer.Ordinal);
            Assert.Subset(List(Users.GetProperty(user), "publishes"), built);
        }
    }

    [Fact]
    public void The_regexes_follow_from_the_published_and_consumed_events()
    {
        foreach (var user in Users.EnumerateObject())
        {
            var publishes = List(user.Value, "publishes");
            var consumes = List(user.Value, "consumes");
            var prefix = Regex.Escape(user.Name + "-");
            var own = $"{prefix}[a-z0-9-]+(_error|_skipped)?";
            if (user.Name == "intake") own = $@"({own}|federation\.from\.[a-z0-9-]+(_error|_skipped)?)";
            var interfaces = publishes.Count > 0 ? Interfaces : [];
            var faultAll = $"MassTransit:(Fault|ReceiveFault|Fault--{Contracts(consumes.Concat(Interfaces))}--)";
            var configure = $"^({own}|{Contracts(publishes.Concat(consumes).Concat(interfaces))}|{faultAll})$";
            var writable = publishes.Concat(interfaces).ToList();
            var write = $"^({own}|{(writable.Count > 0 ? Contracts(writable) + "|" : "")}{faultAll})$";
            var read = $"^({own}|{Contracts(publishes.Concat(consumes))}|MassTransit:(ReceiveFault|Fault--{Contracts(consumes)}--))$";

            Assert.Equal(configure, user.Value.GetProperty("configure").GetString());
            Assert.Equal(write, user.Value.GetProperty("write").GetString());
            Assert.Equal(read, user.Value.GetProperty("read").GetString());
        }
    }

    [Fact]
    public void The_regexes_let_a_service_reach_its_own_queues_and_no_other_services()
    {
        foreach (var user in Users.EnumerateObject())
        {
            foreach (var kind in new[] { "configure", "write", "read" })
            {
                var regex = new Regex(user.Value.GetProperty(kind).GetString()!);
                Assert.Matches(regex, $"{user.Name}-some-consumer");
                Assert.Matches(regex, $"{user.Name}-some-consumer_error");
                foreach (var other in Projects.Keys.Where(o => o != user.Name))
                    Assert.DoesNotMatch(regex, $"{other}-some-consumer");
                Assert.DoesNotMatch(regex, "amq.default");
                Assert.DoesNotMatch(regex, "");
            }
        }
    }

    private static string Contracts(IEnumerable<string> types)
    {
        var list = types.Distinct().Order(StringComparer.Ordinal).ToList();
        return @"Platform\.Contracts:" + (list.Count == 1 ? list[0] : "(" + string.Join('|', list) + ")");
    }

    [GeneratedRegex(@"public sealed record (\w+)\([^;]*?\)\s*:\s*I(?:FrameworkPeriod|Integration)Event", RegexOptions.Singleline)]
    private static partial Regex EventRecord();

    [GeneratedRegex(@"(?:IConsumer|JournalConsumer)<(\w+)>")]
    private static partial Regex ConsumerOf();

    [GeneratedRegex(@"\bnew (\w+)\(")]
    private static partial Regex Construction();
}
