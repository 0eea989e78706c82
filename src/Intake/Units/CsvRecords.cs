using System.Text;

namespace Platform.Intake.Units;

/// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal static class CsvRecords
{
    /// <returns>Each record with its number (1-based, a record spanning lines counts once, like a spreadsheet row).</returns>
    public static List<(int Row, List<string> Fields)> Parse(string text, List<UnitCsvProblem> problems)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var row = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                if (c == '"') quoted = false;
                else field.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((row++, fields));
                    fields = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
            i++;
        }
        if (quoted) problems.Add(new UnitCsvProblem(row, "", "Dấu ngoặc kép mở nhưng không đóng; kiểm tra ô cuối cùng của dòng này."));
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((row, fields));
        }
        return records;
    }
}
