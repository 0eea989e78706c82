using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Platform.Reporting.Tests.Documents;
using Platform.TestSupport;
using UglyToad.PdfPig;
using static Platform.Reporting.Tests.Compliance.ComplianceWorld;

namespace Platform.Reporting.Tests.Compliance;

/// <summary>The exports end to end: the endpoint's file read back (Excel with the Open XML SDK, PDF text with PdfPig, CSV as text).</summary>
public sealed class ComplianceFileTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Export = $"/api/reporting/compliance/{Framework}/{Period}/export";

    private static readonly string[] Overdue =
        ["Đài Phát thanh và Truyền hình tỉnh Lào Cai", "Sở Công Thương tỉnh Lào Cai", "Sở Xây dựng tỉnh Lào Cai", "Sở Y tế tỉnh Lào Cai"];

    /// <summary>Column <paramref name="column"/>'s cell texts, top to bottom.</summary>
    private static List<string> Column(WorkbookReader book, string sheet, string column) =>
        [.. book.Sheet(sheet).Descendants<Cell>().Where(c => c.CellReference!.Value!.StartsWith(column, StringComparison.Ordinal)
            && char.IsAsciiDigit(c.CellReference.Value[column.Length])).Select(c => book.Text(sheet, c.CellReference!.Value!))];

    [Fact]
    public async Task Who_is_late_downloads_as_a_valid_workbook_listing_the_overdue_agencies_in_order_with_their_deadlines()
    {
        await using var host = await StartAsync(infrastructure, "cmp-xlsx");
        await NovemberAsync(host);

        using var response = await host.Client(LaoCaiReviewer).GetAsync(Export + "?format=xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("chua-bao-cao-bao-cao-muon-monthly-4585-2026-11-lao-cai.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.True(response.Headers.Contains("Report-Generated-At"));
        using var book = WorkbookReader.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Empty(new OpenXmlValidator().Validate(book.Package, Ct));
        Assert.Equal(["Danh sách"], book.SheetNames);
        var names = Column(book, "Danh sách", "B");
        Assert.Equal(Overdue, names.Where(n => Overdue.Contains(n)).ToList());
        var all = string.Join("\n", Column(book, "Danh sách", "A"));
        Assert.Contains("DANH SÁCH ĐƠN VỊ CHƯA BÁO CÁO, BÁO CÁO MUỘN", all);
        Assert.Contains("Hạn nộp – Cơ quan, đơn vị báo cáo tỉnh: 05/12/2026 17:00", all);
        Assert.Contains("Tổng số báo cáo phải nộp: 7; nộp đúng hạn: 2; nộp muộn: 1; chưa báo cáo: 3; chưa đến hạn: 1; tỷ lệ đúng hạn: 33,3 %.", all);
    }

    [Fact]
    public async Task The_PDF_holds_the_title_the_names_with_diacritics_and_the_Vietnam_time_deadline()
    {
        await using var host = await StartAsync(infrastructure, "cmp-pdf");
        await NovemberAsync(host);

        using var response = await host.Client(LaoCaiLeader).GetAsync(Export + "?format=pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("DANH SÁCH ĐƠN VỊ CHƯA BÁO CÁO, BÁO CÁO MUỘN", text);
        Assert.Contains("Phạm vi: Tỉnh Lào Cai", text);
        Assert.Contains("Sở Y tế tỉnh Lào Cai", text);
        Assert.Contains("Sở Công Thương tỉnh Lào Cai", text);
        Assert.Contains("05/12/2026 17:00", text);
        Assert.Contains("Chưa báo cáo", text);
        Assert.Contains("Nộp muộn", text);
        Assert.Contains("33,3 %", text);
        Assert.Contains($"Trang 1/{pdf.NumberOfPages}", text);
    }

    [Fact]
    public async Task The_CSV_is_the_clean_table_of_the_chosen_status()
    {
        await using var host = await StartAsync(infrastructure, "cmp-csv");
        await NovemberAsync(host);

        using var response = await host.Client(NationalReviewer).GetAsync(Export + "?format=csv&status=on-time", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("STT,Đơn vị báo cáo,Báo cáo về đơn vị", lines[0]);
        Assert.Equal(["Sở Nội vụ tỉnh Lào Cai", "Sở Tài chính tỉnh Lào Cai", "Tỉnh Đồng Nai"], lines.Skip(1).Select(l => l.Split(',')[1]).ToList());
    }
}
