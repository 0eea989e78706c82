using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.BadInput.Tests;

/// <summary>What a bad request does wrong; the summary table counts by it.</summary>
public static class Category
{
    public const string WrongType = "body: wrong type";
    public const string Missing = "body: required field missing";
    public const string Extra = "body: extra unknown field";
    public const string HugeString = "body: huge string (1 MB)";
    public const string Numbers = "body: huge / negative / NaN number";
    public const string Unicode = "body: odd unicode";
    public const string InvalidUtf8 = "body: invalid UTF-8";
    public const string DeepJson = "body: deep JSON";
    public const string NotJson = "body: not JSON / empty / wrong root";
    public const string ContentType = "wrong Content-Type";
    public const string Oversized = "oversized body (31 MB)";
    public const string ParamType = "parameter: wrong type";
    public const string ParamHuge = "parameter: huge";
    public const string ParamUnicode = "parameter: unicode / odd";
    public const string ParamNumbers = "parameter: number extremes";
    public const string QueryString = "query string: unknown / malformed";

    public static readonly string[] All =
        [WrongType, Missing, Extra, HugeString, Numbers, Unicode, InvalidUtf8, DeepJson, NotJson, ContentType, Oversized, ParamType, ParamHuge, ParamUnicode, ParamNumbers, QueryString];
}

/// <summary>
/// One generated bad request. <see cref="Fields"/>: the names the problem may give the offending field (an <c>errors</c> key),
/// empty when the request is wrong as a whole (then any key will do, <c>body</c> for a body that is not JSON).
/// </summary>
public sealed record BadCase(string Category, ApiOperation Operation, string What, IReadOnlyList<string> Fields, bool FieldLevel,
    Func<HttpRequestMessage> Build)
{
    public override string ToString() => $"{Operation} [{Category}] {What}";
}

/// <summary>
/// Generates the bad requests of one operation from its OpenAPI description: a valid-shaped request (parameters with
/// plausible values, a body with every property) mutated one thing at a time.
/// </summary>
public sealed class BadRequests(OpenApiOperations document, int perField)
{
    private const int OneMegabyte = 1024 * 1024;
    private const int DeepLevels = 10_000;

