using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Reporting;

namespace Platform.Web.Tests.Reporting;

public sealed class ImportReportTests : BunitContext
{
    [Fact]
    public void A_refused_file_lists_every_wrong_cell_with_its_column_unit_input_and_message()
    {
        var report = Render<ImportReport>(p => p
            .Add(r => r.Cells, new List<ImportCell>
            {
                new(4, "A", null, null, "Đơn vị 'ha-noi' không thuộc phạm vi hoặc không được giao."),
                new(3, "C", "lao-cai", "A.due", "Số nhiệm vụ đến hạn trong tháng (Hệ thống 57): phải là số (nhận được 'mười')."),
            })
            .Add(r => r.Framework, ShippedDefinitions.View(MonthlyFramework.Id, "2026-01")));

        Assert.Contains("2 ô cần sửa", report.Find("h2").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Ô", "Cột", "Đơn vị", "Chỉ tiêu", "Lỗi"], report.FindAll("thead th").Select(th => th.TextContent));
        var rows = report.FindAll("tbody tr");
        Assert.Equal(["C3", "A4"], rows.Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Equal(["C", "lao-cai", "Số nhiệm vụ đến hạn trong tháng (Hệ thống 57) (A.due)", "Số nhiệm vụ đến hạn trong tháng (Hệ thống 57): phải là số (nhận được 'mười')."],
            rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal("—", rows[1].QuerySelectorAll("td")[1].TextContent);
        Assert.Empty(report.FindAll("[data-testid=import-success]"));
    }

    [Fact]
    public void A_saved_file_is_summarised_in_Vietnamese_numbers()
    {
        var report = Render<ImportReport>(p => p.Add(r => r.Outcome, new ImportOutcome(Created: 1200, Updated: 3, Unchanged: 0, Rows: 1203)));

        var text = report.Find("[data-testid=import-success]").TextContent;
        Assert.Contains("Đã đọc 1.203 dòng: tạo mới 1.200 bản nháp, cập nhật 3", text, StringComparison.Ordinal);
        Assert.Contains("bản nháp", text, StringComparison.Ordinal);
    }
}
