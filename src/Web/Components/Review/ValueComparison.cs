using System.Text.Json;
using Platform.Web.Api;
using Platform.Web.Formatting;

namespace Platform.Web.Components.Review;

public enum ChangeKind { Same, Up, Down, Changed, New, Removed, None }

/// <summary>One input of a submission beside last period's value, as the reviewer reads it.</summary>
public sealed record ValueChange(string Key, string Label, string? Unit, string? Help, string Previous, string Current, string Difference, ChangeKind Kind);

/// <summary>
/// This period's values against the previous period's, in the framework's order, labelled from its definition.
/// Inputs neither period reported are left out; keys the definition does not know are shown last, by key.
/// </summary>
public static class ValueComparison
{
    public static IReadOnlyList<ValueChange> Rows(FrameworkDefinition? definition, IReadOnlyDictionary<string, JsonElement> current,
        IReadOnlyDictionary<string, JsonElement>? previous) => Rows(definition, current, previous, PeriodWords);

    /// <summary>How a value reported on one side only is described: against last period, or against the returned version.</summary>
    public sealed record Words(string New, string Removed);

    public static readonly Words PeriodWords = new("Mới báo cáo", "Không báo cáo kỳ này");

    public static readonly Words ReturnWords = new("Mới bổ sung", "Đã bỏ trống");

    public static IReadOnlyList<ValueChange> Rows(FrameworkDefinition? definition, IReadOnlyDictionary<string, JsonElement> current,
        IReadOnlyDictionary<string, JsonElement>? previous, Words words)
    {
        previous ??= new Dictionary<string, JsonElement>();
        var inputs = definition?.Inputs ?? [];
        var known = inputs.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var rows = new List<ValueChange>();
        foreach (var input in inputs)
        {
            var now = Reported(current, input.Key);
            var before = Reported(previous, input.Key);
            if (now is null && before is null) continue;
            rows.Add(Row(input.Key, input.Label, input.Unit, input.Help, input, before, now, words));
        }
        foreach (var key in current.Keys.Concat(previous.Keys).Where(k => !known.Contains(k)).Distinct().Order(StringComparer.Ordinal))
        {
            var now = Reported(current, key);
            var before = Reported(previous, key);
            if (now is null && before is null) continue;
            rows.Add(Row(key, key, null, null, null, before, now, words));
        }
        return rows;
    }

    private static JsonElement? Reported(IReadOnlyDictionary<string, JsonElement> values, string key) =>
        values.TryGetValue(key, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

    private static ValueChange Row(string key, string label, string? unit, string? help, InputDefinition? input, JsonElement? before, JsonElement? now, Words words)
    {
        var previousText = Text(input, before);
        var currentText = Text(input, now);
        if (before is null) return new(key, label, unit, help, previousText, currentText, words.New, ChangeKind.New);
        if (now is null) return new(key, label, unit, help, previousText, currentText, words.Removed, ChangeKind.Removed);
        if (Number(before.Value) is { } old && Number(now.Value) is { } value)
        {
            var difference = value - old;
            if (difference == 0) return new(key, label, unit, help, previousText, currentText, "Không đổi", ChangeKind.Same);
            var decimals = Decimals(input);
            var text = (difference > 0 ? "+" : "−") + Vn.Number(Math.Abs(difference), decimals);
            if (old != 0 && input?.Type is "count" or "amount")
                text += $" ({(difference > 0 ? "+" : "−")}{Vn.Number(Math.Abs(difference / old * 100), 1)} %)";
            return new(key, label, unit, help, previousText, currentText, text, difference > 0 ? ChangeKind.Up : ChangeKind.Down);
        }
        return previousText == currentText
            ? new(key, label, unit, help, previousText, currentText, "Không đổi", ChangeKind.Same)
            : new(key, label, unit, help, previousText, currentText, "Thay đổi", ChangeKind.Changed);
    }

    /// <summary>A value as people read it: vi-VN numbers, Có/Không, a choice's Vietnamese label; "—" when not reported.</summary>
    public static string Text(InputDefinition? input, JsonElement? value)
    {
        if (value is not { } v) return "—";
        switch (v.ValueKind)
        {
            case JsonValueKind.True: return "Có";
            case JsonValueKind.False: return "Không";
            case JsonValueKind.Number when v.TryGetDecimal(out var number): return Vn.Number(number, Decimals(input));
            case JsonValueKind.String:
                var text = v.GetString() ?? "";
                return input?.Options is { } options && options.TryGetValue(text, out var option) ? option : text;
            default: return v.GetRawText();
        }
    }

    private static decimal? Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : null;

    private static int Decimals(InputDefinition? input) => input?.Type == "fraction" ? 4 : 2;
}