    /// <summary>Values a parameter takes in the valid-shaped request, by name; the rest come from the schema.</summary>
    private static readonly Dictionary<string, string> KnownValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tenant"] = "national", ["unit"] = "lao-cai", ["code"] = "lao-cai", ["unitCode"] = "lao-cai", ["province"] = "lao-cai",
        ["period"] = "2026-01", ["month"] = "2026-01", ["year"] = "2026", ["framework"] = "monthly-4585", ["frameworkId"] = "monthly-4585",
    };

    private IEnumerable<BadCase> For(ApiOperation operation, bool oversized)
    {
        foreach (var c in ParameterCases(operation)) yield return c;
        if (operation.BodyContentType is null) yield break;
        if (operation.BodyContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var c in JsonBodyCases(operation, oversized)) yield return c;
        }
        else
        {
            foreach (var c in OtherBodyCases(operation)) yield return c;
        }
    }

    // ---------- parameters ----------

    private IEnumerable<BadCase> ParameterCases(ApiOperation operation)
    {
        // Whatever the operation declares: parameters it does not know, and a query string that does not decode.
        foreach (var (what, query) in new[]
                 {
                     ("unknown parameters", "zzUnknown=1&zzUnknown=2&a[]=1&b[c]=2"),
                     ("undecodable percent escapes", "q=%zz%&%%=%E0%A4%A&x=%C3%28"),
                     ("8 KB parameter name", new string('n', 8 * 1024) + "=1"),
                 })
        {
            yield return new BadCase(Category.QueryString, operation, what, [], false, () =>
            {
                var request = Request(operation, null, Body(operation));
                var uri = request.RequestUri!.OriginalString;
                request.RequestUri = new Uri(uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query, UriKind.Relative);
                return request;
            });
        }

        foreach (var parameter in operation.Parameters)
        {
            var (type, format, schema) = document.Shape(parameter.Schema);
            string[] names = [parameter.Name];
            var values = new List<(string Category, string What, string Value)>();
            if (type is "integer" or "number" || format is "uuid" or "date" or "date-time" || type is "boolean")
            {
                values.Add((Category.ParamType, "letters", "abc"));
                values.Add((Category.ParamType, "object-like", "{\"a\":1}"));
            }
            if (type is "integer" or "number")
            {
                values.Add((Category.ParamNumbers, "huge", "99999999999999999999999999"));
                values.Add((Category.ParamNumbers, "negative", "-2147483649"));
                values.Add((Category.ParamNumbers, "NaN", "NaN"));
                values.Add((Category.ParamNumbers, "-1", "-1"));
            }
            values.Add((Category.ParamHuge, "8 KB", new string('a', 8 * 1024)));
            values.Add((Category.ParamUnicode, "Vietnamese, emoji and right-to-left", "Lào Cai 🏯 \u202Egnp.exe"));
            values.Add((Category.ParamUnicode, "control characters", "a\u0001\u007fb"));
            values.Add((Category.ParamUnicode, "path and SQL punctuation", "../../x' OR '1'='1"));
            if (perField > 1)
            {
                values.Add((Category.ParamHuge, "64 KB", new string('9', 64 * 1024)));
                values.Add((Category.ParamUnicode, "lone surrogate escaped", "%ED%A0%80"));
                values.Add((Category.ParamUnicode, "percent garbage", "%zz%"));
                values.Add((Category.ParamType, "empty", ""));
            }
            // An empty optional filter is no filter: odd, not wrong.
            if (parameter.In == "query" && !parameter.Required) values.Add((Category.ParamUnicode, "empty", ""));
            foreach (var (category, what, value) in values)
            {
                if (parameter.In == "path" && value.Length == 0) continue;
                var p = parameter;
                var v = value;
                yield return new BadCase(category, operation, $"{p.In} {p.Name} = {Describe(v)}", names, true,
                    () => Request(operation, new Dictionary<string, string> { [p.Name] = v }, Body(operation)));
            }
        }
    }

    // ---------- JSON bodies ----------

    private IEnumerable<BadCase> JsonBodyCases(ApiOperation operation, bool oversized)
    {
        var sample = Sample(operation.BodySchema, 0) ?? new JsonObject();
        foreach (var field in Fields(operation.BodySchema, [], 0))
        {
            var names = Names(field.Path);
            var (type, _, _) = document.Shape(field.Schema);
            var path = field.Path;

            foreach (var (what, value) in WrongTypes(type))
                yield return Field(Category.WrongType, $"{Display(path)} = {what}", names, sample, path, value);
            if (field.Required)
                yield return new BadCase(Category.Missing, operation, $"{Display(path)} left out", names, true,
                    () => JsonRequest(operation, Without(sample, path)));
            if (type is "string" or null)
            {
                yield return Field(Category.HugeString, $"{Display(path)} = 1 MB", names, sample, path, JsonValue.Create(new string('x', OneMegabyte)));
                foreach (var (what, value) in OddStrings())
                    yield return Field(Category.Unicode, $"{Display(path)} = {what}", names, sample, path, value);
                yield return Raw(Category.InvalidUtf8, $"{Display(path)} with bytes C3 28 FF", names, sample, path,
                    "\"a\u0001INVALID\"", [0xC3, 0x28, 0xFF]);
                yield return Raw(Category.Unicode, $"{Display(path)} with a lone surrogate escape", names, sample, path,
                    "\"\\uD800x\"", null);
            }
            if (type is "integer" or "number")
            {
                foreach (var (what, literal) in Numbers())
                    yield return Raw(Category.Numbers, $"{Display(path)} = {what}", names, sample, path, literal, null);
            }
            yield return Raw(Category.DeepJson, $"{Display(path)} = {DeepLevels} nested arrays", names, sample, path,
                new string('[', DeepLevels) + new string(']', DeepLevels), null);
        }

        yield return new BadCase(Category.Extra, operation, "unknown field", [], false, () =>
        {
            var body = sample.DeepClone();
            if (body is JsonObject o) o["unknownFieldZz"] = "x";
            return JsonRequest(operation, body);
        });
        yield return new BadCase(Category.Extra, operation, "unknown nested object", [], false, () =>
        {
            var body = sample.DeepClone();
            if (body is JsonObject o) o["__proto__"] = new JsonObject { ["constructor"] = new JsonObject { ["x"] = 1 } };
            return JsonRequest(operation, body);
        });

        // The body as a whole.
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        var wholes = new List<(string Category, string What, byte[] Bytes)>
        {
            (Category.NotJson, "empty body", []),
            (Category.NotJson, "not JSON", Utf8("not json {")),
            (Category.NotJson, "truncated JSON", Utf8(sample.ToJsonString()[..Math.Max(1, sample.ToJsonString().Length / 2)])),
            (Category.NotJson, "null", Utf8("null")),
            (Category.NotJson, "a number", Utf8("42")),
            (Category.NotJson, "a string", Utf8("\"x\"")),
            (Category.NotJson, "wrong root (array vs object)", Utf8(sample is JsonArray ? "{}" : "[]")),
            (Category.InvalidUtf8, "invalid UTF-8 bytes", [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0xFF, 0xFE, 0x7D]),
            (Category.InvalidUtf8, "UTF-16 encoded", Encoding.Unicode.GetBytes(sample.ToJsonString())),
            (Category.DeepJson, $"{DeepLevels} nested objects", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", DeepLevels)) + "1" + new string('}', DeepLevels))),
            (Category.DeepJson, $"{DeepLevels} nested arrays", Utf8(new string('[', DeepLevels) + new string(']', DeepLevels))),
        };
        foreach (var (category, what, bytes) in wholes)
            yield return new BadCase(category, operation, what, [], false, () => Request(operation, null, Content(bytes, "application/json")));

        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz", "application/jsonx" })
            yield return new BadCase(Category.ContentType, operation, type, [], false,
                () => Request(operation, null, Content(Encoding.UTF8.GetBytes(sample.ToJsonString()), type)));
        yield return new BadCase(Category.ContentType, operation, "no Content-Type", [], false, () =>
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(sample.ToJsonString()));
            content.Headers.ContentType = null;
            return Request(operation, null, content);
        });
        yield return new BadCase(Category.ContentType, operation, "application/json; charset=latin1", [], false,
            () => Request(operation, null, Content(Encoding.Latin1.GetBytes(sample.ToJsonString()), "application/json; charset=iso-8859-1")));

        if (oversized)
        {
            yield return new BadCase(Category.Oversized, operation, "31 MB JSON", [], false, () =>
            {
                var body = sample is JsonObject o ? (JsonObject)o.DeepClone() : new JsonObject();
                body["padding"] = new string('x', 31 * OneMegabyte);
                return JsonRequest(operation, body);
            });
        }
    }

    /// <summary>Bodies that are not JSON (a CSV or spreadsheet upload, a form): wrong and broken content.</summary>
    private IEnumerable<BadCase> OtherBodyCases(ApiOperation operation)
    {
        var cases = new List<(string Category, string What, byte[] Bytes, string Type)>
        {
            (Category.NotJson, "empty body", [], operation.BodyContentType!),
            (Category.InvalidUtf8, "invalid UTF-8 bytes", [0xC3, 0x28, 0xFF, 0xFE, 0x0A, 0x61, 0x2C, 0x62], operation.BodyContentType!),
            (Category.ContentType, "application/json", Encoding.UTF8.GetBytes("{}"), "application/json"),
            (Category.ContentType, "text/plain", Encoding.UTF8.GetBytes("a,b"), "text/plain"),
            (Category.ContentType, "multipart/form-data without boundary", Encoding.UTF8.GetBytes("--zz--"), "multipart/form-data"),
            (Category.DeepJson, $"{DeepLevels} nested arrays as JSON", Encoding.UTF8.GetBytes(new string('[', DeepLevels) + new string(']', DeepLevels)), "application/json"),
        };
        foreach (var (category, what, bytes, type) in cases)
            yield return new BadCase(category, operation, what, [], false, () => Request(operation, null, Content(bytes, type)));
    }

    private BadCase Field(string category, string what, IReadOnlyList<string> names, JsonNode sample, IReadOnlyList<string> path, JsonNode? value) =>
        new(category, _operation!, what, names, true, () => JsonRequest(_operation!, With(sample, path, value)));

    // Field and Raw build for the operation being generated (Generate sets it; generation is single-threaded).
    private ApiOperation? _operation;

    private BadCase Raw(string category, string what, IReadOnlyList<string> names, JsonNode sample, IReadOnlyList<string> path, string literal, byte[]? bytes) =>
        new(category, _operation!, what, names, true, () =>
        {
            const string marker = "\"__BAD_INPUT_MARKER__\"";
            var text = With(sample, path, JsonValue.Create("__BAD_INPUT_MARKER__"))!.ToJsonString();
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            var before = Encoding.UTF8.GetBytes(text[..at]);
            var after = Encoding.UTF8.GetBytes(text[(at + marker.Length)..]);
            byte[] middle = bytes is null ? Encoding.UTF8.GetBytes(literal) : [.. "\"a"u8.ToArray(), .. bytes, .. "\""u8.ToArray()];
            return Request(_operation!, null, Content([.. before, .. middle, .. after], "application/json"));
        });

    /// <summary>The valid-shaped request itself: what the service says to it tells which complaints the mutations did not cause.</summary>
    public HttpRequestMessage Base(ApiOperation operation) => Request(operation, null, Body(operation));

    /// <summary>Every bad request of <paramref name="operation"/>; <paramref name="oversized"/> adds a 31 MB body.</summary>
    public IReadOnlyList<BadCase> Generate(ApiOperation operation, bool oversized)
    {
        _operation = operation;
        return For(operation, oversized).ToList();
    }

    private IEnumerable<(string What, JsonNode? Value)> WrongTypes(string? type)
    {
        var all = new List<(string, JsonNode?)>();
        switch (type)
        {
            case "string": all.Add(("an object", new JsonObject { ["a"] = 1 })); all.Add(("a number", 12345)); all.Add(("an array", new JsonArray(1))); break;
            case "integer": all.Add(("letters", "abc")); all.Add(("a fraction", 1.5)); all.Add(("an object", new JsonObject())); break;
            case "number": all.Add(("letters", "abc")); all.Add(("an array", new JsonArray())); all.Add(("true", true)); break;
            case "boolean": all.Add(("a string", "yes")); all.Add(("a number", 2)); all.Add(("an object", new JsonObject())); break;
            case "array": all.Add(("a string", "x")); all.Add(("an object", new JsonObject { ["a"] = 1 })); all.Add(("a number", 1)); break;
            case "object": all.Add(("a string", "x")); all.Add(("an array", new JsonArray(1))); all.Add(("a number", 1)); break;
            default: all.Add(("an object", new JsonObject { ["a"] = new JsonArray() })); all.Add(("true", true)); break;
        }
        if (type is not null) all.Add(("null", null));
        return all.Take(Math.Max(2, perField + 1));
    }

    private IEnumerable<(string What, JsonNode? Value)> OddStrings()
    {
        yield return ("Vietnamese, emoji and right-to-left", JsonValue.Create("Lào Cai 🏯 \u202Egnp.exe"));
        yield return ("empty", JsonValue.Create(""));
        if (perField > 1)
        {
            yield return ("NUL and control characters", JsonValue.Create("a\u0000b\u0001\u007f"));
            yield return ("whitespace only", JsonValue.Create(" \t\u00A0\u2003 "));
            yield return ("combining marks (Zalgo)", JsonValue.Create("L" + new string('\u0301', 5000)));
            yield return ("SQL and markup", JsonValue.Create("'; DROP TABLE x; -- <script>alert(1)</script>"));
        }
    }

    private IEnumerable<(string What, string Literal)> Numbers()
    {
        yield return ("1e400", "1e400");
        yield return ("2^64", "18446744073709551616");
        yield return ("-2^63-1", "-9223372036854775809");
        yield return ("-1", "-1");
        yield return ("\"NaN\"", "\"NaN\"");
        if (perField > 1)
        {
            yield return ("\"Infinity\"", "\"Infinity\"");
            yield return ("-1e308", "-1e308");
            yield return ("1e-400", "1e-400");
            yield return ("a 1,000-digit number", new string('9', 1000));
            yield return ("0", "0");
        }
    }

    // ---------- valid-shaped values ----------

    private sealed record FieldInfo(IReadOnlyList<string> Path, JsonNode? Schema, bool Required);

    private IEnumerable<FieldInfo> Fields(JsonNode? schemaNode, List<string> prefix, int depth)
    {
        if (depth > 2) yield break;
        var (type, _, schema) = document.Shape(schemaNode);
        if (type == "object" && schema["properties"] is JsonObject properties)
        {
            var required = (schema["required"] as JsonArray)?.Select(r => (string?)r).ToHashSet() ?? [];
            foreach (var (name, child) in properties)
            {
                var path = prefix.Append(name).ToList();
                yield return new FieldInfo(path, child, required.Contains(name));
                foreach (var nested in Fields(child, path, depth + 1)) yield return nested;
            }
        }
        else if (type == "object" && schema["additionalProperties"] is JsonObject values && depth < 2)
        {
            var path = prefix.Append("x").ToList();
            yield return new FieldInfo(path, values, false);
            foreach (var nested in Fields(values, path, depth + 1)) yield return nested;
        }
        else if (type == "array" && schema["items"] is { } items && prefix.Count > 0)
        {
            var path = prefix.Append("0").ToList();
            var (itemType, _, _) = document.Shape(items);
            if (itemType is "object") foreach (var nested in Fields(items, path, depth + 1)) yield return nested;
            else yield return new FieldInfo(path, items, false);
        }
    }

    private JsonNode? Sample(JsonNode? schemaNode, int depth)
    {
        var (type, format, schema) = document.Shape(schemaNode);
        if (schema["enum"] is JsonArray options && options.FirstOrDefault(o => o is not null) is { } first) return first.DeepClone();
        if (depth > 6) return null;
        switch (type)
        {
            case "object":
                var o = new JsonObject();
                if (schema["properties"] is JsonObject properties)
                    foreach (var (name, child) in properties) o[name] = Sample(child, depth + 1);
                else if (schema["additionalProperties"] is JsonObject values) o["x"] = Sample(values, depth + 1);
                return o;
            case "array":
                return new JsonArray(Sample(schema["items"], depth + 1));
            case "integer": return 1;
            case "number": return 1.5;
            case "boolean": return true;
            case "string":
                return format switch
                {
                    "uuid" => Guid.NewGuid().ToString(),
                    "date" => "2026-01-15",
                    "date-time" => "2026-01-15T03:00:00Z",
                    "email" => "a@example.vn",
                    "uri" => "https://example.vn/",
                    _ => "lao-cai",
                };
            default: return "lao-cai";
        }
    }

    private static string ParameterValue(ApiParameter parameter, OpenApiOperations document)
    {
        if (KnownValues.TryGetValue(parameter.Name, out var known)) return known;
        var (type, format, schema) = document.Shape(parameter.Schema);
        if (schema["enum"] is JsonArray options && options.FirstOrDefault(o => o is not null) is { } first) return first.ToString();
        return (type, format) switch
        {
            ("integer", _) => "1",
            ("number", _) => "1.5",
            ("boolean", _) => "true",
            (_, "uuid") => Guid.NewGuid().ToString(),
            (_, "date") => "2026-01-15",
            (_, "date-time") => "2026-01-15T03:00:00Z",
            _ => "lao-cai",
        };
    }

    // ---------- building requests ----------

    private ByteArrayContent? Body(ApiOperation operation)
    {
        if (operation.BodyContentType is null) return null;
        if (operation.BodyContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return Content(Encoding.UTF8.GetBytes((Sample(operation.BodySchema, 0) ?? new JsonObject()).ToJsonString()), "application/json");
        return Content([], operation.BodyContentType);
    }

    private HttpRequestMessage JsonRequest(ApiOperation operation, JsonNode? body) =>
        Request(operation, null, Content(Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"), "application/json"));

    private HttpRequestMessage Request(ApiOperation operation, Dictionary<string, string>? overrides, HttpContent? content)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            string? value = overrides is not null && overrides.TryGetValue(parameter.Name, out var o) ? o
                : parameter.Required || parameter.In == "path" ? ParameterValue(parameter, document) : null;
            if (value is null) continue;
            if (parameter.In == "path")
            {
                // Path templates may carry constraints in .NET's documents: {id} only.
                path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else query.Add($"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(value)}");
        }
        var uri = query.Count == 0 ? path : path + "?" + string.Join('&', query);
        return new HttpRequestMessage(new HttpMethod(operation.Method), uri) { Content = content };
    }

    private static ByteArrayContent Content(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }

    private static JsonNode? With(JsonNode sample, IReadOnlyList<string> path, JsonNode? value)
    {
        var body = sample.DeepClone();
        var parent = Navigate(body, path);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject o: o[last] = value; break;
            case JsonArray a when int.TryParse(last, out var i) && i < a.Count: a[i] = value; break;
            case JsonArray a: a.Add(value); break;
        }
        return body;
    }

    private static JsonNode? Without(JsonNode sample, IReadOnlyList<string> path)
    {
        var body = sample.DeepClone();
        if (Navigate(body, path) is JsonObject o) o.Remove(path[^1]);
        return body;
    }

    /// <summary>The container of the path's last segment, created as needed.</summary>
    private static JsonNode? Navigate(JsonNode? node, IReadOnlyList<string> path)
    {
        for (var i = 0; i < path.Count - 1; i++)
        {
            var segment = path[i];
            var isIndex = int.TryParse(path[i + 1], out _);
            switch (node)
            {
                case JsonObject o:
                    if (o[segment] is not (JsonObject or JsonArray)) o[segment] = isIndex ? new JsonArray() : new JsonObject();
                    node = o[segment];
                    break;
                case JsonArray a when int.TryParse(segment, out var index):
                    while (a.Count <= index) a.Add(isIndex ? new JsonArray() : new JsonObject());
                    if (a[index] is not (JsonObject or JsonArray)) a[index] = isIndex ? new JsonArray() : new JsonObject();
                    node = a[index];
                    break;
                default: return null;
            }
        }
        return node;
    }

    /// <summary>The names a problem may give a field: its dotted path (<c>values.x.due</c>) and its own name.</summary>
    private static IReadOnlyList<string> Names(IReadOnlyList<string> path) => [Display(path), path[^1]];

    private static string Display(IReadOnlyList<string> path) => string.Join('.', path);

    private static string Describe(string value) =>
        value.Length > 40 ? $"{value.Length.ToString(CultureInfo.InvariantCulture)} chars" : value;
}
