using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Platform.Reporting.Documents;

namespace Platform.Reporting.Tests.Documents;

public sealed class XlsxReportTests
{
    private const string Ranking = "Xếp hạng";

    private static async Task<WorkbookReader> RenderAsync(ReportDocument document)
    {
        var stream = new MemoryStream();
        await XlsxReport.WriteAsync(document, stream, TestContext.Current.CancellationToken);
        stream.Position = 0;
        return WorkbookReader.Open(stream);
    }

    [Fact]
    public async Task The_workbook_is_valid_Open_XML_with_its_title_and_creation_time()
    {
        using var book = await RenderAsync(SampleDocuments.Ranking(20));
        var errors = new OpenXmlValidator().Validate(book.Package, TestContext.Current.CancellationToken)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        Assert.Equal("KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CHUYỂN ĐỔI SỐ THÁNG 11/2026", book.Package.PackageProperties.Title);
        Assert.Equal("BỘ KHOA HỌC VÀ CÔNG NGHỆ", book.Package.PackageProperties.Creator);
        Assert.Equal(SampleDocuments.GeneratedAt.UtcDateTime, book.Package.PackageProperties.Created?.ToUniversalTime());
    }

    [Fact]
    public async Task Cells_hold_vietnamese_names_and_numbers_with_their_number_formats()
    {
        using var book = await RenderAsync(SampleDocuments.Ranking(20));
        // Rows: issuer, title, 2 subtitles, blank, heading, group header (7), column header (8), data from 9.
        Assert.Equal("BỘ KHOA HỌC VÀ CÔNG NGHỆ", book.Text(Ranking, "A1"));
        Assert.Equal("Điểm theo nhóm chỉ số", book.Text(Ranking, "C7"));
        Assert.Equal("Hạng", book.Text(Ranking, "A7"));
        Assert.Equal("Nhóm A", book.Text(Ranking, "C8"));
        Assert.Equal("Tỉnh Thừa Thiên Huế", book.Text(Ranking, "B9"));
        Assert.Equal("Bộ Khoa học và Công nghệ", book.Text(Ranking, "B10"));
        Assert.Equal("Tỉnh Đắk Lắk", book.Text(Ranking, "B11"));

        Assert.Equal(1234.5, book.Number(Ranking, "F9"));
        Assert.Equal("#,##0.00", book.NumberFormat(Ranking, "F9"));
        Assert.Equal(1, book.Number(Ranking, "A9"));
        Assert.Equal("#,##0", book.NumberFormat(Ranking, "A9"));
        Assert.Equal(-0.5, book.Number(Ranking, "G9"));
        Assert.Equal("+#,##0.00;-#,##0.00;0.00", book.NumberFormat(Ranking, "G9"));
        Assert.Null(book.Cell(Ranking, "G12")!.CellValue); // no change known: blank
        Assert.Equal(0.875, book.Number(Ranking, "H9"));
        Assert.Equal("0.0%", book.NumberFormat(Ranking, "H9"));
        // 10:00 on 15/12/2026 in Vietnam time, as an Excel date.
        Assert.Equal(new DateTime(2026, 12, 15, 10, 0, 0), DateTime.FromOADate(book.Number(Ranking, "I9")));
        Assert.Equal("dd/mm/yyyy hh:mm", book.NumberFormat(Ranking, "I9"));
        Assert.NotNull(book.Font(Ranking, "B8").Bold);
        Assert.Null(book.Font(Ranking, "B9").Bold);
        Assert.Equal(1u, book.Style(Ranking, "F9").BorderId!.Value); // thin borders round body cells
    }

    [Fact]
    public async Task The_sheet_has_merged_title_and_group_headers_frozen_panes_A4_print_area_and_print_titles()
    {
        using var book = await RenderAsync(SampleDocuments.Ranking(20));
        var merged = book.Merged(Ranking);
        Assert.Contains("A1:I1", merged);   // issuer
        Assert.Contains("A2:I2", merged);   // title
        Assert.Contains("C7:E7", merged);   // "Điểm theo nhóm chỉ số" over groups A–C
        Assert.Contains("A7:A8", merged);   // "Hạng" over both header rows
        Assert.DoesNotContain("C8:E8", merged);

        var pane = book.Sheet(Ranking).Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(8, pane.VerticalSplit!.Value); // frozen below the header
        Assert.Equal("A9", pane.TopLeftCell!.Value);

        // 8 header rows + 20 rows + blank + the note + 2 built-from lines.
        Assert.Equal("'Xếp hạng'!$A$1:$I$32", book.DefinedName("_xlnm.Print_Area", 0));
        Assert.Equal("'Xếp hạng'!$7:$8", book.DefinedName("_xlnm.Print_Titles", 0));
        var setup = book.Sheet(Ranking).Elements<PageSetup>().Single();
        Assert.Equal(9u, setup.PaperSize!.Value); // A4
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.Equal(0u, setup.FitToHeight!.Value);
        Assert.True(book.Sheet(Ranking).Elements<SheetProperties>().Single().PageSetupProperties!.FitToPage!.Value);
        Assert.Equal(34, book.Sheet(Ranking).Descendants<Column>().ElementAt(1).Width!.Value);
    }

    [Fact]
    public async Task Each_table_has_its_sheet_and_the_built_from_lines_under_it()
    {
        using var book = await RenderAsync(SampleDocuments.Ranking(3));
        Assert.Equal([Ranking, "Phân loại"], book.SheetNames);
        Assert.Equal("Loại A (Xuất sắc)", book.Text("Phân loại", "A8"));
        Assert.Equal(3, book.Number("Phân loại", "B8"));
        var footer = Enumerable.Range(9, 6).Select(r => book.Text("Phân loại", $"A{r}")).ToList();
        Assert.Contains("Lý do đính chính: sửa điểm nhóm B của Tỉnh Đắk Lắk.", footer);
        Assert.Contains(footer, l => l.Contains("Bộ chỉ số đánh giá hằng tháng (QĐ 4585) (phiên bản 2026.1)", StringComparison.Ordinal)
            && l.Contains("Tháng 11/2026", StringComparison.Ordinal) && l.Contains("Lần công bố 2, công bố lúc 15/12/2026 10:00", StringComparison.Ordinal));
        Assert.Contains(footer, l => l.Contains("Số liệu đến 15/12/2026 09:59", StringComparison.Ordinal)
            && l.Contains("Lập lúc 16/12/2026 08:30 (giờ Việt Nam)", StringComparison.Ordinal));
        // Header at 7, two rows, blank, the note, two built-from lines.
        Assert.Equal("'Phân loại'!$A$1:$B$13", book.DefinedName("_xlnm.Print_Area", 1));
    }
}
