using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Intake.Bulk;

/// <summary>Writes the template workbook and reads the first sheet of an uploaded one (Open XML SDK).</summary>
internal static class XlsxFormat
{
    // Style indexes of the stylesheet below.
    public const uint Plain = 0, Header = 1, Keys = 2;

    /// <summary>One sheet: rows of cells, each a string, a decimal (written as a numeric cell) or null, with a style.</summary>
    public sealed record SheetContent(string Name, IReadOnlyList<(uint Style, IReadOnlyList<object?> Cells)> Rows, IReadOnlyList<double> Widths);

    public static byte[] Write(IEnumerable<SheetContent> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var content in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var columns = new Columns(content.Widths.Select((w, i) =>
                    new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
                var data = new SheetData();
                for (var r = 0; r < content.Rows.Count; r++)
                {
                    var (style, cells) = content.Rows[r];
                    var row = new Row { RowIndex = (uint)r + 1 };
                    for (var c = 0; c < cells.Count; c++)
                    {
                        if (cells[c] is not { } value) continue;
                        var cell = new Cell { CellReference = Grid.Letter(c + 1) + (r + 1).ToString(CultureInfo.InvariantCulture), StyleIndex = style };
                        if (value is decimal number) cell.CellValue = new CellValue(number);
                        else
                        {
                            cell.DataType = CellValues.InlineString;
                            cell.InlineString = new InlineString(new Text((string)value) { Space = SpaceProcessingModeValues.Preserve });
                        }
                        row.Append(cell);
                    }
                    data.Append(row);
                }
                part.Worksheet = content.Widths.Count > 0 ? new Worksheet(columns, data) : new Worksheet(data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = content.Name });
            }
        }
        return stream.ToArray();
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold()), new Font(new Italic(), new Color { Rgb = "FF808080" })) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { FontId = 2, ApplyFont = true }) { Count = 3 });

    /// <summary>
    /// The cells of the workbook's first sheet. Throws <see cref="InvalidDataException"/> when the content is not a
    /// spreadsheet (another ZIP, a Word file, a damaged package) or holds more than the upload limit allows.
    /// </summary>
    public static Grid Read(Stream content)
    {
        try
        {
            // A 5 MB ZIP may inflate a lot: cap each part's XML.
            using var document = SpreadsheetDocument.Open(content, false, new OpenSettings { MaxCharactersInPart = 64_000_000 });
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
            var part = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var grid = new Grid();
            var rowNumber = 0;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
                var columnNumber = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    columnNumber = cell.CellReference?.Value is { } reference && Grid.ColumnOf(reference) is { } column ? column : columnNumber + 1;
                    grid.Set(rowNumber, columnNumber, ValueOf(cell, shared));
                }
            }
            return grid;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidCastException or ArgumentException or IOException
                                       or System.Xml.XmlException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidDataException("not a spreadsheet", ex);
        }
    }

    private static object? ValueOf(Cell cell, string[] shared)
    {
        var type = cell.DataType?.Value;
        var raw = cell.CellValue?.Text;
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText;
        if (raw is null) return null;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : null;
        if (type == CellValues.Boolean) return raw == "1";
        if (type == CellValues.String || type == CellValues.Error) return raw;
        // A numeric cell holds a double: go through double so 0.9 stored as 0.90000000000000002 reads as 0.9.
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) < 7.9e27
            ? (decimal)d
            : raw;
    }
}
