using System.Globalization;

namespace Platform.Intake.Bulk;

/// <summary>
/// The cells of one sheet as read from an upload: by row number and column number (both 1-based, as Excel shows
/// them). A value is a <see cref="string"/>, a <see cref="decimal"/> (numeric cell) or a <see cref="bool"/>
/// (boolean cell); empty cells are absent.
/// </summary>
internal sealed class Grid
{
    public SortedDictionary<int, SortedDictionary<int, object>> Rows { get; } = [];

    /// <summary>For CSV: numbers are text written with this decimal mark. Null for xlsx, whose numbers are numeric cells.</summary>
    public char? DecimalMark { get; init; }

    public void Set(int row, int column, object? value)
    {
        if (value is null || value is string s && s.Trim().Length == 0) return;
        if (!Rows.TryGetValue(row, out var cells)) Rows[row] = cells = [];
        cells[column] = value is string text ? text.Trim() : value;
    }

    /// <summary>Excel's column letters: 1 → A, 27 → AA.</summary>
    public static string Letter(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    /// <summary>A, AA → 1, 27; null when <paramref name="reference"/> (e.g. <c>D5</c>) has no letters.</summary>
    public static int? ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return column == 0 ? null : column;
    }

    public static string Text(object value) => value switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        _ => (string)value,
    };
}
