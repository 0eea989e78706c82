using System.Net;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Reporting.Tests.Dashboards;
using Platform.Reporting.Tests.Documents;
using Platform.TestSupport;
using UglyToad.PdfPig;

namespace Platform.Reporting.Tests.Public;

public sealed class PublicExportTests(PlatformInfrastructure infrastructure)
{
    private const string November = "/api/reporting/public/results/monthly-4585/2026-11/provinces/export";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anyone_downloads_the_results_as_excel_with_every_revisions_reason_and_the_changed_units()
    {
        await using var host = await PublishedWorld.StartAsync(infrastructure, "public-xlsx");

        using var response = await host.Client().GetAsync($"{November}?format=xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", response.Headers.GetValues("Report-Revision").Single());
        Assert.Equal("ket-qua-monthly-4585-2026-11-provinces-lan-2.xlsx", response.Content.Headers.ContentDisposition!.FileName);
        using var book = WorkbookReader.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var cells = book.Sheet("Kết quả").Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => book.Text("Kết quả", c.CellReference!.Value!));
        var laoCai = cells.Single(c => c.Value == "Tỉnh Lào Cai").Key;
        var row = laoCai[1..];
        // Rank, unit, A–E, bonus, total, class: the correction's 86.
        Assert.Equal("1", cells["A" + row]);
        Assert.Equal(86d, book.Number("Kết quả", "I" + row));
        Assert.Equal("Loại A (Xuất sắc)", cells["J" + row]);
        Assert.Contains(cells.Values, v => v == "Lần 1 (08/12/2026 09:00): công bố lần đầu.");
        Assert.Contains(cells.Values, v => v == $"Lần 2 (09/12/2026 09:00), đính chính lần 1: {PublishedWorld.CorrectionReason}. Đơn vị thay đổi: Tỉnh Lào Cai.");
    }

    [Fact]
    public async Task Anyone_downloads_an_earlier_revision_as_csv_which_parses_as_the_results_table()
    {
        await using var host = await PublishedWorld.StartAsync(infrastructure, "public-csv");

        using var response = await host.Client().GetAsync($"{November}?format=csv&revision=1", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("Report-Revision").Single());
        var text = await response.Content.ReadAsStringAsync(Ct);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Hạng,Đơn vị,", lines[0]);
        Assert.Equal(["1,Thành phố Hà Nội", "2,Tỉnh Lào Cai", "3,Tỉnh Thanh Hóa"], lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))));
        Assert.Equal("72", lines[2].Split(',')[8]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task The_dti_report_downloads_as_a_pdf_whose_text_holds_the_provinces_totals_and_the_correction_reason()
    {
        await using var host = await Dti.DtiWorld.StartAsync(infrastructure, "dti-pdf");

        using var response = await host.Client(PublishedWorld.LaoCaiReporter).GetAsync("/api/reporting/dti/2026/export?format=pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Thành phố Hà Nội", text, StringComparison.Ordinal);
        Assert.Contains("760,50", text, StringComparison.Ordinal);
        Assert.Contains("Hạ tầng số", text, StringComparison.Ordinal);
        Assert.Contains("Chưa báo cáo", text, StringComparison.Ordinal);
        Assert.Contains("Bổ sung số liệu trụ cột", text, StringComparison.Ordinal);
    }
}
