using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Scoring.Engine;

namespace Platform.Scoring.Io;

/// <summary>
/// The two scoring-run documents written token by token to a <see cref="Utf8JsonWriter"/>, which hands what it holds to
/// its stream or buffer every 64 KiB. Property names that repeat in every unit (the fixed ones, indicator and group
/// codes, flag names) are encoded once per document with the writer's own encoder, so the bytes are those of writing
/// each name as a string.
/// </summary>
internal static class ScoringRunWriter
{
    private const int FlushAt = 1 << 16;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly JsonEncodedText Unit = Name("unit");
    private static readonly JsonEncodedText Values = Name("values");
    private static readonly JsonEncodedText Previous = Name("previous");
    private static readonly JsonEncodedText Bonus = Name("bonus");
    private static readonly JsonEncodedText Total = Name("total");
    private static readonly JsonEncodedText Unrounded = Name("unrounded");
    private static readonly JsonEncodedText Classification = Name("classification");
    private static readonly JsonEncodedText Rank = Name("rank");
    private static readonly JsonEncodedText Groups = Name("groups");
    private static readonly JsonEncodedText Indicators = Name("indicators");
    private static readonly JsonEncodedText Score = Name("score");
    private static readonly JsonEncodedText Max = Name("max");
    private static readonly JsonEncodedText Flags = Name("flags");
    private static readonly JsonEncodedText Self = Name("self");
    private static readonly JsonEncodedText Reviewer = Name("reviewer");
    private static readonly JsonEncodedText Best = Name("best");
    private static readonly JsonEncodedText Value = Name("value");
    private static readonly JsonEncodedText Reference = Name("reference");

    /// <summary>The flag names of every combination of flags, as the document lists them.</summary>
    private static readonly JsonEncodedText[][] FlagNames = [.. Enumerable.Range(0, 1 << 8)
        .Select(i => ((ScoreFlags)i).ToNames().Select(Name).ToArray())];

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, Encoder);

    /// <summary>Opens a document with what both kinds start with: the framework, the version, the period and the peer group.</summary>
    private static void WriteHead(Utf8JsonWriter w, CompiledFramework framework, string period, string? peerGroup)
    {
        w.WriteStartObject();
        w.WriteString("framework", framework.Id);
        w.WriteString("version", framework.Version);
        w.WriteString("period", period);
        if (peerGroup is null) w.WriteNull("peerGroup");
        else w.WriteString("peerGroup", peerGroup);
    }

    public static void WriteInput(Utf8JsonWriter w, CompiledFramework framework, ScoringRequest request)
    {
        WriteHead(w, framework, request.Period, request.PeerGroup);
        if (request.References is { Count: > 0 } references)
        {
            w.WriteStartObject("references");
            foreach (var (code, value) in references.OrderBy(r => r.Key, StringComparer.Ordinal)) w.WriteNumber(code, value);
            w.WriteEndObject();
        }
        w.WriteStartArray("units");
        var names = new NameCache();
        var order = new List<KeyValuePair<string, object>>();
        foreach (var unit in request.Units)
        {
            w.WriteStartObject();
            w.WriteString(Unit, unit.Unit);
            WriteValues(w, Values, unit.Values, names, order);
            if (unit.Previous is not null)
            {
                w.WriteStartObject(Previous);
                WriteValues(w, Values, unit.Previous, names, order);
                w.WriteEndObject();
            }
            w.WriteNumber(Bonus, unit.Bonus);
            w.WriteEndObject();
            if (w.BytesPending > FlushAt) w.Flush();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyDictionary<string, object> values, NameCache names,
        List<KeyValuePair<string, object>> order)
    {
        w.WriteStartObject(name);
        order.Clear();
        order.AddRange(values);
        order.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, value) in order)
        {
            switch (value)
            {
                case decimal d: w.WriteNumber(names.Of(key), d); break;
                case bool b: w.WriteBoolean(names.Of(key), b); break;
                case string s: w.WriteString(names.Of(key), s); break;
                default: throw new ArgumentException($"Input {key} has a value of type {value.GetType().Name}; the engine takes decimal, bool or string.", nameof(values));
            }
        }
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, ScoringResult result)
    {
        var framework = result.Framework;
        var definition = framework.Definition;
        var unscored = definition.Unscored;
        var classes = definition.Classes.Count > 0;
        var bonus = definition.Bonus is not null;
        var names = new NameCache();
        WriteHead(w, framework, result.Period, result.PeerGroup);
        w.WriteStartArray("results");
        foreach (var r in result.Results)
        {
            w.WriteStartObject();
            w.WriteString(Unit, r.Unit);
            if (!unscored)
            {
                w.WriteNumber(Total, r.Total);
                w.WriteNumber(Unrounded, ScoringRunJson.Normalize(r.Unrounded));
                if (classes) w.WriteString(Classification, r.Classification);
                w.WriteNumber(Rank, r.Rank);
                if (bonus) w.WriteNumber(Bonus, r.Bonus);
                w.WriteStartObject(Groups);
                foreach (var (code, score) in r.Groups) w.WriteNumber(names.Of(code), ScoringRunJson.Shown(score));
                w.WriteEndObject();
            }
            w.WriteStartObject(Indicators);
            foreach (var s in r.Indicators)
            {
                w.WriteStartObject(names.Of(s.Code));
                // An unscored catalogue's "score" is the reported value, written as reported.
                w.WriteNumber(Score, unscored ? ScoringRunJson.Normalize(s.Score) : ScoringRunJson.Shown(s.Score));
                w.WriteNumber(Max, s.Max);
                w.WriteStartArray(Flags);
                if ((int)s.Flags < FlagNames.Length)
                {
                    foreach (var f in FlagNames[(int)s.Flags]) w.WriteStringValue(f);
                }
                else
                {
                    foreach (var f in s.Flags.ToNames()) w.WriteStringValue(f);
                }
                w.WriteEndArray();
                if (s.Self is { } self) w.WriteNumber(Self, ScoringRunJson.Shown(self));
                if (s.Reviewer is { } reviewer) w.WriteNumber(Reviewer, ScoringRunJson.Shown(reviewer));
                if (result.Bests.TryGetValue(s.Code, out var best))
                {
                    w.WriteStartObject(Best);
                    if (best.Unit is null) w.WriteNull(Unit);
                    else w.WriteString(Unit, best.Unit);
                    w.WriteNumber(Value, ScoringRunJson.Normalize(best.Value));
                    if (best.FromReference) w.WriteBoolean(Reference, true);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
            if (w.BytesPending > FlushAt) w.Flush();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Codes repeat in every unit: each is encoded once per document.</summary>
    private sealed class NameCache
    {
        private readonly Dictionary<string, JsonEncodedText> names = new(StringComparer.Ordinal);

        public JsonEncodedText Of(string name)
        {
            if (!names.TryGetValue(name, out var encoded))
            {
                encoded = Name(name);
                if (names.Count < 4096) names[name] = encoded;
            }
            return encoded;
        }
    }
}
