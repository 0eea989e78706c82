using Microsoft.Extensions.DependencyInjection;
using Platform.Reporting.Compliance;
using Platform.Reporting.Documents;
using Platform.TestSupport;
using static Platform.Reporting.Tests.Compliance.ComplianceWorld;

namespace Platform.Reporting.Tests.Compliance;

public sealed class ComplianceExportTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_who_is_late_document_lists_the_provinces_overdue_reports_with_its_deadlines_totals_and_sources()
    {
        await using var host = await StartAsync(infrastructure, "cmp-doc");
        await NovemberAsync(host);
        using var scope = host.Services.CreateScope();

        var (document, problem) = await ExportCompliance.BuildAsync(Framework, Period, "xlsx", null, null, DocumentProbe.Services(host, scope, LaoCaiReviewer), Ct);

        Assert.Null(problem);
        Assert.Equal("DANH SÁCH ĐƠN VỊ CHƯA BÁO CÁO, BÁO CÁO MUỘN", document!.Title);
        Assert.Equal("TỈNH LÀO CAI", document.Issuer);
        Assert.Equal("chua-bao-cao-bao-cao-muon-monthly-4585-2026-11-lao-cai", document.FileName);
        Assert.Equal(["Kỳ báo cáo: Tháng 11/2026", "Phạm vi: Tỉnh Lào Cai", "Hạn nộp – Cơ quan, đơn vị báo cáo tỉnh: 05/12/2026 17:00",
            "Hạn nộp – Báo cáo về Trung ương: 10/12/2026 17:00"], document.Subtitles.Skip(1));
        var table = Assert.Single(document.Tables);
        Assert.Equal(["STT", "Đơn vị báo cáo", "Báo cáo về đơn vị", "Nơi nhận báo cáo", "Cấp báo cáo", "Vai trò", "Hạn nộp", "Tình trạng", "Thẩm định",
            "Ngày nộp", "Số ngày muộn"], table.Columns.Select(c => c.Header));
        var rows = await DocumentProbe.RowsAsync(table);
        Assert.Equal([
            [1, "Đài Phát thanh và Truyền hình tỉnh Lào Cai", "Tỉnh Lào Cai", "Tỉnh Lào Cai", "Cơ quan, đơn vị báo cáo tỉnh", "Chủ trì", AgencyDue, "Chưa báo cáo", null, null, 2],
            [2, "Sở Công Thương tỉnh Lào Cai", "Tỉnh Lào Cai", "Tỉnh Lào Cai", "Cơ quan, đơn vị báo cáo tỉnh", "Chủ trì", AgencyDue, "Chưa báo cáo", null, null, 2],
            [3, "Sở Xây dựng tỉnh Lào Cai", "Tỉnh Lào Cai", "Tỉnh Lào Cai", "Cơ quan, đơn vị báo cáo tỉnh", "Chủ trì", AgencyDue, "Chưa báo cáo", "Bị trả lại", Vn(2026, 12, 2, 8), 2],
            [4, "Sở Y tế tỉnh Lào Cai", "Tỉnh Lào Cai", "Tỉnh Lào Cai", "Cơ quan, đơn vị báo cáo tỉnh", "Chủ trì", AgencyDue, "Nộp muộn", "Chờ thẩm định", Vn(2026, 12, 6, 8), 1],
        ], rows.Select(r => r.Select(Normal).ToArray()).ToList());
        Assert.Equal("Tổng số báo cáo phải nộp: 7; nộp đúng hạn: 2; nộp muộn: 1; chưa báo cáo: 3; chưa đến hạn: 1; tỷ lệ đúng hạn: 33,3 %.", document.Notes[0]);
        Assert.Equal((Framework, Period, ComplianceWorld.Version, (int?)null, Now), (document.Source.Framework, document.Source.Period, document.Source.FrameworkVersion,
            document.Source.Revision, document.Source.GeneratedAt));
        Assert.NotNull(document.Source.AsOf);
    }

    [Fact]
    public async Task Every_status_has_its_own_title_and_all_lists_every_owed_report_of_the_scope()
    {
        await using var host = await StartAsync(infrastructure, "cmp-doc-all");
        await NovemberAsync(host);
        using var scope = host.Services.CreateScope();
        var services = DocumentProbe.Services(host, scope, NationalReviewer);

        var (all, _) = await ExportCompliance.BuildAsync(Framework, Period, "pdf", null, "all", services, Ct);
        Assert.Equal(("TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ", "BỘ KHOA HỌC VÀ CÔNG NGHỆ"), (all!.Title, all.Issuer));
        Assert.Equal(9, (await DocumentProbe.RowsAsync(all.Tables[0])).Count);
        var (onTime, _) = await ExportCompliance.BuildAsync(Framework, Period, "csv", null, "on-time", services, Ct);
        Assert.Equal("DANH SÁCH ĐƠN VỊ NỘP BÁO CÁO ĐÚNG HẠN", onTime!.Title);
        Assert.Equal(["Sở Nội vụ tỉnh Lào Cai", "Sở Tài chính tỉnh Lào Cai", "Tỉnh Đồng Nai"],
            (await DocumentProbe.RowsAsync(onTime.Tables[0])).Select(r => (string)r[1]!));
    }

    /// <summary>Dates as instants (the row holds UTC offsets from the database), everything else as is.</summary>
    private static object? Normal(object? value) => value is DateTimeOffset at ? at.ToUniversalTime() : value;
}
