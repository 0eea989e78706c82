using System.Globalization;
using System.Text.Json;
using Platform.Scoring.Definitions;
using Platform.Web.Formatting;

namespace Platform.Web.Components.Reporting;

/// <summary>
/// Values between the service (JSON), the form (text as the browser posts it) and people (vi-VN). A number field
/// posts the invariant form (<c>0.85</c>) whatever the browser shows; "not reported" is an empty field.
/// </summary>
public static class InputValues
{
    /// <summary>The stored value as a form field holds it: invariant number, <c>true</c>/<c>false</c>, the option id.</summary>
    public static string FormText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => value.GetString() ?? "",
        _ => "",
    };

    /// <summary>The value as people read it: 1.234,5 · 0,85 (85%) · Có/Không · the option's label.</summary>
    public static string Display(InputDefinition? input, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return "Có";
            case JsonValueKind.False:
                return "Không";
            case JsonValueKind.String:
                var text = value.GetString() ?? "";
                return input?.Options is { } options && options.TryGetValue(text, out var label) ? label : text;
            case JsonValueKind.Number when value.TryGetDecimal(out var d):
                return input?.Type == "fraction" ? $"{Vn.Number(d, 4)} ({Vn.Number(d * 100, 2)}%)" : Vn.Number(d, 4);
            default:
                return "—";
        }
    }

    /// <summary>
    /// The posted text as the JSON value to save: null for an empty field ("not reported"), or a Vietnamese message
    /// when it cannot be the input's type (the service checks ranges and cross-field rules and answers in its words).
    /// </summary>
    public static (JsonElement? Value, string? Error) Parse(InputDefinition input, string? text)
    {
        text = text?.Trim() ?? "";
        switch (input.Type)
        {
            case "boolean":
                return text switch
                {
                    "true" => (JsonSerializer.SerializeToElement(true), null),
                    "false" => (JsonSerializer.SerializeToElement(false), null),
                    "" => (null, null),
                    _ => (null, $"{input.Label}: chọn Có hoặc Không."),
                };
            case "choice":
                if (text.Length == 0) return (null, null);
                return input.Options?.ContainsKey(text) == true
                    ? (JsonSerializer.SerializeToElement(text), null)
                    : (null, $"{input.Label}: chọn một trong các phương án có sẵn.");
        }
        if (text.Length == 0) return (null, null);
        if (Number(text) is { } number) return (JsonSerializer.SerializeToElement(number), null);
        return (null, $"{input.Label}: phải là số (nhận được '{text}').");
    }

    /// <summary>
    /// Browsers post <c>1234.5</c>; someone typing without one may write <c>1234,5</c>. A single comma is a decimal
    /// comma; thousands separators are never guessed (1.234 is one point two three four).
    /// </summary>
    private static decimal? Number(string text)
    {
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var value)) return value;
        if (text.Count(c => c == ',') == 1 && !text.Contains('.', StringComparison.Ordinal)
            && decimal.TryParse(text.Replace(',', '.'), style, CultureInfo.InvariantCulture, out value)) return value;
        return null;
    }
}
