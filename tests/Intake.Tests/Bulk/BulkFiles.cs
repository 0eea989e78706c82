using System.Globalization;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.Intake.Tests.Submissions;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Bulk;

/// <summary>Workbooks and uploads as a reporter would make them, and what a test reads back from a workbook.</summary>
internal static class BulkFiles
{
    public const string ImportPath = $"/api/intake/imports/{SubmissionsHost.Framework}/{SubmissionsHost.Period}";
    public const string TemplatePath = $"/api/intake/templates/{SubmissionsHost.Framework}/{SubmissionsHost.Period}";

    /// <summary>An xlsx whose first sheet holds <paramref name="rows"/>: strings as text cells, numbers as numeric cells.</summary>
    public static byte[] Xlsx(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is not { } value) continue;
                    var reference = (char)('A' + c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                    row.Append(value is string text
                        ? new Cell { CellReference = reference, DataType = CellValues.String, CellValue = new CellValue(text) }
                        : new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture)) });
                }
                data.Append(row);
            }
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Nhập liệu" });
        }
        return stream.ToArray();
    }

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, byte[] content, string fileName = "nhap-lieu.xlsx")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return client.PostAsync(ImportPath, form, TestContext.Current.CancellationToken);
    }

    /// <summary>The first sheet's cells by reference (<c>C3</c>): text, or the number as written.</summary>
    public static Dictionary<string, string> Cells(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        return part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!,
            c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue!.Text);
    }

    public static bool IsNumeric(SpreadsheetDocument document, string reference) =>
        document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .First(c => c.CellReference == reference).DataType is null;

    /// <summary>How many submissions, value changes and audit lines there are: what "nothing written" compares.</summary>
    public static async Task<(int Submissions, int Changes, int Audit)> CountsAsync(this ServiceHost<Program, IntakeDbContext> host)
    {
        await using var db = host.Db();
        var ct = TestContext.Current.CancellationToken;
        return (await db.Submissions.CountAsync(ct), await db.SubmissionValueChanges.CountAsync(ct), await db.AuditEntries.CountAsync(ct));
    }
}
