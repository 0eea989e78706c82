using System.Text;

namespace Platform.Intake.Bulk;

/// <summary>
/// CSV as spreadsheet programs write it (RFC 4180 quoting). Written with <c>,</c> and a UTF-8 BOM so Excel opens it
/// in Vietnamese correctly; read with <c>,</c> or <c>;</c> (Excel in Vietnamese locale), and with <c>;</c> the decimal
/// mark is the comma (<c>0,9</c>).
/// </summary>
internal static class CsvFormat
{
    public static byte[] Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', ';', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>
    /// Reads <paramref name="text"/> with the separator under which the row of input keys (the one holding
    /// <paramref name="marker"/>) has the most columns; labels in the header may contain the other separator unquoted.
    /// </summary>
    public static Grid Read(string text, string marker)
    {
        var comma = Parse(text, ',');
        var semicolon = Parse(text, ';');
        return Width(semicolon, marker) > Width(comma, marker)
            ? ToGrid(semicolon, decimalMark: ',')
            : ToGrid(comma, decimalMark: '.');
    }

    private static int Width(List<List<string>> rows, string marker) =>
        rows.Take(Import.KeyRowSearch).FirstOrDefault(r => r.Any(c => c.Trim() == marker))?.Count ?? 0;

    private static Grid ToGrid(List<List<string>> rows, char decimalMark)
    {
        var grid = new Grid { DecimalMark = decimalMark };
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < rows[r].Count; c++)
                grid.Set(r + 1, c + 1, rows[r][c]);
        return grid;
    }

    private static List<List<string>> Parse(string text, char separator)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') field.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == separator)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }
}
