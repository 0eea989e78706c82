using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.DxIndex.AnnualCriteria;
using Platform.TestSupport;
using static Platform.DxIndex.Tests.AnnualCriteria.AnnualCriteriaBench;

namespace Platform.DxIndex.Tests.AnnualCriteria;

public sealed class AnnualReportExportTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_annual_report_table_has_merged_headers_number_formats_frozen_panes_and_a_print_area()
    {
        await using var host = await StartAsync(infrastructure, "qd2244xlsx");
        await host.DeliverAsync(Approval(Guid.NewGuid(), "lao-cai.cong-an", "lao-cai", 2025, 1, T0, ("0418", 0.62m), ("0419", 1234567m)));
        await host.DeliverAsync(Approval(Guid.NewGuid(), "lao-cai.cong-an", "lao-cai", 2026, 1, T0.AddYears(1), ("0418", 0.71m)));
        using var reviewer = host.Client(LaoCaiReviewer);

        var response = await reviewer.GetAsync("/api/dx-index/annual-criteria/provinces/lao-cai/2026/export", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportProvinceYear.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bao-cao-qd2244_lao-cai_2026.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        string Text(string reference) => cells[reference].InlineString?.InnerText ?? cells[reference].CellValue?.Text ?? "";

        Assert.Equal("Báo cáo QĐ 2244", workbook.Workbook.Descendants<Sheet>().Single().Name?.Value);
        Assert.Contains("Tỉnh Lào Cai, năm 2026", Text("A2"), StringComparison.Ordinal);
        Assert.Equal(["STT", "Mã tiêu chí", "Tên tiêu chí", "Đơn vị tính", "Giá trị", "Năm tham chiếu", "Xu hướng so với năm trước", "Loại nguồn số liệu", "Cơ quan báo cáo"],
            new[] { "A5", "B5", "C5", "D5", "E5", "H5", "I5", "J5", "K5" }.Select(Text));
        Assert.Equal(["Năm 2024", "Năm 2025", "Năm 2026"], new[] { "E6", "F6", "G6" }.Select(Text));
        var merged = sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value).ToList();
        Assert.Contains("E5:G5", merged);
        Assert.Contains("A5:A6", merged);
        Assert.Contains("B7:K7", merged); // group I's row
        Assert.Equal("01. Nhóm tiêu chí đầu vào", Text("B7"));

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(("D7", 3d, 6d, PaneStateValues.Frozen), (pane.TopLeftCell?.Value, pane.HorizontalSplit?.Value, pane.VerticalSplit?.Value, pane.State?.Value));
        var names = workbook.Workbook.Descendants<DefinedName>().ToDictionary(d => d.Name!.Value!, d => d.Text);
        Assert.Equal("'Báo cáo QĐ 2244'!$5:$6", names["_xlnm.Print_Titles"]);
        // 4 groups + 46 criteria under the two header rows: the last criterion on row 7 + 50 − 1 = 56.
        Assert.Equal("'Báo cáo QĐ 2244'!$A$1:$K$56", names["_xlnm.Print_Area"]);

        // 0418 sits in group 04; find its row by its code.
        var row = cells.Values.Single(c => c.CellReference!.Value!.StartsWith('B') && Text(c.CellReference.Value) == "0418").CellReference!.Value![1..];
        Assert.Equal(("0.62", "0.71", "▲ Cải thiện", "Thống kê tập trung, nền tảng quốc gia", "Công an tỉnh Lào Cai"),
            (Text("F" + row), Text("G" + row), Text("I" + row), Text("J" + row), Text("K" + row)));
        Assert.Equal("chưa có số liệu", Text("E" + row));
        Assert.Equal("0.0%", FormatOf(workbook, cells["G" + row]));
        var count = cells.Values.Single(c => c.CellReference!.Value!.StartsWith('B') && Text(c.CellReference.Value) == "0419").CellReference!.Value![1..];
        Assert.Equal(("1234567", "#,##0"), (Text("F" + count), FormatOf(workbook, cells["F" + count])));
    }

    private static string FormatOf(WorkbookPart workbook, Cell cell)
    {
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        var id = format.NumberFormatId!.Value;
        return id switch
        {
            3 => "#,##0",
            4 => "#,##0.00",
            _ => stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == id).FormatCode!.Value!,
        };
    }
}
