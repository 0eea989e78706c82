using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Reporting.Data;
using Platform.Reporting.Nq57;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Reporting.Tests.Compliance;
using Platform.Reporting.Tests.Documents;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;
using UglyToad.PdfPig;
using static Platform.Reporting.Tests.Compliance.ComplianceWorld;

namespace Platform.Reporting.Tests.Nq57;

public sealed class Nq57RoundTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Nq57 = "nq57-self-2026";
    private const string Round = "2026";
    private const string Path = "/api/reporting/nq57/2026";
    private static readonly DateTimeOffset Due = Vn(2026, 6, 19, 9);
    private static readonly TestUser CommuneReporter = new("bao-cao.xa-coc-san", [PlatformRoles.Reporter], OrgUnit: LaoCai);

    /// <summary>
    /// Lào Cai: Cốc San handed in on time and approved, Hợp Thành late, Bát Xát nothing. Đồng Nai: Biên Hòa returned and
    /// not handed in again, Định Quán approved. The deadline (19/6/2026 09:00) has passed.
    /// </summary>
    private static async Task RoundAsync(ServiceHost<Program, ReportingDbContext> host)
    {
        await RegisterUnitsAsync(host);
        foreach (var (code, name, province) in new[] { ("xa-coc-san", "Xã Cốc San", LaoCai), ("xa-hop-thanh", "Xã Hợp Thành", LaoCai),
                     ("xa-bat-xat", "Xã Bát Xát", LaoCai), ("phuong-bien-hoa", "Phường Biên Hòa", DongNai), ("xa-dinh-quan", "Xã Định Quán", DongNai) })
            await Unit(host, code, name, "commune", province);
        await AnnounceAsync(host, Nq57, Round, AgencyLevel, LaoCai, Due, 1, ["xa-coc-san", "xa-hop-thanh", "xa-bat-xat"]);
        await AnnounceAsync(host, Nq57, Round, AgencyLevel, DongNai, Due, 1, ["phuong-bien-hoa", "xa-dinh-quan"]);
        var cocSan = Guid.NewGuid();
        await SubmittedAsync(host, cocSan, "xa-coc-san", "xa-coc-san", false, Vn(2026, 6, 18, 8), framework: Nq57, period: Round);
        await ApprovedAsync(host, cocSan, "xa-coc-san", "xa-coc-san", false, Vn(2026, 6, 20, 8), 2, framework: Nq57, period: Round);
        await SubmittedAsync(host, Guid.NewGuid(), "xa-hop-thanh", "xa-hop-thanh", true, Vn(2026, 6, 19, 10), framework: Nq57, period: Round);
        var bienHoa = Guid.NewGuid();
        await SubmittedAsync(host, bienHoa, "phuong-bien-hoa", "phuong-bien-hoa", false, Vn(2026, 6, 17, 8), framework: Nq57, period: Round);
        await ReturnedAsync(host, bienHoa, "phuong-bien-hoa", "phuong-bien-hoa", Vn(2026, 6, 18, 8), 2, framework: Nq57, period: Round);
        var dinhQuan = Guid.NewGuid();
        await SubmittedAsync(host, dinhQuan, "xa-dinh-quan", "xa-dinh-quan", false, Vn(2026, 6, 17, 8), framework: Nq57, period: Round);
        await ApprovedAsync(host, dinhQuan, "xa-dinh-quan", "xa-dinh-quan", false, Vn(2026, 6, 18, 9), 2, framework: Nq57, period: Round);
    }

    private static async Task<Nq57RoundSummary> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<Nq57RoundSummary>(Ct))!;
    }

    [Fact]
    public async Task The_round_summary_counts_each_provinces_communes_in_Vietnamese_order()
    {
        await using var host = await StartAsync(infrastructure, "nq57-sum");
        await RoundAsync(host);

        var summary = await GetAsync(host.Client(NationalReviewer), Path);

        Assert.Equal((Nq57, Round, Root, "Cả nước", "19/06/2026 09:00"), (summary.Framework, summary.Round, summary.Unit, summary.UnitName, summary.DueAtVietnam));
        Assert.StartsWith("Tự đánh giá, chấm điểm kết quả thực hiện Nghị quyết số 57-NQ/TW", summary.FrameworkName);
        // Đồng Nai before Lào Cai: Đ sorts after D, before L.
        Assert.Equal([
            new Nq57ProvinceRow(DongNai, "Tỉnh Đồng Nai", 2, 1, 1, 1, 1, 0),
            new Nq57ProvinceRow(LaoCai, "Tỉnh Lào Cai", 3, 2, 1, 0, 1, 1),
        ], summary.Provinces);
        Assert.Equal(new Nq57Totals(5, 3, 2, 1, 2, 1), summary.Totals);
    }

    [Fact]
    public async Task A_province_sees_only_its_communes_any_signed_in_role_may_read_and_another_province_is_not_found()
    {
        await using var host = await StartAsync(infrastructure, "nq57-scope");
        await RoundAsync(host);

        var own = await GetAsync(host.Client(CommuneReporter), Path);
        Assert.Equal([new Nq57ProvinceRow(LaoCai, "Tỉnh Lào Cai", 3, 2, 1, 0, 1, 1)], own.Provinces);
        Assert.Equal(new Nq57Totals(3, 2, 1, 0, 1, 1), own.Totals);
        Assert.Equal(own.Provinces, (await GetAsync(host.Client(NationalReviewer), Path + "?unit=lao-cai")).Provinces);

        using var other = await host.Client(LaoCaiReviewer).GetAsync(Path + "?unit=dong-nai", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var anonymous = await host.Client().GetAsync(Path, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_bad_round_or_format_is_answered_400_in_Vietnamese_naming_each_field()
    {
        await using var host = await StartAsync(infrastructure, "nq57-input");
        var client = host.Client(NationalReviewer);

        using var round = await client.GetAsync("/api/reporting/nq57/dot%20mot", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, round.StatusCode);
        Assert.StartsWith("Đợt đánh giá \"dot mot\" không hợp lệ", (await round.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors["round"][0]);

        using var export = await client.GetAsync("/api/reporting/nq57/dot%20mot/export?format=docx", Ct);
        var problem = (await export.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!;
        Assert.Equal("Dữ liệu không hợp lệ", problem.Title);
        Assert.Equal(["format", "round"], problem.Errors.Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task The_round_document_has_a_row_per_province_with_a_total_and_lists_the_communes_not_reported_or_late()
    {
        await using var host = await StartAsync(infrastructure, "nq57-doc");
        await RoundAsync(host);
        using var scope = host.Services.CreateScope();

        var (document, problem) = await ExportNq57Round.BuildAsync(Round, "xlsx", null, DocumentProbe.Services(host, scope, NationalReviewer),
            scope.ServiceProvider.GetRequiredService<IOptions<Nq57Options>>(), Ct);

        Assert.Null(problem);
        Assert.Equal("TỔNG HỢP TÌNH HÌNH TỰ ĐÁNH GIÁ, CHẤM ĐIỂM THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW", document!.Title);
        Assert.Contains("Hạn báo cáo: 19/06/2026 09:00", document.Subtitles);
        Assert.Equal([
            [1, "Tỉnh Đồng Nai", 2, 1, 1, 1, 1, 0],
            [2, "Tỉnh Lào Cai", 3, 2, 1, 0, 1, 1],
            [null, "Tổng cộng", 5, 3, 2, 1, 2, 1],
        ], (await DocumentProbe.RowsAsync(document.Tables[0])).Select(r => r.ToArray()).ToList());
        Assert.Equal([("Phường Biên Hòa", "Chưa báo cáo"), ("Xã Bát Xát", "Chưa báo cáo"), ("Xã Hợp Thành", "Nộp muộn")],
            (await DocumentProbe.RowsAsync(document.Tables[1])).Select(r => ((string)r[1]!, (string)r[7]!)).ToList());
    }

    [Fact]
    public async Task The_round_downloads_as_a_workbook_of_two_sheets_and_as_a_PDF_with_the_communes_names()
    {
        await using var host = await StartAsync(infrastructure, "nq57-files");
        await RoundAsync(host);
        var client = host.Client(NationalReviewer);

        using var xlsx = await client.GetAsync(Path + "/export?format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("nq57-2026-vn.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar);
        using var book = WorkbookReader.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(["Theo tỉnh", "Chưa báo cáo, muộn"], book.SheetNames);
        var provinces = book.Sheet("Theo tỉnh").Descendants<Cell>().Where(c => c.CellReference!.Value!.StartsWith('B')).Select(c => book.Text("Theo tỉnh", c.CellReference!.Value!)).ToList();
        Assert.Equal(["Tỉnh Đồng Nai", "Tỉnh Lào Cai", "Tổng cộng"], provinces.SkipWhile(t => t != "Tỉnh Đồng Nai").Take(3).ToList());

        using var pdf = await client.GetAsync(Path + "/export?format=pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Ct));
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("NGHỊ QUYẾT SỐ 57-NQ/TW", text);
        Assert.Contains("Xã Hợp Thành", text);
        Assert.Contains("Phường Biên Hòa", text);
        Assert.Contains("Hạn báo cáo: 19/06/2026 09:00", text);
    }
}
