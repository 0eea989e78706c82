using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Scoring.Engine;

namespace Platform.MonthlyScoring.Runs;

/// <summary>
/// Writes the engine's request as the scoring-io input document (docs: scoring-io, "Input"), exactly what
/// <c>Scoring.Cli score --input</c> reads back through <c>ScoringRunJson.Read</c>. The version is written out (not
/// null) so that re-scoring the document later uses the same definition even after a newer version takes effect.
/// </summary>
public static class ScoringInputJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(CompiledFramework framework, ScoringRequest request)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("framework", framework.Id);
            w.WriteString("version", framework.Version);
            w.WriteString("period", request.Period);
            if (request.PeerGroup is null) w.WriteNull("peerGroup");
            else w.WriteString("peerGroup", request.PeerGroup);
            if (request.References is { Count: > 0 } references)
            {
                w.WriteStartObject("references");
                foreach (var (code, value) in references.OrderBy(r => r.Key, StringComparer.Ordinal)) w.WriteNumber(code, value);
                w.WriteEndObject();
            }
            w.WriteStartArray("units");
            foreach (var unit in request.Units)
            {
                w.WriteStartObject();
                w.WriteString("unit", unit.Unit);
                Values(w, "values", unit.Values);
                if (unit.Previous is not null)
                {
                    w.WriteStartObject("previous");
                    Values(w, "values", unit.Previous);
                    w.WriteEndObject();
                }
                w.WriteNumber("bonus", unit.Bonus);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.Write("\n"u8);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Values(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, object> values)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            switch (value)
            {
                case decimal d: w.WriteNumber(key, d); break;
                case bool b: w.WriteBoolean(key, b); break;
                case string s: w.WriteString(key, s); break;
                default: throw new ArgumentException($"Input {key} has a value of type {value.GetType().Name}; the engine takes decimal, bool or string.", nameof(values));
            }
        }
        w.WriteEndObject();
    }
}
