using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Reporting.Documents;
using Platform.Reporting.Dti;
using Platform.Reporting.ReadModels;
using Platform.Reporting.Tests.Dashboards;
using Platform.Scoring;
using Platform.TestSupport;

namespace Platform.Reporting.Tests.Dti;

public sealed class DtiReportTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_annual_report_ranks_the_provinces_of_the_current_revision_with_last_years_rank_and_the_correction_reason()
    {
        await using var host = await DtiWorld.StartAsync(infrastructure, "dti-report");

        var report = (await host.Client(PublishedWorld.LaoCaiReporter).GetFromJsonAsync<DtiReport>("/api/reporting/dti/2026", Ct))!;

        Assert.Equal(("dti-province-405", "Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh", "2026", 2, true, DtiWorld.Reason),
            (report.Framework, report.FrameworkName, report.Year, report.Revision, report.Current, report.CorrectionReason));
        Assert.Equal("01/12/2026 09:00", report.PublishedAtVietnam);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], report.Pillars.Select(p => p.Code));
        Assert.Equal(("Hạ tầng số", 200m), (report.Pillars[2].Name, report.Pillars[2].Max!.Value));

        Assert.Equal(["Thành phố Hà Nội", "Tỉnh Lào Cai", "Tỉnh Thanh Hóa"], report.Provinces.Select(p => p.UnitName));
        var haNoi = report.Provinces[0];
        // 760,5 − 520 = 240,5 on pillar 3; last year 700, rank 1.
        Assert.Equal((1, 760.5m, 240.5m, 1, 700m), (haNoi.Rank!.Value, haNoi.Total!.Value, haNoi.Pillars["3"], haNoi.PreviousRank!.Value, haNoi.PreviousTotal!.Value));
        Assert.Equal((2, 750m, 2, 600m), (report.Provinces[1].Rank!.Value, report.Provinces[1].Total!.Value, report.Provinces[1].PreviousRank!.Value, report.Provinces[1].PreviousTotal!.Value));
        var thanhHoa = report.Provinces[2];
        Assert.Equal((false, null, null, 3, 500m), (thanhHoa.Reported, thanhHoa.Rank, thanhHoa.Total, thanhHoa.PreviousRank, thanhHoa.PreviousTotal));
        Assert.Empty(thanhHoa.Pillars);

        var first = (await host.Client(PublishedWorld.LaoCaiReporter).GetFromJsonAsync<DtiReport>("/api/reporting/dti/2026?revision=1", Ct))!;
        Assert.Equal((1, false, null, "lao-cai"), (first.Revision, first.Current, first.CorrectionReason, first.Provinces[0].Unit));
    }

    [Fact]
    public async Task The_annual_report_document_holds_the_ranking_the_changes_the_reason_and_what_it_was_built_from()
    {
        await using var host = await DtiWorld.StartAsync(infrastructure, "dti-document");
        await using var db = host.Db();
        var publication = await db.Set<Publication>().SingleAsync(p => p.Framework == DtiWorld.Framework && p.Period == "2026" && p.IsCurrent, Ct);
        var generated = new DateTimeOffset(2026, 12, 10, 3, 0, 0, TimeSpan.Zero);

        var document = DtiExport.Build(db, host.Services.GetRequiredService<FrameworkCatalog>(), new ReportingOptions(), publication, generated);

        Assert.Equal("chi-so-chuyen-doi-so-cap-tinh-2026-lan-2", document.FileName);
        Assert.Equal("BÁO CÁO CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP TỈNH NĂM 2026", document.Title);
        var table = Assert.Single(document.Tables);
        Assert.Equal(["Hạng", "Tỉnh, thành phố", "1. Nhận thức số (50)", "2. Thể chế số (50)", "3. Hạ tầng số (200)", "4. Nhân lực số (100)",
            "5. An toàn thông tin mạng (100)", "6. Hoạt động chính quyền số (200)", "7. Hoạt động kinh tế số (150)", "8. Hoạt động xã hội số (150)",
            "Tổng điểm (1.000)", "Hạng năm 2025", "Tổng điểm năm 2025", "Thay đổi hạng", "Thay đổi tổng điểm", "Ghi chú"], table.Columns.Select(c => c.Header));
        Assert.All(table.Columns.Skip(2).Take(8), c => Assert.Equal("Điểm theo trụ cột", c.Group));
        var rows = new List<IReadOnlyList<object?>>();
        await foreach (var row in table.Rows) rows.Add(row);
        Assert.Equal(3, rows.Count);
        Assert.Equal(new object?[] { 1, "Thành phố Hà Nội", 40m, 40m, 240.5m, 80m, 80m, 120m, 80m, 80m, 760.5m, 1, 700m, 0, 60.5m, null }, rows[0]);
        // Lào Cai: rank 2 both years, 750 − 600 = +150.
        Assert.Equal(new object?[] { 2, "Tỉnh Lào Cai", 40m, 40m, 230m, 80m, 80m, 120m, 80m, 80m, 750m, 2, 600m, 0, 150m, null }, rows[1]);
        Assert.Equal(new object?[] { null, "Tỉnh Thanh Hóa", null, null, null, null, null, null, null, null, null, 3, 500m, null, null, "Chưa báo cáo" }, rows[2]);
        Assert.Contains(document.Notes, n => n.Contains(DtiWorld.Reason, StringComparison.Ordinal) && n.Contains("lần công bố thứ 2", StringComparison.Ordinal));
        Assert.Contains(document.Notes, n => n.StartsWith("Căn cứ: Quyết định số 405/QĐ-BKHCN ngày 03/04/2025", StringComparison.Ordinal));
        Assert.Equal(new BuiltFrom("national", DtiWorld.Framework, "Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh", DtiWorld.Version, "2026", 2,
            publication.PublishedAt, publication.PublishedAt, generated), document.Source);
    }

    [Theory]
    [InlineData("/api/reporting/dti/20x6", "year")]
    [InlineData("/api/reporting/dti/2026?revision=0", "revision")]
    [InlineData("/api/reporting/dti/2026/export?format=xlsx&revision=hai", "revision")]
    public async Task A_malformed_year_or_revision_is_a_vietnamese_400_naming_it(string url, string field)
    {
        await using var host = await ReportingHost.StartAsync(infrastructure, "dti-input");

        using var response = await host.Client(PublishedWorld.LaoCaiReporter).GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!;
        Assert.Equal([field], problem.Errors.Keys);
        Assert.Contains($"({field})", problem.Errors[field][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_not_yet_published_is_not_found()
    {
        await using var host = await DtiWorld.StartAsync(infrastructure, "dti-missing");

        using var response = await host.Client(PublishedWorld.LaoCaiReporter).GetAsync("/api/reporting/dti/2027", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!;
        Assert.Equal("Chỉ số chuyển đổi số cấp tỉnh năm 2027 chưa được công bố.", problem.Detail);
    }
}
