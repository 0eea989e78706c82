using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
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

    /// <summary>What the package's parts may inflate to, in all (declared sizes): far above a 5,000-row template, far below a zip bomb.</summary>
    public const long MaxInflatedBytes = 200L * 1024 * 1024;

    /// <summary>
    /// What one XML part other than a worksheet or the shared strings may inflate to: those are read whole (the workbook,
    /// the content types and relationships), so a bomb there must be refused before it is read.
    /// </summary>
    public const long MaxOtherXmlPartBytes = 8L * 1024 * 1024;

    /// <summary>Characters of XML read from one part: a part whose declared size lies is stopped here.</summary>
    public const long MaxCharactersInPart = 64_000_000;

    /// <summary>Non-empty cells read from the sheet (5,000 rows of 200 columns).</summary>
    public const int MaxCells = 1_000_000;

    /// <summary>Excel's own limits: 1,048,576 rows, 16,384 columns (XFD).</summary>
    public const int MaxRowNumber = 1_048_576, MaxColumnNumber = 16_384;

    /// <summary>
    /// The cells of the workbook's first sheet, read as a stream of XML (never the whole sheet as a tree), and only up to
    /// <paramref name="maxRows"/> rows holding cells. Throws <see cref="SpreadsheetTooLargeException"/> when the package
    /// inflates beyond <see cref="MaxInflatedBytes"/> or the sheet holds more than <see cref="MaxCells"/> cells, and
    /// <see cref="InvalidDataException"/> when the content is not a spreadsheet (another ZIP, a Word file, a damaged package).
    /// </summary>
    public static Grid Read(Stream content, int maxRows = int.MaxValue)
    {
        try
        {
            // A 5 MB ZIP may inflate to gigabytes (a zip bomb): refuse it on the sizes its entries declare, before inflating
            // anything; a package that lies about them is stopped by the per-part character cap.
            using (var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true))
            {
                if (zip.Entries.Sum(e => e.Length) > MaxInflatedBytes || zip.Entries.Any(e => e.Length > MaxOtherXmlPartBytes && IsReadWhole(e.FullName)))
                    throw new SpreadsheetTooLargeException();
                // The parts read whole are loaded as trees, one recursion per level: too deep a nesting is refused first.
                foreach (var entry in zip.Entries.Where(e => IsReadWhole(e.FullName))) CheckNesting(entry);
            }
            content.Position = 0;
            using var document = SpreadsheetDocument.Open(content, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
            var part = (WorksheetPart)workbook.GetPartById(first.Id?.Value ?? throw new InvalidDataException("sheet without a part"));
            var shared = SharedStrings(workbook.SharedStringTablePart);
            var grid = new Grid();
            var (rowNumber, columnNumber, rows, cells) = (0, 0, 0, 0);
            var rowHasCells = false;
            using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), XmlSettings);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || !IsSpreadsheetMl(xml)) continue;
                // worksheet (0) / sheetData (1) / row (2) / c (3)
                if (xml.Depth == 2 && xml.LocalName == "row")
                {
                    var index = xml.GetAttribute("r");
                    rowNumber = uint.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is > 0 and <= MaxRowNumber ? (int)r : rowNumber + 1;
                    if (rowNumber > MaxRowNumber) throw new SpreadsheetTooLargeException();
                    columnNumber = 0;
                    rowHasCells = false;
                }
                else if (xml.Depth == 3 && xml.LocalName == "c")
                {
                    var cell = ReadCell(xml);
                    columnNumber = cell.Reference is { } reference && Grid.ColumnOf(reference) is { } column and <= MaxColumnNumber ? column : columnNumber + 1;
                    if (columnNumber > MaxColumnNumber || ++cells > MaxCells) throw new SpreadsheetTooLargeException();
                    if (!rowHasCells && ++rows > maxRows) break;
                    rowHasCells = true;
                    grid.Set(rowNumber, columnNumber, ValueOf(cell, shared));
                }
            }
            return grid;
        }
        // FormatException: System.IO.Packaging's FileFormatException for a damaged package (e.g. relationships that are not XML).
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidCastException or ArgumentException or IOException or FormatException
                                       or XmlException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidDataException("not a spreadsheet", ex);
        }
    }

    /// <summary>Elements an XML part read whole may nest (a workbook nests 4 or 5).</summary>
    public const int MaxNestingInPart = 64;

    private static void CheckNesting(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, XmlSettings);
        while (xml.Read())
            if (xml.Depth > MaxNestingInPart) throw new InvalidDataException($"{entry.FullName} nests deeper than {MaxNestingInPart}");
    }

    /// <summary>XML parts other than the worksheets and the shared strings, which are read as streams.</summary>
    private static bool IsReadWhole(string name) =>
        (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
        && !name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
        && !name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The shared strings by index, read as a stream; more of them than <see cref="MaxCells"/> is refused.</summary>
    private static string[] SharedStrings(SharedStringTablePart? part)
    {
        if (part is null) return [];
        var strings = new List<string>();
        using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), XmlSettings);
        while (xml.Read())
        {
            // sst (0) / si (1)
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != 1 || xml.LocalName != "si" || !IsSpreadsheetMl(xml)) continue;
            if (strings.Count >= MaxCells) throw new SpreadsheetTooLargeException();
            strings.Add(TextWithin(xml, out _) ?? "");
        }
        return [.. strings];
    }

    /// <summary>
    /// The worksheet and the shared strings are read with <see cref="XmlReader"/> itself, node by node. Not with Open XML's
    /// reader nor as trees: both load an element's content by recursing once per level, and a cell nesting unknown
    /// elements a hundred thousand deep overflowed the stack — a crash of the whole service that no exception handler
    /// can catch (found by Fuzzing.Tests). No DTD; at most <see cref="MaxCharactersInPart"/> characters per part.
    /// </summary>
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharactersInPart,
    };

    private const string TransitionalNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    private static bool IsSpreadsheetMl(XmlReader xml) => xml.NamespaceURI is TransitionalNamespace or StrictNamespace;

    /// <summary>What the import reads of a cell: its reference (<c>r</c>), type (<c>t</c>), value (<c>v</c>) and inline text (<c>is</c>).</summary>
    private sealed record CellRead(string? Reference, string? Type, string? Value, string? Inline);

    /// <summary>Elements a cell or a shared string may nest below itself (<c>c/is/r/t</c>, <c>si/rPh/t</c> are 3): deeper is not a spreadsheet.</summary>
    public const int MaxNestingInCell = 8;

    /// <summary>The cell the reader stands on (its start), read up to its end.</summary>
    private static CellRead ReadCell(XmlReader xml)
    {
        var (reference, type) = (xml.GetAttribute("r"), xml.GetAttribute("t"));
        var inline = TextWithin(xml, out var value);
        return new CellRead(reference, type, value, inline);
    }

    /// <summary>
    /// Reads from the start element the reader stands on to its end: the text of every <c>t</c> within (Open XML's
    /// <c>InnerText</c> of a shared string or an inline string), or null when there is neither a <c>t</c> nor an inline
    /// string (<c>is</c>); <paramref name="value"/> is the text of a <c>v</c> within. Nesting beyond
    /// <see cref="MaxNestingInCell"/> is refused as not a spreadsheet.
    /// </summary>
    private static string? TextWithin(XmlReader xml, out string? value)
    {
        value = null;
        if (xml.IsEmptyElement) return null;
        StringBuilder? text = null;
        StringBuilder? leaf = null;
        var (depth, leafDepth, leafIsValue) = (xml.Depth, -1, false);
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.Depth > depth + MaxNestingInCell) throw new InvalidDataException("a cell nested too deep");
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when IsSpreadsheetMl(xml) && xml.LocalName is "t" or "v":
                    var isValue = xml.LocalName == "v";
                    if (!isValue) text ??= new StringBuilder();
                    if (xml.IsEmptyElement)
                    {
                        if (isValue) value = "";
                        continue;
                    }
                    (leaf, leafDepth, leafIsValue) = (new StringBuilder(), xml.Depth, isValue);
                    break;
                case XmlNodeType.Element when IsSpreadsheetMl(xml) && xml.LocalName == "is":
                    text ??= new StringBuilder();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when leaf is not null && xml.Depth == leafDepth + 1:
                    leaf.Append(xml.Value);
                    break;
                case XmlNodeType.EndElement when leaf is not null && xml.Depth == leafDepth:
                    if (leafIsValue) value = leaf.ToString();
                    else text!.Append(leaf);
                    leaf = null;
                    break;
            }
        }
        return text?.ToString();
    }

    private static object? ValueOf(CellRead cell, string[] shared)
    {
        var raw = cell.Value;
        if (cell.Type == "inlineStr") return cell.Inline;
        if (raw is null) return null;
        switch (cell.Type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : null;
            case "b":
                return raw == "1";
            case "str" or "e":
                return raw;
        }
        // A numeric cell holds a double: go through double so 0.9 stored as 0.90000000000000002 reads as 0.9.
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) < 7.9e27
            ? (decimal)d
            : raw;
    }
}

/// <summary>An upload that would inflate beyond what the import reads (<see cref="XlsxFormat.MaxInflatedBytes"/>, <see cref="XlsxFormat.MaxCells"/>).</summary>
internal sealed class SpreadsheetTooLargeException : Exception
{
    public SpreadsheetTooLargeException() : base("the spreadsheet inflates beyond the import's limits") { }

    public SpreadsheetTooLargeException(string message) : base(message) { }

    public SpreadsheetTooLargeException(string message, Exception inner) : base(message, inner) { }
}
