using System.Text;
using System.Text.Json;
using Platform.Scoring.Engine;

namespace Platform.Scoring.Io;

/// <summary>
/// Reads a scoring-run input document in one forward pass of a <see cref="Utf8JsonReader"/> over its UTF-8 bytes, with
/// no document tree: each unit's values go straight into the dictionary the engine reads. It says exactly what reading
/// the whole document as a <see cref="JsonDocument"/> said before (main at cd244d6): the same syntax error for a
/// malformed document, the same problems in the same order (the head's fields, the references, then unit by unit), and
/// where a property is repeated, the last one counts, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
/// found it.
/// </summary>
internal ref struct ScoringRunReader
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Whole counts 0–1023 are most reported values; one boxed copy of each serves every unit.</summary>
    private static readonly object[] SmallCounts = [.. Enumerable.Range(0, 1024).Select(i => (object)(decimal)i)];
    private static readonly object True = true;
    private static readonly object False = false;

    private Utf8JsonReader reader;
    private readonly KeyCache keys;
    private int lastValueCount;

    private ScoringRunReader(ReadOnlySpan<byte> utf8Json)
    {
        reader = new Utf8JsonReader(utf8Json, Options);
        keys = new KeyCache();
        lastValueCount = 24;
    }

    public static (ScoringRunInput? Input, IReadOnlyList<ScoringProblem> Problems) Read(ReadOnlySpan<byte> utf8Json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            // Text that is not UTF-8 reads as its decoded text did (invalid bytes replaced), as File.ReadAllText gave it.
            var text = Encoding.UTF8.GetString(utf8Json);
            return Read(Encoding.UTF8.GetBytes(text));
        }
        try
        {
            return new ScoringRunReader(utf8Json).ReadDocument();
        }
        catch (JsonException ex)
        {
            return (null, [new ScoringProblem(null, null, $"không đọc được JSON: lỗi cú pháp ở dòng {ex.LineNumber + 1}, vị trí {ex.BytePositionInLine + 1}")]);
        }
    }

    private (ScoringRunInput? Input, IReadOnlyList<ScoringProblem> Problems) ReadDocument()
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            SkipToEnd();
            return (null, [new ScoringProblem(null, null, "dữ liệu vào phải là một đối tượng JSON")]);
        }
        TextField framework = default, version = default, period = default, peerGroup = default;
        Dictionary<string, decimal>? references = null;
        List<ScoringProblem>? referenceProblems = null;
        List<UnitValues>? units = null;
        List<ScoringProblem>? unitProblems = null;
        while (NextProperty())
        {
            if (reader.ValueTextEquals("framework"u8)) framework = ReadText();
            else if (reader.ValueTextEquals("version"u8)) version = ReadText();
            else if (reader.ValueTextEquals("period"u8)) period = ReadText();
            else if (reader.ValueTextEquals("peerGroup"u8)) peerGroup = ReadText();
            else if (reader.ValueTextEquals("references"u8))
            {
                reader.Read();
                (references, referenceProblems) = (null, null);
                if (reader.TokenType == JsonTokenType.StartObject) (references, referenceProblems) = ReadReferences();
                else reader.Skip();
            }
            else if (reader.ValueTextEquals("units"u8))
            {
                reader.Read();
                (units, unitProblems) = (null, null);
                if (reader.TokenType == JsonTokenType.StartArray) (units, unitProblems) = ReadUnits();
                else reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        SkipToEnd();

        var problems = new List<ScoringProblem>();
        var frameworkId = framework.Value("framework", required: true, problems);
        var versionName = version.Value("version", required: false, problems);
        var periodName = period.Value("period", required: true, problems);
        var peerGroupName = peerGroup.Value("peerGroup", required: false, problems);
        if (referenceProblems is not null) problems.AddRange(referenceProblems);
        if (units is null) problems.Add(new ScoringProblem(null, "units", "thiếu danh sách đơn vị \"units\""));
        else if (unitProblems is not null) problems.AddRange(unitProblems);
        if (frameworkId is null || periodName is null) return (null, problems);
        return (new ScoringRunInput(frameworkId, versionName,
            new ScoringRequest(periodName, peerGroupName, units ?? new List<UnitValues>(), references ?? new Dictionary<string, decimal>(StringComparer.Ordinal))), problems);
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private bool NextProperty()
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>After the root value only whitespace and comments may follow; anything else is the syntax error it was.</summary>
    private void SkipToEnd()
    {
        reader.Skip();
        while (reader.Read())
        {
        }
    }

    private TextField ReadText()
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return new TextField(true, FieldKind.Text, reader.GetString());
            case JsonTokenType.Null: return new TextField(true, FieldKind.Null, null);
            default:
                reader.Skip();
                return new TextField(true, FieldKind.Other, null);
        }
    }

    private (Dictionary<string, decimal>, List<ScoringProblem>?) ReadReferences()
    {
        var references = new Dictionary<string, decimal>(StringComparer.Ordinal);
        List<ScoringProblem>? problems = null;
        while (NextProperty())
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)) references[name] = value;
            else
            {
                (problems ??= []).Add(new ScoringProblem(null, $"references.{name}", reader.TokenType == JsonTokenType.Number
                    ? "giá trị tham chiếu phải là số trong phạm vi cho phép (số quá lớn)"
                    : "giá trị tham chiếu phải là số"));
                reader.Skip();
            }
        }
        return (references, problems);
    }

    private (List<UnitValues>, List<ScoringProblem>?) ReadUnits()
    {
        var units = new List<UnitValues>();
        List<ScoringProblem>? problems = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                (problems ??= []).Add(new ScoringProblem(null, "unit", "mỗi đơn vị cần mã \"unit\" dạng chuỗi"));
                continue;
            }
            if (ReadUnit(ref problems) is { } unit) units.Add(unit);
        }
        return (units, problems);
    }

    private UnitValues? ReadUnit(ref List<ScoringProblem>? problems)
    {
        string? name = null;
        Dictionary<string, object>? values = null;
        Dictionary<string, object>? previous = null;
        var bonus = default(TextField);
        var bonusValue = 0m;
        Dictionary<string, decimal>? reviewer = null;
        List<(string Key, bool TooLarge)>? reviewerProblems = null;
        while (NextProperty())
        {
            if (reader.ValueTextEquals("unit"u8))
            {
                reader.Read();
                name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("values"u8))
            {
                reader.Read();
                values = reader.TokenType == JsonTokenType.StartObject ? ReadValues() : Skipped();
            }
            else if (reader.ValueTextEquals("previous"u8))
            {
                reader.Read();
                previous = null;
                if (reader.TokenType != JsonTokenType.StartObject) reader.Skip();
                else
                {
                    while (NextProperty())
                    {
                        if (reader.ValueTextEquals("values"u8))
                        {
                            reader.Read();
                            previous = reader.TokenType == JsonTokenType.StartObject ? ReadValues() : Skipped();
                        }
                        else
                        {
                            reader.Read();
                            reader.Skip();
                        }
                    }
                }
            }
            else if (reader.ValueTextEquals("bonus"u8))
            {
                reader.Read();
                bonusValue = 0m;
                bonus = reader.TokenType switch
                {
                    JsonTokenType.Null => new TextField(true, FieldKind.Null, null),
                    JsonTokenType.Number when reader.TryGetDecimal(out bonusValue) => new TextField(true, FieldKind.Text, null),
                    JsonTokenType.Number => new TextField(true, FieldKind.TooLarge, null),
                    _ => new TextField(true, FieldKind.Other, null),
                };
                reader.Skip();
            }
            else if (reader.ValueTextEquals("reviewer"u8))
            {
                reader.Read();
                (reviewer, reviewerProblems) = (null, null);
                if (reader.TokenType != JsonTokenType.StartObject) reader.Skip();
                else
                {
                    reviewer = new Dictionary<string, decimal>(StringComparer.Ordinal);
                    while (NextProperty())
                    {
                        var key = reader.GetString()!;
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var score)) reviewer[key] = score;
                        else (reviewerProblems ??= []).Add((key, reader.TokenType == JsonTokenType.Number));
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            (problems ??= []).Add(new ScoringProblem(null, "unit", "mỗi đơn vị cần mã \"unit\" dạng chuỗi"));
            return null;
        }
        if (bonus.Kind is FieldKind.Other or FieldKind.TooLarge)
        {
            (problems ??= []).Add(new ScoringProblem(name, "bonus", bonus.Kind == FieldKind.TooLarge
                ? "điểm thưởng phải là số trong phạm vi cho phép (số quá lớn)"
                : "điểm thưởng phải là số"));
        }
        if (reviewerProblems is not null)
        {
            foreach (var (key, tooLarge) in reviewerProblems)
            {
                (problems ??= []).Add(new ScoringProblem(name, $"reviewer.{key}", tooLarge
                    ? "điểm thẩm định phải là số trong phạm vi cho phép (số quá lớn)"
                    : "điểm thẩm định phải là số"));
            }
        }
        return new UnitValues(name, values ?? new Dictionary<string, object>(StringComparer.Ordinal),
            bonus.Kind == FieldKind.Text ? bonusValue : 0m, reviewer, previous);
    }

    private Dictionary<string, object>? Skipped()
    {
        reader.Skip();
        return null;
    }

    /// <summary><c>{"key": number | bool | string | null}</c>; null means not reported; any other JSON value stays a <see cref="JsonElement"/>, which no input accepts.</summary>
    private Dictionary<string, object> ReadValues()
    {
        var values = new Dictionary<string, object>(lastValueCount, StringComparer.Ordinal);
        while (NextProperty())
        {
            var key = keys.Get(ref reader);
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.Number when reader.TryGetDecimal(out var d):
                    values[key] = d.Scale == 0 && !decimal.IsNegative(d) && d < SmallCounts.Length ? SmallCounts[(int)d] : d;
                    break;
                case JsonTokenType.True: values[key] = True; break;
                case JsonTokenType.False: values[key] = False; break;
                case JsonTokenType.String: values[key] = reader.GetString()!; break;
                case JsonTokenType.Null: break;
                // Kept as it is, so validation tells what the input needs (and skips the checks that read it)
                // rather than taking the value as not reported and its default in its place.
                default: values[key] = JsonElement.ParseValue(ref reader); break;
            }
        }
        lastValueCount = Math.Max(values.Count, 4);
        return values;
    }

    private enum FieldKind : byte
    {
        Absent,
        Text,
        Null,
        TooLarge,
        Other,
    }

    /// <summary>The last occurrence of a field: whether it was there, what kind of JSON value, the text.</summary>
    private readonly record struct TextField(bool Present, FieldKind Kind, string? Text)
    {
        public string? Value(string name, bool required, List<ScoringProblem> problems)
        {
            if (Present)
            {
                if (Kind == FieldKind.Text) return Text;
                if (Kind == FieldKind.Null && !required) return null;
                problems.Add(new ScoringProblem(null, name, "phải là chuỗi"));
                return null;
            }
            if (required) problems.Add(new ScoringProblem(null, name, "bắt buộc"));
            return null;
        }
    }

    /// <summary>Input keys repeat in every unit: one string per distinct key, looked up without allocating.</summary>
    private sealed class KeyCache
    {
        private const int MaxKeys = 4096;
        private readonly Dictionary<string, string> keys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

        public KeyCache() => lookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(ref Utf8JsonReader reader)
        {
            var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (length > 128) return reader.GetString()!;
            Span<char> buffer = stackalloc char[128];
            var chars = buffer[..reader.CopyString(buffer)];
            if (lookup.TryGetValue(chars, out var key)) return key;
            key = chars.ToString();
            if (keys.Count < MaxKeys) keys[key] = key;
            return key;
        }
    }
}
