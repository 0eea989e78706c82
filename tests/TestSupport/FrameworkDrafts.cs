using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Scoring;

namespace Platform.TestSupport;

/// <summary>
/// Framework drafts as an administrator writes them: a shipped version's JSON file, changed here and there. The
/// reweighting below is the one the what-if tests work out by hand.
/// </summary>
public static class FrameworkDrafts
{
    public const string ReweightedVersion = "Dự thảo điều chỉnh trọng số B, C, D (thử nghiệm)";

    /// <summary>The shipped file of <paramref name="id"/>, as written (<c>src/Scoring/Frameworks/&lt;id&gt;.json</c>).</summary>
    public static JsonObject Shipped(string id = "monthly-4585")
    {
        using var stream = typeof(FrameworkCatalog).Assembly.GetManifestResourceStream($"Platform.Scoring.Frameworks.{id}.json")
            ?? throw new ArgumentException($"No shipped framework {id}.", nameof(id));
        return JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
    }

    /// <summary>
    /// monthly-4585 with B worth 5 points instead of 20 (sum of B1–B5 × 0.05), C worth 45 (C1, C2 22.5 each) and D 10
    /// (D1, D2 5 each): 20 + 5 + 45 + 10 + 15 + bonus 5 = 100.
    /// </summary>
    public static JsonObject Reweighted()
    {
        var draft = Shipped();
        draft["version"] = ReweightedVersion;
        Group(draft, "B")["max"] = 5;
        Indicator(draft, "B")["max"] = 5;
        Indicator(draft, "B")["variants"]!["text"] = JsonNode.Parse("""{ "op": "mul", "of": [ { "op": "sum", "of": ["B.B1", "B.B2", "B.B3", "B.B4", "B.B5"] }, 0.05 ] }""");
        Group(draft, "C")["max"] = 45;
        Indicator(draft, "C1")["max"] = 22.5m;
        Indicator(draft, "C2")["max"] = 22.5m;
        Group(draft, "D")["max"] = 10;
        Indicator(draft, "D1")["max"] = 5;
        Indicator(draft, "D2")["max"] = 5;
        return draft;
    }

    public static JsonObject Group(JsonObject draft, string code) =>
        draft["groups"]!.AsArray().Select(g => g!.AsObject()).Single(g => (string?)g["code"] == code);

    public static JsonObject Indicator(JsonObject draft, string code) =>
        draft["groups"]!.AsArray().SelectMany(g => g!["indicators"]!.AsArray()).Select(i => i!.AsObject()).Single(i => (string?)i["code"] == code);
}
