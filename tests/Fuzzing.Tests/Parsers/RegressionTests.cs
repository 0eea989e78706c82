using System.Text;
using Platform.Fuzzing.Tests.Harness;

namespace Platform.Fuzzing.Tests.Parsers;

/// <summary>Input shapes the fuzzer found (or that must never regress), each through the same harness and property.</summary>
public sealed class RegressionTests(ITestOutputHelper output)
{
    private static readonly Scoring.Engine.CompiledFramework Monthly = Seeds.Framework("monthly-4585");

    private Verdict BulkImport(string shape, byte[] bytes)
    {
        var stats = new ParserStats("bulk import (regression)");
        var verdict = Fuzz.One(stats.Parser, new FuzzInput(bytes, shape), b => Targets.BulkImport(b, Monthly), stats);
        output.WriteLine(stats.ToString());
        return verdict;
    }

    private static byte[] Template() => Seeds.TemplateXlsx(Monthly, 2, new Random(1));

    private static byte[] WithEntry(byte[] zip, string name, byte[] content) =>
        Mutations.WriteEntries(Mutations.ReadEntries(zip).Select(e => e.Name == name ? (e.Name, content) : e), null);

    [Fact]
    public void An_xlsx_whose_workbook_relationships_are_not_xml_is_refused_as_not_a_spreadsheet()
    {
        var bytes = WithEntry(Template(), "xl/_rels/workbook.xml.rels", Mutations.RandomBytes(new Random(3), 300));

        Assert.False(BulkImport("xlsx with random bytes as xl/_rels/workbook.xml.rels", bytes).Accepted);
    }

