using System.Text.Json;

namespace Platform.Scoring.Engine;

/// <summary>A reported value as stored or carried in JSON, read into the engine's types.</summary>
public static class ReportedValue
{
    /// <summary>Number → decimal, true/false → bool, string → string; null for anything else.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString()!,
        _ => null,
    };

    /// <summary>The same for one value's JSON text (<c>12</c>, <c>true</c>, <c>"A"</c>).</summary>
    public static object? FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }
}
