using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Reporting.Tests.Documents;

/// <summary>
/// Reads an exported workbook back the way Excel would, with the Open XML SDK (ClosedXML 0.95.4, the only version
/// served, cannot run next to DocumentFormat.OpenXml 3.3.0): cell text and numbers, number formats, merges, panes,
/// the print area and titles, page setup.
/// </summary>
internal sealed class WorkbookReader(SpreadsheetDocument package) : IDisposable
{
    public static WorkbookReader Open(Stream stream) => new(SpreadsheetDocument.Open(stream, false));

    public WorkbookPart Book => package.WorkbookPart!;
    public SpreadsheetDocument Package => package;

    public IReadOnlyList<string> SheetNames => Book.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Sheet(string name)
    {
        var sheet = Book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)Book.GetPartById(sheet.Id!)).Worksheet;
    }

    public Cell? Cell(string sheet, string reference) =>
        Sheet(sheet).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    /// <summary>What the cell shows as text (inline strings) or its stored number as written.</summary>
    public string Text(string sheet, string reference) => Cell(sheet, reference) switch
    {
        null => "",
        { DataType.Value: var type } c when type == CellValues.InlineString => c.InlineString!.InnerText,
        var c => c.CellValue?.Text ?? "",
    };

    public double Number(string sheet, string reference)
    {
        var cell = Cell(sheet, reference) ?? throw new InvalidOperationException($"No cell {reference}.");
        Assert.Null(cell.DataType); // a number, not text
        return double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
    }

    public string? NumberFormat(string sheet, string reference)
    {
        var xf = Book.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(Cell(sheet, reference)!.StyleIndex?.Value ?? 0));
        return Book.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .SingleOrDefault(f => f.NumberFormatId?.Value == xf.NumberFormatId?.Value)?.FormatCode?.Value;
    }

    public CellFormat Style(string sheet, string reference) =>
        Book.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(Cell(sheet, reference)!.StyleIndex?.Value ?? 0));

    public Font Font(string sheet, string reference) =>
        Book.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)Style(sheet, reference).FontId!.Value);

    public IReadOnlySet<string> Merged(string sheet) =>
        Sheet(sheet).Elements<MergeCells>().SelectMany(m => m.Elements<MergeCell>()).Select(m => m.Reference!.Value!).ToHashSet();

    public string? DefinedName(string name, int sheetIndex) =>
        Book.Workbook.DefinedNames?.Elements<DefinedName>().SingleOrDefault(d => d.Name == name && d.LocalSheetId?.Value == sheetIndex)?.Text;

    public void Dispose() => package.Dispose();
}