    [Fact]
    public void An_xlsx_whose_sheet_inflates_to_gigabytes_is_refused_without_being_expanded()
    {
        var bomb = Seeds.GigabyteZipBomb(lying: false);

        var verdict = BulkImport($"xlsx zip bomb: {bomb.Length / 1024} KiB inflating to 1 GiB", bomb);

        Assert.False(verdict.Accepted);
        Assert.StartsWith("Tệp quá lớn: Tệp Excel khi giải nén vượt quá giới hạn nhập", verdict.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_xlsx_bomb_that_declares_a_small_size_is_stopped_while_reading_and_refused()
    {
        var bomb = Seeds.GigabyteZipBomb(lying: true);

        var verdict = BulkImport($"xlsx zip bomb declaring 4 KiB: {bomb.Length / 1024} KiB inflating to 1 GiB", bomb);

        Assert.False(verdict.Accepted);
    }

    [Fact]
    public void An_xlsx_whose_relationships_part_inflates_to_44_MB_is_refused_before_it_is_read()
    {
        var bytes = Mutations.WriteEntries(Mutations.ReadEntries(Template()), ("xl/_rels/workbook.xml.rels", 44L * 1024 * 1024));

        var verdict = BulkImport($"xlsx whose xl/_rels/workbook.xml.rels inflates to 44 MB ({bytes.Length / 1024} KiB)", bytes);

        Assert.StartsWith("Tệp quá lớn", verdict.Problems[0], StringComparison.Ordinal);
    }

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A workbook as Excel saves it (shared strings, empty cells), from its parts' XML.</summary>
    private static byte[] Workbook(string sheetData, string sharedStrings, string? workbookXml = null) => Mutations.WriteEntries(
    [
        ("[Content_Types].xml", Encoding.UTF8.GetBytes(
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>")),
        ("_rels/.rels", Encoding.UTF8.GetBytes(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
        ("xl/workbook.xml", Encoding.UTF8.GetBytes(workbookXml ??
            $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Nhập liệu\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
        ("xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>")),
        ("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes($"<worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>")),
        ("xl/sharedStrings.xml", Encoding.UTF8.GetBytes($"<sst xmlns=\"{Main}\">{sharedStrings}</sst>")),
    ], null);

    private static string Nested(int depth, string inner) =>
        string.Concat(Enumerable.Repeat("<x>", depth)) + inner + string.Concat(Enumerable.Repeat("</x>", depth));

    [Fact]
    public void A_workbook_as_excel_saves_it_reads_shared_rich_and_inline_text_numbers_and_empty_cells()
    {
        var bytes = Workbook(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"/><c r=\"C1\" t=\"s\"><v>1</v></c><c r=\"D1\"><v>0.90000000000000002</v></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"b\"><v>1</v></c><c r=\"B2\" t=\"str\"><f>A1</f><v>Lào Cai</v></c><c r=\"C2\" t=\"inlineStr\"><is><r><t>Sở </t></r><r><t>KH&amp;CN</t></r></is></c><c r=\"D2\" s=\"1\"/><c r=\"E2\" t=\"s\"><v>2</v></c></row>",
            "<si><t>Lào Cai</t></si><si><r><rPr><b/></rPr><t>Thanh </t></r><r><t>Hóa</t></r></si><si><t/></si>");
        using var buffer = new MemoryStream();
        buffer.Write(bytes);

        var (grid, problem) = Intake.Bulk.Import.Read(buffer);

        Assert.Null(problem);
        var read = grid!.Rows.SelectMany(r => r.Value.Select(c => $"{r.Key}:{c.Key}={c.Value switch { null => "null", decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture), var v => v.ToString() }}"));
        // Empty cells (B1, D2) and empty text (E2) are no cells of the grid; the rest as Excel shows them.
        Assert.Equal(["1:1=Lào Cai", "1:3=Thanh Hóa", "1:4=0.9", "2:1=True", "2:2=Lào Cai", "2:3=Sở KH&CN"], read);
    }

    [Fact]
    public void A_cell_nesting_elements_a_hundred_thousand_deep_is_refused_without_overflowing_the_stack()
    {
        var bytes = Workbook($"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>{Nested(100_000, "<t>unit</t>")}</is></c></row>", "");

        var verdict = BulkImport("xlsx with a cell nesting 100,000 elements", bytes);

        Assert.False(verdict.Accepted);
        Assert.StartsWith("Định dạng tệp không được hỗ trợ", verdict.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_value_nesting_elements_a_hundred_thousand_deep_is_refused_without_overflowing_the_stack()
    {
        // Open XML's own streaming reader loads a value (<v>) with what it holds, recursing once per level.
        var bytes = Workbook($"<row r=\"1\"><c r=\"A1\"><v>{Nested(100_000, "1")}</v></c></row>", "");

        var verdict = BulkImport("xlsx with a cell value nesting 100,000 elements", bytes);

        Assert.False(verdict.Accepted);
        Assert.StartsWith("Định dạng tệp không được hỗ trợ", verdict.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_string_nesting_elements_a_hundred_thousand_deep_is_refused_without_overflowing_the_stack()
    {
        var bytes = Workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", $"<si>{Nested(100_000, "<t>unit</t>")}</si>");

        var verdict = BulkImport("xlsx with a shared string nesting 100,000 elements", bytes);

        Assert.False(verdict.Accepted);
        Assert.StartsWith("Định dạng tệp không được hỗ trợ", verdict.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_part_nesting_elements_a_hundred_thousand_deep_is_refused_before_it_is_loaded()
    {
        var bytes = Workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", "",
            $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"a\" sheetId=\"1\" r:id=\"rId1\"/></sheets>{Nested(100_000, "")}</workbook>");

        var verdict = BulkImport("xlsx whose workbook.xml nests 100,000 elements", bytes);

        Assert.False(verdict.Accepted);
        Assert.StartsWith("Định dạng tệp không được hỗ trợ", verdict.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_template_seed_reads_back_cell_for_cell_as_it_was_written()
    {
        foreach (var framework in Seeds.Frameworks)
        {
            var sheet = Seeds.TemplateSheet(framework, 3, new Random(5));
            foreach (var (name, bytes) in new[]
            {
                ("xlsx", Seeds.TemplateXlsx(framework, 3, new Random(5))),
                ("csv", Seeds.TemplateCsv(framework, 3, new Random(5), semicolon: false)),
                ("csv;", Seeds.TemplateCsv(framework, 3, new Random(5), semicolon: true)),
            })
            {
                using var buffer = new MemoryStream();
                buffer.Write(bytes);
                var (grid, problem) = Intake.Bulk.Import.Read(buffer);
                Assert.Null(problem);
                var expected = sheet.SelectMany((row, r) => row.Select((cell, c) => (r + 1, c + 1, cell)))
                    .Where(x => x.cell is not null)
                    .Select(x => $"{name} {x.Item1}:{x.Item2}={Number(x.cell is decimal d && name == "csv;" ? Intake.Bulk.Grid.Text(d).Replace('.', ',') : Intake.Bulk.Grid.Text(x.cell!))}");
                var read = grid!.Rows.SelectMany(r => r.Value.Select(c => $"{name} {r.Key}:{c.Key}={Number(Intake.Bulk.Grid.Text(c.Value))}"));
                Assert.Equal(expected, read);
                Assert.True(Targets.BulkImport(bytes, framework).Accepted, $"{framework.Id} {name}");
            }
        }
    }

    /// <summary>A number without trailing zeros (0.60 and 0.6 are the same value), keeping its decimal mark.</summary>
    private static string Number(string text) =>
        decimal.TryParse(text.Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture).Replace('.', text.Contains(',', StringComparison.Ordinal) ? ',' : '.')
            : text;

    [Theory]
    [InlineData("bao-cao\uD800.pdf")]
    [InlineData("\uDC00\uD800")]
    [InlineData("\uD83D")]
    public void An_evidence_file_name_with_half_a_surrogate_pair_is_made_safe_without_it(string raw)
    {
        var name = Intake.Evidence.EvidenceFileName.Sanitise(raw, Intake.Evidence.EvidenceTypes.Pdf);

        Targets.CheckFileName(raw, name, Intake.Evidence.EvidenceTypes.Pdf);
        Assert.DoesNotContain(name, char.IsSurrogate);
    }
}
