using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Reports;
using static Platform.Web.Tests.Reports.ReportData;

namespace Platform.Web.Tests.Reports;

/// <summary>Dashboards, the on-time trend and the heads-of-agency view: each chart with its table beside it.</summary>
public sealed class DashboardPagesTests : BunitContext
{
    private readonly StubGateway _gateway;

    public DashboardPagesTests() =>
        _gateway = this.UseStubGateway().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");

    private static UnitMonth Month(string period, string name, decimal? total, string? cls) => new(period, name, total is not null, total, cls,
        total is null ? null : 3, 34, total is null ? new Dictionary<string, decimal>() : new Dictionary<string, decimal> { ["A"] = 12.5m, ["B"] = 3 }, 40.5m, 42m, 91.25m);

    [Fact]
    public void A_units_dashboard_draws_its_months_against_its_peers_with_the_same_numbers_in_tables_and_links_to_its_agencies_submissions()
    {
        _gateway.Answer("/api/reporting/dashboards/units/lao-cai?framework=monthly-4585", new UnitDashboard("monthly-4585", "lao-cai", "Tỉnh Lào Cai", "provinces", "Tỉnh, thành phố",
            Groups, [Month("2025-12", "tháng 12/2025", 45.5m, "D"), Month("2026-01", "tháng 01/2026", null, null), Month("2026-02", "tháng 02/2026", 61m, "C")], []));
        _gateway.Answer("/api/reporting/dashboards/classes?framework=monthly-4585&peerGroup=provinces", new ClassDistribution("monthly-4585", "provinces", "Tỉnh, thành phố",
            [new ClassMonth("2026-01", "tháng 01/2026", 1, 0, 0, 1, 32), new ClassMonth("2026-02", "tháng 02/2026", 2, 5, 7, 3, 17)]));

        var page = Render<DashboardsPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=month-row]").Count));
        var chart = page.Find("[data-testid=total-chart] svg");
        Assert.Equal("img", chart.GetAttribute("role"));
        // The unreported January breaks the unit's line: no run of two points, so no line of the unit; its two dots stay.
        Assert.Equal(2, page.FindAll("[data-testid=total-chart] circle.series-0").Count);
        Assert.Empty(page.FindAll("[data-testid=total-chart] polyline.series-0"));
        Assert.Single(page.FindAll("[data-testid=total-chart] polyline.series-1"));
        Assert.Contains("01/2026", page.Find("[data-testid=total-chart] svg").InnerHtml, StringComparison.Ordinal);
        Assert.Contains("<text", page.Find("[data-testid=total-chart] svg").InnerHtml, StringComparison.Ordinal);
        Assert.Equal("45,5", page.Find("[data-testid=month-row][data-period='2025-12'] [data-testid=month-total]").TextContent);
        Assert.Equal("chưa báo cáo", page.Find("[data-testid=month-row][data-period='2026-01'] [data-testid=month-total]").TextContent);
        Assert.Equal("/bao-cao/tinh-hinh-nop?unit=lao-cai&status=all", page.Find("[data-testid=drill-down]").GetAttribute("href"));
        // January: A, D and "chưa báo cáo" (B and C are empty, drawn not at all); February: all five parts.
        Assert.Equal(3 + 5, page.FindAll("[data-testid=class-chart] rect").Count);
        Assert.Equal("17", page.Find("[data-testid=class-table] tr[data-period='2026-02'] td:last-child").TextContent);
    }

    [Fact]
    public void The_on_time_trend_draws_the_scopes_rate_and_lists_each_unit_by_name()
    {
        _gateway.Answer("/api/reporting/compliance/monthly-4585/trend", new ComplianceTrend("monthly-4585", "Chấm điểm hằng tháng (QĐ 4585)", "lao-cai", "Tỉnh Lào Cai",
            ["2025-12", "2026-01"], ["tháng 12/2025", "tháng 01/2026"],
            [
                new UnitComplianceTrend("lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", [new("2025-12", 2, 2, 0, 0), new("2026-01", 2, 1, 1, 0)], 0.75m),
                new UnitComplianceTrend("lao-cai.so-tc", "Sở Tài chính tỉnh Lào Cai", [new("2025-12", 1, 0, 0, 1), new("2026-01", 1, 1, 0, 0)], 0.5m),
            ]));

        var page = Render<ComplianceTrendPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=trend-row]").Count));
        Assert.Equal("75%", page.Find("[data-testid=trend-row][data-unit='lao-cai.so-khcn'] [data-testid=trend-rate]").TextContent);
        Assert.Contains("1/2", page.Find("[data-testid=trend-row][data-unit='lao-cai.so-khcn']").TextContent, StringComparison.Ordinal);
        // The scope's rate: December 2 of 3 due on time (66,7%), January 2 of 3 (66,7%).
        Assert.Contains("12/2025: 66,7", page.Find("[data-testid=trend-chart] svg").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_is_chosen_by_name_among_the_scored_units_of_the_scope()
    {
        static UnitRevision Unit(string code, string name, params string[] peerGroups) =>
            new(code, name, "province", "vn", peerGroups, new DateOnly(2025, 7, 1), null, 1);
        _gateway.Answer("/api/intake/units?pageSize=500", new PageOf<UnitRevision>(
            [Unit("lao-cai", "Tỉnh Lào Cai", "provinces"), Unit("lao-cai.so-tc", "Sở Tài chính tỉnh Lào Cai"), Unit("dak-lak", "Tỉnh Đắk Lắk", "provinces"),
             Unit("ca-mau", "Tỉnh Cà Mau", "provinces")], 4, 1, 500));
        _gateway.Answer("/api/reporting/dashboards/units/lao-cai?framework=monthly-4585", new UnitDashboard("monthly-4585", "lao-cai", "Tỉnh Lào Cai", "provinces",
            "Tỉnh, thành phố", Groups, [Month("2026-01", "tháng 01/2026", 61m, "C")], []));

        var page = Render<DashboardsPage>();

        // Names, in Vietnamese order (Đ after D); an agency without a peer group is not scored and not offered.
        page.WaitForAssertion(() => Assert.Equal(["Tỉnh Cà Mau", "Tỉnh Đắk Lắk", "Tỉnh Lào Cai"],
            page.FindAll("[data-testid=dashboard-unit] option").Select(o => o.TextContent)));
        Assert.Equal("lao-cai", page.Find("[data-testid=dashboard-unit] option[selected]").GetAttribute("value"));
    }

    [Fact]
    public void The_heads_of_agency_view_lists_each_units_month_classes_of_the_year_and_on_time_rate()
    {
        _gateway.Answer("/api/reporting/dashboards/leaders?framework=monthly-4585", new LeadersView("monthly-4585", "2026-01", "tháng 01/2026", "lao-cai", "Tỉnh Lào Cai", 1, 1, 100,
            [new LeaderLine("lao-cai", "Tỉnh Lào Cai", "provinces", 30m, "D", "Loại D", 1, 1, -1.25m, 0, 0, 0, 1, 0, 0.875m)]));

        var page = Render<LeadersPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=leader-row]")));
        Assert.Equal("87,5%", page.Find("[data-testid=leader-on-time]").TextContent);
        Assert.Contains("−1,25", page.Find("[data-testid=leader-row]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Trang 1/1 · 1 đơn vị", page.Find("[data-testid=pager]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_heads_of_agency_view_of_a_large_scope_is_paged()
    {
        _gateway.Answer("/api/reporting/dashboards/leaders?framework=monthly-4585&page=2", new LeadersView("monthly-4585", "2026-01", "tháng 01/2026",
            "vn", "Cả nước", 250, 2, 100, [new LeaderLine("lao-cai", "Tỉnh Lào Cai", "provinces", 30m, "D", "Loại D", 101, 250, null, 0, 0, 0, 1, 0, null)]));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/bao-cao/lanh-dao?trang=2");
        var page = Render<LeadersPage>();

        page.WaitForAssertion(() => Assert.Contains("Trang 2/3 · 250 đơn vị", page.Find("[data-testid=pager]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["/bao-cao/lanh-dao?trang=1", "/bao-cao/lanh-dao?trang=3"],
            page.FindAll("[data-testid=pager] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_heads_of_agency_view_is_refused_to_a_reporter()
    {
        _gateway.SignedIn("lao-cai.so-khcn.reporter", "lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "reporter");

        var page = Render<LeadersPage>();

        page.WaitForAssertion(() => Assert.Contains("Không có quyền truy cập", page.Markup, StringComparison.Ordinal));
    }
}
