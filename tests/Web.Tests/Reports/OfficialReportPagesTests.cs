using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Reports;
using static Platform.Web.Tests.Reports.ReportData;

namespace Platform.Web.Tests.Reports;

/// <summary>The meeting ranking and a unit's scorecard, read from reporting's contract.</summary>
public sealed class OfficialReportPagesTests : BunitContext
{
    private const string Ranked = "/api/reporting/rankings/monthly-4585/2026-01/provinces?page=1";
    private readonly StubGateway _gateway;

    public OfficialReportPagesTests()
    {
        _gateway = this.UseStubGateway().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        _gateway.Answer("/api/reporting/rankings?framework=monthly-4585", new[]
        {
            new PublishedRankingInfo("monthly-4585", "Chấm điểm hằng tháng (QĐ 4585)", "2026-01", "tháng 01/2026", "provinces", "Tỉnh, thành phố", 2,
                new DateTimeOffset(2026, 2, 6, 3, 0, 0, TimeSpan.Zero), "10:00 ngày 06/02/2026", 34),
        });
    }

    [Fact]
    public void The_meeting_ranking_shows_groups_under_one_header_classes_changes_the_commendation_list_the_correction_and_the_legal_footer()
    {
        _gateway.Answer(Ranked, Ranking("Cộng 2,5 điểm thưởng cho Tỉnh Lào Cai",
            RankingLine(1, "ha-noi", "Thành phố Hà Nội", 91.25m, "A", previousRank: 2, change: 3.5m, rankChange: 1),
            RankingLine(2, "lao-cai", "Tỉnh Lào Cai", 30m, "D", previousRank: 1, change: -1.25m, rankChange: -1),
            RankingLine(null, "cao-bang", "Tỉnh Cao Bằng", null, null)));

        var page = Render<MeetingRankingPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=ranking-row]").Count));
        var header = page.Find("[data-testid=meeting-ranking] thead th[colspan]");
        Assert.Equal("Điểm theo nhóm chỉ số", header.TextContent);
        Assert.Equal("5", header.GetAttribute("colspan"));
        var haNoi = page.Find("[data-testid=ranking-row][data-unit=ha-noi]");
        Assert.Equal("91,25", haNoi.QuerySelector("[data-testid=unit-total]")!.TextContent);
        Assert.Equal("17,3", haNoi.QuerySelector("[data-group=A]")!.TextContent);
        Assert.Equal("+3,5", haNoi.QuerySelector("[data-testid=total-change]")!.TextContent);
        Assert.Equal("lên 1 bậc", haNoi.QuerySelector("[data-testid=rank-change]")!.TextContent);
        var laoCai = page.Find("[data-testid=ranking-row][data-unit=lao-cai]");
        Assert.Equal("−1,25", laoCai.QuerySelector("[data-testid=total-change]")!.TextContent);
        Assert.Equal("xuống 1 bậc", laoCai.QuerySelector("[data-testid=rank-change]")!.TextContent);
        Assert.Equal("chưa báo cáo", page.Find("[data-unit=cao-bang] [data-testid=not-reported]").TextContent);
        Assert.Equal("/bao-cao/phieu-diem/2026-01/lao-cai?nhom=provinces", laoCai.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["ha-noi"], page.FindAll("[data-testid=commendation-list] li").Select(li => li.GetAttribute("data-unit")));
        Assert.Equal("32", page.Find("[data-testid=class-distribution] tr[data-class=none] td").TextContent);
        Assert.Contains("Cộng 2,5 điểm thưởng cho Tỉnh Lào Cai", page.Find("[data-testid=correction-reason]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Căn cứ: Chấm điểm hằng tháng (QĐ 4585), phiên bản 2026.1; kết quả tháng 01/2026, lần công bố 2, lúc 10:00 ngày 06/02/2026.",
            page.Find("[data-testid=legal-footer]").TextContent);
        Assert.Equal("/api/reporting/rankings/monthly-4585/2026-01/provinces/export?format=pdf&revision=2", page.Find("[data-testid=download-pdf]").GetAttribute("href"));
        Assert.Equal("/api/reporting/rankings/monthly-4585/2026-01/provinces/export?format=xlsx&revision=2", page.Find("[data-testid=download-xlsx]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=download-csv]"));
    }

    [Fact]
    public void Without_a_published_ranking_for_the_group_the_page_says_so()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/bao-cao/xep-hang?nhom=ministries");

        var page = Render<MeetingRankingPage>();

        page.WaitForAssertion(() => Assert.Equal("Chưa có kết quả nào được công bố cho nhóm này.", page.Find("[data-testid=ranking-empty]").TextContent));
        Assert.DoesNotContain(_gateway.Requests, r => r.PathAndQuery.StartsWith("/api/reporting/rankings/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scorecard_shows_the_groups_indicators_what_to_improve_and_its_downloads()
    {
        _gateway.Answer("/api/reporting/scorecards/monthly-4585/2026-01/lao-cai", new Scorecard(
            "monthly-4585", "Chấm điểm hằng tháng (QĐ 4585)", "2026.1", "2026-01", "tháng 01/2026", "lao-cai", "Tỉnh Lào Cai", "provinces", "Tỉnh, thành phố", 2,
            new DateTimeOffset(2026, 2, 6, 3, 0, 0, TimeSpan.Zero), "10:00 ngày 06/02/2026", true, 29.8m, "D", "Loại D", 1, 1, 2.5m, null, null,
            [new ScorecardGroup("A", "Thực hiện nhiệm vụ", 17.3m, 20, [new ScorecardIndicator("A1", "Nhiệm vụ đúng hạn", 14.4m, 18, ["missing"], ["chưa báo cáo"])])],
            [new ImprovementItem("E1", "Thành phần cuộc họp", 0, 5, 5, "Báo cáo số cuộc họp đã tổ chức và số cuộc họp đúng thành phần.")]));

        var page = Render<ScorecardPage>(p => p.Add(c => c.Period, "2026-01").Add(c => c.Unit, "lao-cai"));

        page.WaitForAssertion(() => Assert.Equal("Phiếu điểm tháng 01/2026: Tỉnh Lào Cai", page.Find("[data-testid=scorecard-title]").TextContent));
        Assert.Equal("29,8", page.Find("[data-testid=scorecard-total]").TextContent);
        Assert.Equal("1/1", page.Find("[data-testid=scorecard-rank]").TextContent);
        var a1 = page.Find("[data-testid=scorecard-indicator][data-code=A1]");
        Assert.Contains("14,4", a1.TextContent, StringComparison.Ordinal);
        Assert.Contains("chưa báo cáo", a1.TextContent, StringComparison.Ordinal);
        Assert.Contains("Báo cáo số cuộc họp", page.Find("[data-testid=improvements]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/api/reporting/scorecards/monthly-4585/2026-01/lao-cai/export?format=xlsx", page.Find("[data-testid=download-xlsx]").GetAttribute("href"));
    }
}
