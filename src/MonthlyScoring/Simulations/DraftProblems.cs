using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.MonthlyScoring.Simulations;

/// <summary>
/// A draft's problems keyed by where they are in the request: <c>draft.groups[0].indicators[1].rule</c>. A problem of a
/// file that does not parse already names its JSON path (<c>$.groups[0].max …</c>); one found while compiling names
/// the indicator, group, input or check, which is looked up in the draft itself. A problem that names nothing is keyed
/// <c>draft</c>. The message is kept as the loader wrote it.
/// </summary>
internal static partial class DraftProblems
{
    public const string Field = "draft";

    public static Dictionary<string, string[]> Keyed(IReadOnlyList<string> problems, JsonElement draft)
    {
        var places = Places.Of(draft);
        return problems.GroupBy(p => Key(p, places), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    private static string Key(string problem, Places places)
    {
        if (problem.StartsWith('$')) return Field + JsonPath().Match(problem).Groups[1].Value;
        var path = Quoted().Match(problem) is { Success: true } quoted
            ? (quoted.Groups[1].Value switch
            {
                "chỉ số đầu vào" => places.Inputs.GetValueOrDefault(quoted.Groups[2].Value),
                "mã nhóm" or "nhóm" => places.Groups.GetValueOrDefault(quoted.Groups[2].Value),
                "mã" => places.Indicators.GetValueOrDefault(quoted.Groups[2].Value),
                _ => null,
            })
            : Named(problem, places);
        return path is null ? Field : $"{Field}.{path}";
    }

    // "A1.rule.of[0]: …", "A.backlog.whenMissing.fromPrevious: …", "checks[1]: …", "nhóm A: …", "xếp loại B: …", "tổng điểm …".
    private static string? Named(string problem, Places places)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        var head = colon < 0 ? "" : problem[..colon];
        if (head.StartsWith("nhóm ", StringComparison.Ordinal)) return places.Groups.GetValueOrDefault(head[5..]);
        if (head.StartsWith("xếp loại", StringComparison.Ordinal)) return places.Classes.GetValueOrDefault(head.Length > 9 ? head[9..] : "") ?? "classes";
        if (head.StartsWith("checks[", StringComparison.Ordinal)) return head;
        if (head.StartsWith("kiểm tra", StringComparison.Ordinal)) return "checks";
        if (problem.StartsWith("tổng điểm tối đa", StringComparison.Ordinal)) return "maxPoints";
        // The longest indicator code or input key the head starts with (input keys hold dots: "A.backlog").
        var owner = places.Indicators.Concat(places.Inputs)
            .Where(p => head == p.Key || head.StartsWith(p.Key + ".", StringComparison.Ordinal))
            .MaxBy(p => p.Key.Length);
        return owner.Key is null ? null : owner.Value + head[owner.Key.Length..];
    }

    [GeneratedRegex(@"^\$([^ :]*)")]
    private static partial Regex JsonPath();

    [GeneratedRegex("^(chỉ số đầu vào|mã nhóm|mã|nhóm) \"([^\"]*)\"")]
    private static partial Regex Quoted();

    /// <summary>Where each indicator, group, input and class band sits in the draft (the last of duplicates).</summary>
    private sealed record Places(Dictionary<string, string> Indicators, Dictionary<string, string> Groups, Dictionary<string, string> Inputs,
        Dictionary<string, string> Classes)
    {
        public static Places Of(JsonElement draft)
        {
            var places = new Places(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
            Each(draft, "", "inputs", "key", (key, path, _) => places.Inputs[key] = path);
            Each(draft, "", "classes", "code", (code, path, _) => places.Classes[code] = path);
            AddGroups(draft, "", places);
            return places;
        }

        // Groups nest: "groups[0].groups[1].indicators[2]".
        private static void AddGroups(JsonElement owner, string prefix, Places places) => Each(owner, prefix, "groups", "code", (code, path, group) =>
        {
            places.Groups[code] = path;
            Each(group, path + ".", "indicators", "code", (indicator, at, _) => places.Indicators[indicator] = at);
            AddGroups(group, path + ".", places);
        });

        private static void Each(JsonElement owner, string prefix, string name, string id, Action<string, string, JsonElement> found)
        {
            if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return;
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(id, out var value) && value.ValueKind == JsonValueKind.String)
                    found(value.GetString()!, $"{prefix}{name}[{index}]", item);
                index++;
            }
        }
    }
}
