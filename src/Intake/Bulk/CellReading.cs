using System.Globalization;
using System.Text.Json;
using Platform.Scoring.Definitions;

namespace Platform.Intake.Bulk;

/// <summary>Reads one cell as the value of an input: a number, Có/Không, or a choice's option id.</summary>
internal static class CellReading
{
    /// <returns>The value, or a Vietnamese message naming the input and what was found.</returns>
    public static (JsonElement? Value, string? Error) Read(InputDefinition input, object cell, char? decimalMark)
    {
        switch (input.Type)
        {
            case "boolean":
                if (cell is bool b) return (JsonSerializer.SerializeToElement(b), null);
                var text = Grid.Text(cell).Normalize(System.Text.NormalizationForm.FormC);
                if (string.Equals(text, Template.Yes, StringComparison.OrdinalIgnoreCase) || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
                    return (JsonSerializer.SerializeToElement(true), null);
                if (string.Equals(text, Template.No, StringComparison.OrdinalIgnoreCase) || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
                    return (JsonSerializer.SerializeToElement(false), null);
                return (null, $"{input.Label}: ghi '{Template.Yes}' hoặc '{Template.No}' (nhận được '{text}').");
            case "choice":
                var choice = Grid.Text(cell);
                // The option id; its Vietnamese label is accepted too.
                var id = input.Options!.ContainsKey(choice) ? choice
                    : input.Options!.FirstOrDefault(o => string.Equals(o.Value, choice, StringComparison.OrdinalIgnoreCase)).Key;
                return id is not null
                    ? (JsonSerializer.SerializeToElement(id), null)
                    : (null, $"{input.Label}: phải là một trong các mã: {string.Join(", ", input.Options!.Keys)} (nhận được '{choice}').");
        }
        if (cell is decimal number) return (JsonSerializer.SerializeToElement(number), null);
        var raw = Grid.Text(cell);
        if (Number(raw, decimalMark) is { } parsed) return (JsonSerializer.SerializeToElement(parsed), null);
        var hint = decimalMark switch
        {
            ',' => " Với tệp phân cách bằng dấu chấm phẩy, phần thập phân ghi bằng dấu phẩy (ví dụ 0,9) và không dùng dấu phân cách hàng nghìn.",
            '.' => " Với tệp phân cách bằng dấu phẩy, phần thập phân ghi bằng dấu chấm (ví dụ 0.9) và không dùng dấu phân cách hàng nghìn.",
            _ => "",
        };
        var fraction = input.Type == "fraction" ? " Tỷ lệ ghi từ 0 đến 1, không dùng dấu %." : "";
        return (null, $"{input.Label}: phải là số (nhận được '{raw}').{fraction}{hint}");
    }

    /// <summary>
    /// A plain decimal: optional sign, digits, at most one decimal mark and no grouping, so "1.234" can never be
    /// misread. For xlsx text cells (<paramref name="decimalMark"/> null) either mark is accepted.
    /// </summary>
    private static decimal? Number(string text, char? decimalMark)
    {
        var marks = decimalMark is { } m ? [m] : new[] { '.', ',' };
        if (text.Count(c => c is '.' or ',') > 1 || text.Any(c => (c is '.' or ',') && !marks.Contains(c))) return null;
        var normalised = text.Replace(',', '.');
        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
    }
}
