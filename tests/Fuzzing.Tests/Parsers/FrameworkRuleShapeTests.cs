using System.Text;
using Platform.Fuzzing.Tests.Harness;

namespace Platform.Fuzzing.Tests.Parsers;

/// <summary>
/// Rules of a framework file written wrong in every way the rule vocabulary can be: each shape is refused with a
/// Vietnamese problem naming where it is, never an exception (the fuzzer found the first of these).
/// </summary>
public sealed class FrameworkRuleShapeTests
{
    /// <summary>The shipped monthly file with its first cross-field check's rule replaced.</summary>
    private static byte[] WithCheck(string rule)
    {
        var json = Encoding.UTF8.GetString(Seeds.FrameworkFiles().Select(f => f.Bytes).First(b => Encoding.UTF8.GetString(b).Contains("\"monthly-4585\"", StringComparison.Ordinal)));
        const string original = "\"rule\": { \"atMost\": [ { \"op\": \"sum\", \"of\": [ \"A.onTime\", \"A.late\", { \"op\": \"mul\", \"of\": [ -1, \"A.due\" ] }, { \"op\": \"mul\", \"of\": [ -1, \"A.backlog\" ] } ] }, 0 ] }";
        Assert.Contains(original, json, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(json.Replace(original, $"\"rule\": {rule}", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> Shapes => new()
    {
        { "a condition's bound out of decimal range", """{ "atMost": [ "A.due", 1e400 ] }""" },
        { "a condition's bound that is text", """{ "atMost": [ "A.due", "x" ] }""" },
        { "a comparison that is not a pair", """{ "atMost": "A.due" }""" },
        { "a comparison with one element", """{ "atMost": [ "A.due" ] }""" },
        { "isTrue naming a number", """{ "isTrue": 5 }""" },
        { "is that is not a pair", """{ "is": "A.due" }""" },
        { "is with numbers", """{ "is": [ 1, 2 ] }""" },
        { "and that is not a list", """{ "and": { "isTrue": "A.due" } }""" },
        { "a constant out of decimal range", """{ "atMost": [ { "op": "sum", "of": [ 1e400 ] }, 0 ] }""" },
        { "an op that is a number", """{ "atMost": [ { "op": 5 }, 0 ] }""" },
        { "capped below that is a number", """{ "atMost": [ { "op": "capped", "value": "A.due", "target": 1, "below": 5 }, 0 ] }""" },
        { "capped target out of range", """{ "atMost": [ { "op": "capped", "value": "A.due", "target": -1e300 }, 0 ] }""" },
        { "tiers whose tier is a number", """{ "atMost": [ { "op": "tiers", "value": "A.due", "tiers": [ 5 ] }, 0 ] }""" },
        { "a tier bound that is text", """{ "atMost": [ { "op": "tiers", "value": "A.due", "tiers": [ { "above": "x", "points": 1 } ] }, 0 ] }""" },
        { "a tier's points out of range", """{ "atMost": [ { "op": "tiers", "value": "A.due", "tiers": [ { "above": 1, "points": 1e99 } ] }, 0 ] }""" },
        { "choice points that are a list", """{ "atMost": [ { "op": "choice", "input": "A.due", "points": [ 1 ] }, 0 ] }""" },
        { "share of text", """{ "atMost": [ { "op": "share", "of": "x" }, 0 ] }""" },
        { "nested 60 deep", string.Concat(Enumerable.Repeat("""{ "not": """, 60)) + """{ "isTrue": "A.due" }""" + new string('}', 60) },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_framework_file_with_a_wrongly_written_rule_is_refused_with_Vietnamese_problems(string shape, string rule)
    {
        var verdict = Fuzz.One("framework file (rule shapes)", new FuzzInput(WithCheck(rule), $"monthly-4585 with {shape}"), Targets.FrameworkFileRead);

        Assert.False(verdict.Accepted);
    }

    public static TheoryData<string, string> NullShapes => new()
    {
        { "an input that is null", "$.inputs[3]" },
        { "an input key that is null", "$.inputs[0].key" },
        { "the inputs that are null", "$.inputs" },
        { "a class band that is null", "$.classes[0]" },
        { "a check message that is null", "$.checks[0].message" },
    };

    /// <summary>The fuzzer's <c>$.inputs[3] = null</c> (a NullReferenceException in compiling) and its kin.</summary>
    [Theory]
    [MemberData(nameof(NullShapes))]
    public void A_framework_file_with_null_where_a_value_is_needed_is_refused_naming_where(string shape, string path)
    {
        var json = Encoding.UTF8.GetString(Seeds.FrameworkFiles().Select(f => f.Bytes).First(b => Encoding.UTF8.GetString(b).Contains("\"monthly-4585\"", StringComparison.Ordinal)));
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var parts = path[2..].Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        if (int.TryParse(parts[^1], out var index)) parent[index] = null;
        else parent[parts[^1]] = null;

        var verdict = Fuzz.One("framework file (null shapes)", new FuzzInput(Encoding.UTF8.GetBytes(root.ToJsonString()), $"monthly-4585 with {shape}"), Targets.FrameworkFileRead);

        Assert.False(verdict.Accepted);
        Assert.Contains(verdict.Problems, p => p.StartsWith(path, StringComparison.Ordinal));
    }
}
