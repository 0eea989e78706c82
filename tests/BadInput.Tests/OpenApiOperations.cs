using System.Text.Json.Nodes;

namespace Platform.BadInput.Tests;

/// <summary>A path or query parameter of an operation, as the OpenAPI document declares it.</summary>
public sealed record ApiParameter(string Name, string In, bool Required, JsonObject Schema);

/// <summary>One operation of a service's OpenAPI document: what the bad requests are generated from.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters,
    string? BodyContentType, JsonObject? BodySchema, bool BodyRequired)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Reads the operations of an OpenAPI 3.x document (.NET's <c>/openapi/v1.json</c>) and resolves its schemas.</summary>
public sealed class OpenApiOperations(JsonObject document)
{
    public static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public IReadOnlyList<ApiOperation> All()
    {
        var operations = new List<ApiOperation>();
        if (document["paths"] is not JsonObject paths) return operations;
        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject pathItem) continue;
            var shared = pathItem["parameters"] as JsonArray;
            foreach (var method in Methods)
            {
                if (pathItem[method] is not JsonObject operation) continue;
                var parameters = new List<ApiParameter>();
                foreach (var node in (shared ?? []).Concat(operation["parameters"] as JsonArray ?? []))
                {
                    if (Resolve(node) is not JsonObject p) continue;
                    var where = (string?)p["in"];
                    if (where is not ("path" or "query")) continue;
                    parameters.Add(new ApiParameter((string)p["name"]!, where, (bool?)p["required"] ?? where == "path",
                        Resolve(p["schema"]) as JsonObject ?? []));
                }
                string? contentType = null;
                JsonObject? schema = null;
                var bodyRequired = false;
                if (Resolve(operation["requestBody"]) is JsonObject body && body["content"] is JsonObject content && content.Count > 0)
                {
                    var chosen = content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase));
                    if (chosen.Key is null) chosen = content.First();
                    contentType = chosen.Key;
                    schema = Resolve((chosen.Value as JsonObject)?["schema"]) as JsonObject;
                    bodyRequired = (bool?)body["required"] ?? false;
                }
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, contentType, schema, bodyRequired));
            }
        }
        return operations;
    }

    /// <summary>Follows <c>$ref</c> (a JSON pointer into the document) until a node without one.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        for (var hops = 0; hops < 32 && node is JsonObject o && o["$ref"] is JsonValue reference; hops++)
        {
            node = Pointer((string)reference!);
        }
        return node;
    }

    private JsonNode? Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) return null;
        JsonNode? node = document;
        foreach (var raw in reference[2..].Split('/'))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }
        return node;
    }

    /// <summary>The schema's type, the first non-null one of OpenAPI 3.1's lists and of <c>oneOf</c>/<c>anyOf</c>.</summary>
    public (string? Type, string? Format, JsonObject Schema) Shape(JsonNode? node)
    {
        var schema = Resolve(node) as JsonObject ?? [];
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[combinator] is JsonArray options)
            {
                foreach (var option in options)
                {
                    var shape = Shape(option);
                    if (shape.Type is not (null or "null")) return shape;
                }
            }
        }
        var format = (string?)schema["format"];
        var type = schema["type"] switch
        {
            JsonValue v => (string?)v,
            JsonArray list => Preferred([.. list.Select(t => (string?)t).OfType<string>()]),
            _ => schema["properties"] is not null || schema["additionalProperties"] is JsonObject ? "object" : schema["enum"] is not null ? "string" : null,
        };
        return (type, format, schema);
    }

    // .NET writes a number that may come as a string as ["integer", "string"]: the number is what it means.
    private static string? Preferred(IReadOnlyList<string> types) =>
        types.FirstOrDefault(t => t is "integer" or "number" or "boolean" or "object" or "array")
        ?? types.FirstOrDefault(t => t != "null") ?? (types.Count > 0 ? types[0] : null);
}
