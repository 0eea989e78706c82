using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Components.Pages.Reports;
using static Platform.Web.Tests.Reports.ReportData;

namespace Platform.Web.Tests.Reports;

/// <summary>"Who is late" (<c>/bao-cao/tinh-hinh-nop</c>) against a stub gateway answering reporting's contract.</summary>
public sealed class CompliancePageTests : BunitContext
{
    private const string January = "/api/reporting/compliance/monthly-4585/2026-01";
    private readonly StubGateway _gateway;

    public CompliancePageTests()
    {
        _gateway = this.UseStubGateway();
        Services.AddSingleton<TimeProvider>(new February4());
    }

    [Fact]
    public void A_province_reviewer_sees_who_has_not_reported_by_name_with_vietnamese_numbers_dates_and_the_drill_down_by_unit()
    {
        _gateway.SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        _gateway.Answer(January + "?status=overdue&page=1&pageSize=50", Compliance(
            Line("lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "not-reported", "Chưa báo cáo", daysLate: 2),
            Line("lao-cai.so-tc", "Sở Tài chính tỉnh Lào Cai", "late", "Nộp muộn", daysLate: 1, submittedAt: Due.AddHours(16.5), review: "submitted", reviewName: "Chờ thẩm định")));
        _gateway.Answer(January + "/by-unit", ByUnit());

        var page = Render<CompliancePage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=compliance-line]").Count));
        var lines = page.FindAll("[data-testid=compliance-line]");
        Assert.Equal("Sở Khoa học và Công nghệ tỉnh Lào Cai", lines[0].QuerySelector("th")!.TextContent);
        Assert.Equal("Chưa báo cáo", lines[0].QuerySelector("[data-testid=line-status]")!.TextContent);
        Assert.Equal("2", lines[0].QuerySelector("[data-testid=days-late]")!.TextContent);
        Assert.Contains("17:00 ngày 02/02/2026", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Chờ thẩm định", lines[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("09:30 ngày 03/02/2026", lines[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("1.250", page.Find("[data-testid=total-owed]").TextContent);
        Assert.Equal("80%", page.Find("[data-testid=on-time-rate]").TextContent);
        Assert.Equal("overdue", page.Find("#status option[selected]").GetAttribute("value"));
        Assert.Contains("Tỉnh Lào Cai — tháng 01/2026", page.Find("[data-testid=compliance-title]").TextContent, StringComparison.Ordinal);
        var drill = page.Find("[data-testid=by-unit-row][data-unit='lao-cai.so-khcn'] a");
        Assert.Equal("/bao-cao/tinh-hinh-nop?khung=monthly-4585&ky=2026-01&unit=lao-cai.so-khcn&status=overdue", drill.GetAttribute("href"));
        Assert.Equal("/api/reporting/compliance/monthly-4585/2026-01/export?format=pdf&status=overdue", page.Find("[data-testid=download-pdf]").GetAttribute("href"));
        Assert.Equal(["Tải Excel (.xlsx)", "Tải PDF", "Tải CSV"], page.FindAll("[data-testid=downloads] a").Select(a => a.TextContent));
        Assert.Contains("Trang 1/25 · 1.250 báo cáo", page.Find("[data-testid=pager]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_and_status_chosen_in_the_address_are_asked_of_the_service_and_carried_into_the_downloads()
    {
        _gateway.SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        _gateway.Answer(January + "?unit=lao-cai.so-tc&status=late&page=1&pageSize=50", Compliance(
            Line("lao-cai.so-tc", "Sở Tài chính tỉnh Lào Cai", "late", "Nộp muộn", daysLate: 1, submittedAt: Due.AddHours(16.5))));
        _gateway.Answer(January + "/by-unit?unit=lao-cai.so-tc", ByUnit());

        Services.GetRequiredService<NavigationManager>().NavigateTo("/bao-cao/tinh-hinh-nop?unit=lao-cai.so-tc&status=late");
        var page = Render<CompliancePage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=compliance-line]")));
        Assert.Equal("/api/reporting/compliance/monthly-4585/2026-01/export?format=xlsx&unit=lao-cai.so-tc&status=late",
            page.Find("[data-testid=download-xlsx]").GetAttribute("href"));
        Assert.Equal("lao-cai.so-tc", page.Find("#unit option[selected]").GetAttribute("value"));
    }

    [Fact]
    public void Nobody_late_reads_as_a_sentence_not_an_empty_table()
    {
        _gateway.SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        _gateway.Answer(January + "?status=overdue&page=1&pageSize=50", Compliance());
        _gateway.Answer(January + "/by-unit", ByUnit());

        var page = Render<CompliancePage>();

        page.WaitForAssertion(() => Assert.Equal("Không có đơn vị nào chưa báo cáo hoặc nộp muộn trong kỳ này.", page.Find("[data-testid=compliance-empty]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=compliance-lines]"));
    }

    [Fact]
    public void The_services_problem_is_shown_in_vietnamese()
    {
        _gateway.SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        _gateway.Problem(January + "?status=overdue&page=1&pageSize=50", HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ",
            "Kỳ báo cáo không đúng dạng YYYY-MM.", new Dictionary<string, string[]> { ["period"] = ["Kỳ báo cáo không đúng dạng YYYY-MM."] });

        var page = Render<CompliancePage>();

        page.WaitForAssertion(() => Assert.Contains("Kỳ báo cáo không đúng dạng YYYY-MM.", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=compliance-line]"));
    }

    [Fact]
    public void A_reporter_is_refused()
    {
        _gateway.SignedIn("lao-cai.so-khcn.reporter", "lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "reporter");

        var page = Render<CompliancePage>();

        page.WaitForAssertion(() => Assert.Contains("Không có quyền truy cập", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(_gateway.Requests, r => r.PathAndQuery.StartsWith("/api/reporting/", StringComparison.Ordinal));
    }
}
