using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Platform.Web.ContractTests;

/// <summary>
/// A web application record held against the schema a service's OpenAPI document gives for the same JSON: every property
/// the web reads (each one System.Text.Json sets: an init or set accessor, constructor parameters included) must be one
/// the service sends, of a kind that can hold it, down through nested records, lists and dictionaries.
/// </summary>
public static class SchemaComparison
{
    /// <summary>What does not fit, one line per property (empty when the record and the schema agree).</summary>
    public static IReadOnlyList<string> Differences(Type record, JsonNode schema, JsonNode document, string where)
    {
        var differences = new List<string>();
        Compare(record, schema, document, where, differences, []);
        return differences;
    }

    /// <summary>The properties the web reads from JSON, by their JSON names.</summary>
    public static IEnumerable<(string Name, Type Type)> ReadProperties(Type record) =>
        record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType));

    private static void Compare(Type type, JsonNode schema, JsonNode document, string where, List<string> differences, HashSet<(Type, string)> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var (resolved, name) = Resolve(schema, document);
        if (type == typeof(JsonElement) || type == typeof(object)) return;
        var kinds = Kinds(resolved);
        if (DictionaryValue(type) is { } value)
        {
            if (!Allows(kinds, "object")) differences.Add($"{where}: the web reads an object (a dictionary), the service sends {Describe(kinds)}");
            else if (resolved["additionalProperties"] is JsonObject values) Compare(value, values, document, where + "[*]", differences, seen);
            return;
        }
        if (Element(type) is { } element)
        {
            if (!Allows(kinds, "array")) differences.Add($"{where}: the web reads a list, the service sends {Describe(kinds)}");
            else if (resolved["items"] is JsonObject items) Compare(element, items, document, where + "[]", differences, seen);
            return;
        }
        if (Scalar(type) is { } scalar)
        {
            if (!Allows(kinds, scalar) && !(scalar == "number" && Allows(kinds, "integer")))
                differences.Add($"{where}: the web reads {scalar}, the service sends {Describe(kinds)}");
            return;
        }
        if (!Allows(kinds, "object"))
        {
            differences.Add($"{where}: the web reads an object ({type.Name}), the service sends {Describe(kinds)}");
            return;
        }
        // A record the web has already compared with this very schema (a group within a group).
        if (name is not null && !seen.Add((type, name))) return;
        var properties = resolved["properties"] as JsonObject;
        foreach (var (property, propertyType) in ReadProperties(type))
        {
            if (properties?[property] is not { } propertySchema)
                differences.Add($"{where}.{property}: the web reads it, the service does not send it");
            else
                Compare(propertyType, propertySchema, document, $"{where}.{property}", differences, seen);
        }
    }

    /// <summary>A <c>$ref</c> followed to its component, and a nullable one (<c>oneOf: [null, X]</c>) to X.</summary>
    private static (JsonNode Schema, string? Name) Resolve(JsonNode schema, JsonNode document)
    {
        string? name = null;
        for (var i = 0; i < 16; i++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                name = reference.Split('/')[^1];
                schema = document["components"]!["schemas"]![name] ?? throw new InvalidOperationException($"{reference} is not in the document");
                continue;
            }
            var alternatives = (schema["oneOf"] ?? schema["anyOf"]) as JsonArray;
            var notNull = alternatives?.Where(a => a?["type"]?.ToString() != "null").ToList();
            if (notNull is [{ } only])
            {
                schema = only;
                continue;
            }
            break;
        }
        return (schema, name);
    }

    /// <summary>The JSON kinds a schema allows; empty for one that allows anything (<c>{}</c>).</summary>
    private static HashSet<string> Kinds(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => [.. many.Select(k => k!.GetValue<string>())],
        JsonValue one => [one.GetValue<string>()],
        _ => schema["properties"] is not null || schema["additionalProperties"] is not null ? ["object"] : [],
    };

    private static bool Allows(HashSet<string> kinds, string kind) => kinds.Count == 0 || kinds.Contains(kind);

    private static string Describe(HashSet<string> kinds) => string.Join(" or ", kinds.Where(k => k != "null"));

    private static string? Scalar(Type type) => type switch
    {
        _ when type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
               || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type.IsEnum => "string",
        _ when type == typeof(bool) => "boolean",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "integer",
        _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "number",
        _ => null,
    };

    private static Type? DictionaryValue(Type type) => type.IsGenericType
        ? new[] { type }.Concat(type.GetInterfaces())
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
                                 && (d == typeof(IReadOnlyDictionary<,>) || d == typeof(IDictionary<,>)))
            ?.GetGenericArguments()[1]
        : null;

    private static Type? Element(Type type) => type.IsArray ? type.GetElementType()
        : type != typeof(string) && type.IsGenericType
            ? new[] { type }.Concat(type.GetInterfaces())
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
            : null;
}
