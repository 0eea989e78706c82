using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.Scoring.Tests.Documents.Legacy;

/// <summary>
/// A verbatim copy of <c>ScoringRunJson</c> as it was before reading and writing were streamed (main at cd244d6, issue
/// 18): the reference the streaming reader and writer are compared with, byte for byte and problem for problem.
/// </summary>
internal static class LegacyScoringRunJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses the input; problems (wrong JSON types, missing fields) are returned, not thrown.</summary>
    public static (ScoringRunInput? Input, IReadOnlyList<ScoringProblem> Problems) Read(string json)
    {
        var problems = new List<ScoringProblem>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return (null, [new ScoringProblem(null, null, $"không đọc được JSON: lỗi cú pháp ở dòng {ex.LineNumber + 1}, vị trí {ex.BytePositionInLine + 1}")]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, [new ScoringProblem(null, null, "dữ liệu vào phải là một đối tượng JSON")]);
            var framework = Text(root, "framework", required: true, problems);
            var version = Text(root, "version", required: false, problems);
            var period = Text(root, "period", required: true, problems);
            var peerGroup = Text(root, "peerGroup", required: false, problems);

            var references = new Dictionary<string, decimal>(StringComparer.Ordinal);
            if (root.TryGetProperty("references", out var refs) && refs.ValueKind == JsonValueKind.Object)
            {
                foreach (var r in refs.EnumerateObject())
                {
                    if (r.Value.ValueKind == JsonValueKind.Number) references[r.Name] = r.Value.GetDecimal();
                    else problems.Add(new ScoringProblem(null, $"references.{r.Name}", "giá trị tham chiếu phải là số"));
                }
            }

            var units = new List<UnitValues>();
            if (!root.TryGetProperty("units", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new ScoringProblem(null, "units", "thiếu danh sách đơn vị \"units\""));
            }
            else
            {
                foreach (var u in list.EnumerateArray())
                {
                    var unit = ReadUnit(u, problems);
                    if (unit is not null) units.Add(unit);
                }
            }
            if (framework is null || period is null) return (null, problems);
            return (new ScoringRunInput(framework, version, new ScoringRequest(period, peerGroup, units, references)), problems);
        }
    }

    private static UnitValues? ReadUnit(JsonElement u, List<ScoringProblem> problems)
    {
        if (u.ValueKind != JsonValueKind.Object || !u.TryGetProperty("unit", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
        {
            problems.Add(new ScoringProblem(null, "unit", "mỗi đơn vị cần mã \"unit\" dạng chuỗi"));
            return null;
        }
        var name = id.GetString()!;
        var values = ReadValues(u, "values") ?? new Dictionary<string, object>(StringComparer.Ordinal);
        var previous = u.TryGetProperty("previous", out var prev) && prev.ValueKind == JsonValueKind.Object
            ? ReadValues(prev, "values")
            : null;
        var bonus = 0m;
        if (u.TryGetProperty("bonus", out var b) && b.ValueKind != JsonValueKind.Null)
        {
            if (b.ValueKind == JsonValueKind.Number) bonus = b.GetDecimal();
            else problems.Add(new ScoringProblem(name, "bonus", "điểm thưởng phải là số"));
        }
        Dictionary<string, decimal>? reviewer = null;
        if (u.TryGetProperty("reviewer", out var rv) && rv.ValueKind == JsonValueKind.Object)
        {
            reviewer = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var r in rv.EnumerateObject())
            {
                if (r.Value.ValueKind == JsonValueKind.Number) reviewer[r.Name] = r.Value.GetDecimal();
                else problems.Add(new ScoringProblem(name, $"reviewer.{r.Name}", "điểm thẩm định phải là số"));
            }
        }
        return new UnitValues(name, values, bonus, reviewer, previous);
    }

    /// <summary>Reads <c>{"key": number | bool | string | null}</c>; null means not reported; any other JSON value stays a <see cref="JsonElement"/>, which no input accepts.</summary>
    private static Dictionary<string, object>? ReadValues(JsonElement parent, string property)
    {
        if (!parent.TryGetProperty(property, out var vs) || vs.ValueKind != JsonValueKind.Object) return null;
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var v in vs.EnumerateObject())
        {
            switch (v.Value.ValueKind)
            {
                case JsonValueKind.Number when v.Value.TryGetDecimal(out var d): values[v.Name] = d; break;
                case JsonValueKind.True: values[v.Name] = true; break;
                case JsonValueKind.False: values[v.Name] = false; break;
                case JsonValueKind.String: values[v.Name] = v.Value.GetString()!; break;
                case JsonValueKind.Null: break;
                // Kept as it is, so validation tells what the input needs (and skips the checks that read it)
                // rather than taking the value as not reported and its default in its place.
                default: values[v.Name] = v.Value.Clone(); break;
            }
        }
        return values;
    }

    private static string? Text(JsonElement root, string name, bool required, List<ScoringProblem> problems)
    {
        if (root.TryGetProperty(name, out var v))
        {
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            if (v.ValueKind == JsonValueKind.Null && !required) return null;
            problems.Add(new ScoringProblem(null, name, "phải là chuỗi"));
            return null;
        }
        if (required) problems.Add(new ScoringProblem(null, name, "bắt buộc"));
        return null;
    }

    /// <summary>
    /// Writes the engine's request as the scoring-run input document, exactly what <see cref="Read"/> (and so
    /// <c>Scoring.Cli score --input</c>) reads back. The version is written out (not null) so that re-scoring the document
    /// later uses the same definition even after a newer version takes effect.
    /// </summary>
    public static string WriteInputToString(CompiledFramework framework, ScoringRequest request)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteHead(w, framework, request.Period, request.PeerGroup);
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
                WriteValues(w, "values", unit.Values);
                if (unit.Previous is not null)
                {
                    w.WriteStartObject("previous");
                    WriteValues(w, "values", unit.Previous);
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

    private static void WriteValues(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, object> values)
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

    /// <summary>Writes a result as the scoring-run output JSON.</summary>
    public static void Write(ScoringResult result, Stream output)
    {
        using var w = new Utf8JsonWriter(output, WriterOptions);
        var framework = result.Framework;
        WriteHead(w, framework, result.Period, result.PeerGroup);
        w.WriteStartArray("results");
        foreach (var r in result.Results)
        {
            w.WriteStartObject();
            w.WriteString("unit", r.Unit);
            if (!framework.Definition.Unscored)
            {
                w.WriteNumber("total", r.Total);
                w.WriteNumber("unrounded", Normalize(r.Unrounded));
                if (framework.Definition.Classes.Count > 0) w.WriteString("classification", r.Classification);
                w.WriteNumber("rank", r.Rank);
                if (framework.Definition.Bonus is not null) w.WriteNumber("bonus", r.Bonus);
                w.WriteStartObject("groups");
                foreach (var (code, score) in r.Groups) w.WriteNumber(code, Shown(score));
                w.WriteEndObject();
            }
            w.WriteStartObject("indicators");
            foreach (var s in r.Indicators)
            {
                w.WriteStartObject(s.Code);
                // An unscored catalogue's "score" is the reported value, written as reported.
                w.WriteNumber("score", framework.Definition.Unscored ? Normalize(s.Score) : Shown(s.Score));
                w.WriteNumber("max", s.Max);
                w.WriteStartArray("flags");
                foreach (var f in s.Flags.ToNames()) w.WriteStringValue(f);
                w.WriteEndArray();
                if (s.Self is { } self) w.WriteNumber("self", Shown(self));
                if (s.Reviewer is { } reviewer) w.WriteNumber("reviewer", Shown(reviewer));
                if (result.Bests.TryGetValue(s.Code, out var best))
                {
                    w.WriteStartObject("best");
                    if (best.Unit is null) w.WriteNull("unit");
                    else w.WriteString("unit", best.Unit);
                    w.WriteNumber("value", Normalize(best.Value));
                    if (best.FromReference) w.WriteBoolean("reference", true);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.Write("\n"u8);
    }

    public static string WriteToString(ScoringResult result)
    {
        using var stream = new MemoryStream();
        Write(result, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Indicator and group scores are shown with 2 decimals (half away from zero).</summary>
    internal static decimal Shown(decimal v) => Normalize(Math.Round(v, 2, MidpointRounding.AwayFromZero));

    /// <summary>Drops trailing zeros so equal values always print the same way.</summary>
    internal static decimal Normalize(decimal v) => decimal.Parse(v.ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
