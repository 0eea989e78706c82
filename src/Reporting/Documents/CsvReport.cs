using System.Text;

namespace Platform.Reporting.Documents;

/// <summary>
/// The first table of a <see cref="ReportDocument"/> as CSV: UTF-8 with a byte-order mark (so Excel reads the Vietnamese
/// letters), comma-separated, CRLF, RFC 4180 quoting; numbers invariant (<c>1234.5</c>), moments in Vietnam time
/// (<c>2026-12-15 10:00</c>). What it was built from is in the file name and the response headers, not in the table.
/// </summary>
public static class CsvReport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static async Task WriteAsync(ReportDocument document, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true)
            { NewLine = "\r\n" };
        if (document.Tables.Count == 0) return;
        var table = document.Tables[0];
        await writer.WriteLineAsync(string.Join(',', table.Columns.Select(c => Field(c.Group is null ? c.Header : $"{c.Group} - {c.Header}"))));
        var rows = 0;
        await foreach (var values in table.Rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(',', table.Columns.Select((_, i) => Field(CellText.ForMachines(i < values.Count ? values[i] : null)))));
            if (++rows % 1000 == 0) await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
