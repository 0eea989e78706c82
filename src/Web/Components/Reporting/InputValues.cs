using System.Text.Json;
using Platform.Web.Api;
using Platform.Web.Formatting;

namespace Platform.Web.Components.Reporting;

/// <summary>
/// Values between the service (JSON), the form (text people type and read, vi-VN: <c>1.234,5</c>, <c>0,85</c>) and the
/// tables (vi-VN). Number fields are text fields: a browser's number field would turn a typed <c>0,85</c> into 085 and
/// answer in its own (English) words; "not reported" is an empty field.
/// </summary>
public static class InputValues
{
    /// <summary>The stored value as a form field holds it: a vi-VN number (every decimal kept), <c>true</c>/<c>false</c>, the option id.</summary>
    public static string FormText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? Vn.Number(d, 28) : value.GetRawText(),
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
        if (Vn.TryParseNumber(text, PercentAllowed(input), out var number)) return (JsonSerializer.SerializeToElement(number), null);
        return (null, PercentAllowed(input)
            ? $"{input.Label}: phải là số, viết kiểu Việt Nam (ví dụ 0,85 hoặc 85%); nhận được “{text}”."
            : $"{input.Label}: phải là số, viết kiểu Việt Nam (ví dụ 1.234,5); nhận được “{text}”.");
    }

    /// <summary>Ratios (0..1) and inputs measured in per cent may be typed as <c>85%</c>.</summary>
    public static bool PercentAllowed(InputDefinition input) => input.Type == "fraction" || input.Unit == "%";
}
