using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Documents;

/// <summary>
/// A <see cref="ReportDocument"/> as an Excel workbook: one sheet per table, written row by row with the SAX
/// <see cref="OpenXmlWriter"/> straight into the zip, so no sheet is ever held in memory.
/// </summary>
public static class XlsxReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Writes the workbook to <paramref name="output"/> (any writable stream: the zip is written forward only). The Open
    /// XML SDK's own package cannot be opened write-only, and read-write it holds every part in memory until it is
    /// closed, so the parts go into a <see cref="ZipArchive"/> in create mode: each sheet is compressed as it is written.
    /// </summary>
    public static async Task WriteAsync(ReportDocument document, Stream output, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        var sheets = new Sheets();
        var names = new DefinedNames();
        var sheetRelationships = new List<string>();
        for (var index = 0; index < document.Tables.Count; index++)
        {
            var table = document.Tables[index];
            SheetLayout layout;
            await using (var entry = zip.CreateEntry($"xl/worksheets/sheet{index + 1}.xml", CompressionLevel.Fastest).Open())
                layout = await WriteSheetAsync(document, table, entry, ct);
            var sheetName = SheetName(table.SheetName, sheets);
            sheets.Append(new Sheet { Name = sheetName, SheetId = (uint)index + 1, Id = $"rId{index + 1}" });
            sheetRelationships.Add($"<Relationship Id=\"rId{index + 1}\" Type=\"{OfficeDocument}/worksheet\" Target=\"worksheets/sheet{index + 1}.xml\"/>");
            var quoted = "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
            names.Append(new DefinedName($"{quoted}!${Column(0)}$1:${Column(table.Columns.Count - 1)}${layout.LastRow}")
                { Name = "_xlnm.Print_Area", LocalSheetId = (uint)index });
            names.Append(new DefinedName($"{quoted}!${layout.FirstHeaderRow}:${layout.HeaderRow}")
                { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)index });
        }
        var count = document.Tables.Count;
        Element(zip, "xl/workbook.xml", new Workbook(new BookViews(new WorkbookView()), sheets, names));
        Element(zip, "xl/styles.xml", XlsxStyles.Create());
        Text(zip, "xl/_rels/workbook.xml.rels", Relationships(string.Concat(sheetRelationships)
            + $"<Relationship Id=\"rId{count + 1}\" Type=\"{OfficeDocument}/styles\" Target=\"styles.xml\"/>"));
        Text(zip, "_rels/.rels", Relationships(
            $"<Relationship Id=\"rId1\" Type=\"{OfficeDocument}/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"));
        Text(zip, "docProps/core.xml", CoreProperties(document));
        Text(zip, "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + string.Concat(Enumerable.Range(1, count).Select(i =>
                $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
            + "</Types>");
    }

    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static string Relationships(string body) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{body}</Relationships>";

    /// <summary>The workbook's title, subject, issuer, what it was built from and when it was created.</summary>
    private static string CoreProperties(ReportDocument document)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
            const string dc = "http://purl.org/dc/elements/1.1/", terms = "http://purl.org/dc/terms/", xsi = "http://www.w3.org/2001/XMLSchema-instance";
            xml.WriteStartElement("cp", "coreProperties", cp);
            xml.WriteAttributeString("xmlns", "dc", null, dc);
            xml.WriteAttributeString("xmlns", "dcterms", null, terms);
            xml.WriteAttributeString("xmlns", "xsi", null, xsi);
            xml.WriteElementString("dc", "title", dc, document.Title);
            xml.WriteElementString("dc", "subject", dc, string.Join(" · ", document.Subtitles));
            xml.WriteElementString("dc", "creator", dc, document.Issuer ?? "");
            xml.WriteElementString("dc", "description", dc, string.Join("\n", SourceLines.For(document.Source)));
            xml.WriteStartElement("dcterms", "created", terms);
            xml.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
            xml.WriteString(document.Source.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + text;
    }

    private static void Text(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static void Element(ZipArchive zip, string name, OpenXmlElement root)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(entry, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        root.WriteTo(xml);
    }

    private sealed record SheetLayout(int FirstHeaderRow, int HeaderRow, int LastRow);

    private static async Task<SheetLayout> WriteSheetAsync(ReportDocument document, ReportTable table, Stream part, CancellationToken ct)
    {
        var columns = table.Columns;
        var last = Column(columns.Count - 1);
        var merges = new List<string>();
        var grouped = columns.Any(c => c.Group is not null);
        var titleRows = (document.Issuer is null ? 0 : 1) + 1 + document.Subtitles.Count + 2;
        var firstHeaderRow = titleRows + 1;
        var headerRow = grouped ? firstHeaderRow + 1 : firstHeaderRow;

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var below = $"A{headerRow + 1}";
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = headerRow, TopLeftCell = below, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = below, SequenceOfReferences = new ListValue<StringValue>([below]) })
            { WorkbookViewId = 0 }));
        writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });
        writer.WriteElement(new Columns(columns.Select((c, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })));

        writer.WriteStartElement(new SheetData());
        var row = 0;
        void Line(string text, uint style, bool merge, double? height = null)
        {
            row++;
            StartRow(writer, row, height);
            writer.WriteElement(TextCell($"A{row}", text, style));
            writer.WriteEndElement();
            if (merge) merges.Add($"A{row}:{last}{row}");
        }
        if (document.Issuer is not null) Line(document.Issuer, XlsxStyles.Issuer, merge: true);
        Line(document.Title, XlsxStyles.Title, merge: true, height: 36);
        foreach (var subtitle in document.Subtitles) Line(subtitle, XlsxStyles.Subtitle, merge: true);
        row++;
        Line(table.Heading, XlsxStyles.Heading, merge: true);

        if (grouped)
        {
            row++;
            StartRow(writer, row, height: 30);
            for (var i = 0; i < columns.Count; i++)
            {
                var group = columns[i].Group;
                var first = group is not null && (i == 0 || columns[i - 1].Group != group);
                writer.WriteElement(TextCell($"{Column(i)}{row}", group is null ? columns[i].Header : first ? group : "", XlsxStyles.Header));
                if (group is null) merges.Add($"{Column(i)}{row}:{Column(i)}{row + 1}");
                else if (first)
                {
                    var end = i;
                    while (end + 1 < columns.Count && columns[end + 1].Group == group) end++;
                    if (end > i) merges.Add($"{Column(i)}{row}:{Column(end)}{row}");
                }
            }
            writer.WriteEndElement();
        }
        row++;
        StartRow(writer, row, height: 45);
        for (var i = 0; i < columns.Count; i++)
            writer.WriteElement(TextCell($"{Column(i)}{row}", columns[i].Group is null && grouped ? "" : columns[i].Header, XlsxStyles.Header));
        writer.WriteEndElement();

        var references = columns.Select((_, i) => Column(i)).ToArray();
        var styles = columns.Select(c => XlsxStyles.Body(c.Kind)).ToArray();
        await foreach (var values in table.Rows.WithCancellation(ct))
        {
            row++;
            StartRow(writer, row, height: null);
            for (var i = 0; i < columns.Count; i++)
                writer.WriteElement(BodyCell($"{references[i]}{row}", i < values.Count ? values[i] : null, styles[i]));
            writer.WriteEndElement();
        }

        row++;
        foreach (var note in document.Notes) Line(note, XlsxStyles.Footer, merge: false);
        foreach (var source in SourceLines.For(document.Source)) Line(source, XlsxStyles.Footer, merge: false);
        writer.WriteEndElement(); // sheetData

        writer.WriteElement(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup
        {
            PaperSize = 9, // A4
            Orientation = document.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1, FitToHeight = 0,
        });
        writer.WriteElement(new HeaderFooter(new OddFooter("&R&8Trang &P/&N")));
        writer.WriteEndElement(); // worksheet
        return new SheetLayout(firstHeaderRow, headerRow, row);
    }

    private static void StartRow(OpenXmlWriter writer, int row, double? height)
    {
        var attributes = new List<OpenXmlAttribute> { new("r", "", row.ToString(CultureInfo.InvariantCulture)) };
        if (height is { } h)
        {
            attributes.Add(new OpenXmlAttribute("ht", "", h.ToString(CultureInfo.InvariantCulture)));
            attributes.Add(new OpenXmlAttribute("customHeight", "", "1"));
        }
        writer.WriteStartElement(new Row(), attributes);
    }

    private static Cell TextCell(string reference, string text, uint style) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
            { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    private static Cell BodyCell(string reference, object? value, uint style) => value switch
    {
        null => new Cell { CellReference = reference, StyleIndex = style },
        string text => TextCell(reference, text, style),
        DateTimeOffset instant => Number(reference, VietnamTime.ToVietnam(instant).DateTime.ToOADate().ToString("R", CultureInfo.InvariantCulture), style),
        IFormattable number => Number(reference, number.ToString(null, CultureInfo.InvariantCulture), style),
        _ => TextCell(reference, value.ToString() ?? "", style),
    };

    private static Cell Number(string reference, string value, uint style) =>
        new(new CellValue(value)) { CellReference = reference, StyleIndex = style };

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel's rules: ≤ 31 characters, none of <c>[]:*?/\</c>, unique in the workbook.</summary>
    private static string SheetName(string wanted, Sheets existing)
    {
        var clean = new string(wanted.Select(c => "[]:*?/\\".Contains(c) ? '-' : c).ToArray()).Trim('\'');
        if (clean.Length == 0) clean = "Sheet";
        if (clean.Length > 31) clean = clean[..31];
        var taken = existing.Elements<Sheet>().Select(s => s.Name?.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = clean;
        for (var n = 2; taken.Contains(name); n++) name = clean[..Math.Min(clean.Length, 28)] + $" ({n})";
        return name;
    }
}
