using System.Net;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Scoreboard;
using static Platform.Web.Tests.Scoreboard.ScoreboardData;

namespace Platform.Web.Tests.Scoreboard;

public sealed class UnitScorePageTests : BunitContext
{
    private static readonly Guid Run = Guid.NewGuid();

    private StubGateway Gateway()
    {
        var gateway = this.UseStubGateway().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        gateway.Answer("/api/monthly-scoring/runs?period=2026-01&peerGroup=provinces", new[] { Official(Run, 1, "current") });
        gateway.Answer($"/api/monthly-scoring/runs/{Run}/results", new ScoreboardResults(Official(Run, 1, "current"), Lines));
        gateway.Answer($"/api/monthly-scoring/runs/{Run}/units/lao-cai/explanation", LaoCaiWorking());
        return gateway;
    }

    private IRenderedComponent<UnitScorePage> Open() =>
        Render<UnitScorePage>(p => p.Add(x => x.Period, "2026-01").Add(x => x.PeerGroup, "provinces").Add(x => x.Unit, "lao-cai"));

    [Fact]
    public void The_explanation_reads_the_version_the_run_was_scored_under_not_the_one_in_force_now()
    {
        var gateway = Gateway();
        gateway.Answer("/api/monthly-scoring/units/lao-cai/history?peerGroup=provinces", Array.Empty<ScoreHistoryPoint>());

        var page = Open();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=explanation-group]")));
        Assert.Contains(gateway.Requests, r => r.PathAndQuery == FrameworkClient.VersionPath(MonthlyFramework.Id, FrameworkVersion));
        Assert.DoesNotContain(gateway.Requests, r => r.PathAndQuery.Contains("/in-force/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_whose_version_intake_does_not_know_shows_intakes_words_instead_of_the_explanation()
    {
        var gateway = this.UseStubGateway().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        var run = Official(Run, 1, "current") with { FrameworkVersion = "không có" };
        gateway.Answer("/api/monthly-scoring/runs?period=2026-01&peerGroup=provinces", new[] { run });
        gateway.Answer($"/api/monthly-scoring/runs/{Run}/results", new ScoreboardResults(run, Lines));
        gateway.Answer($"/api/monthly-scoring/runs/{Run}/units/lao-cai/explanation", LaoCaiWorking());

        var page = Open();

        page.WaitForAssertion(() => Assert.Contains("Không có khung \"monthly-4585\" phiên bản \"không có\"", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=explanation-group]"));
    }

    [Fact]
    public void The_unit_page_shows_the_total_class_rank_every_indicators_working_and_the_months()
    {
        var gateway = Gateway();
        gateway.Answer("/api/monthly-scoring/units/lao-cai/history?peerGroup=provinces",
            new[] { new ScoreHistoryPoint("2026-01", 1, 71m, "B", 2, Groups(16.3m, 20, 10, 10, 15)) });

        var page = Open();

        page.WaitForAssertion(() => Assert.Equal("Tỉnh Lào Cai", page.Find("h1").FirstChild!.TextContent.Trim()));
        var summary = page.Find("[data-testid=unit-summary]");
        Assert.Equal("71", summary.QuerySelector("[data-testid=unit-total]")!.TextContent);
        Assert.Equal("2", summary.QuerySelector("[data-testid=unit-rank]")!.TextContent);
        Assert.Contains("/ 3 đơn vị được xếp hạng", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("class-B", summary.QuerySelector(".class-badge")!.ClassList);
        Assert.Equal("14,4", page.Find("[data-testid=indicator][data-code=A1] [data-testid=indicator-score]").TextContent);
        Assert.Contains("Tỉnh Thanh Hóa", page.Find("[data-code=A3] [data-testid=indicator-best]").TextContent, StringComparison.Ordinal);
        Assert.Equal("71", page.Find("[data-testid=history-table] [data-testid=history-total]").TextContent);
        Assert.Single(page.FindAll("h1"));
        Assert.Equal("/bang-xep-hang?ky=2026-01&nhom=provinces", page.Find(".breadcrumb a").GetAttribute("href"));
    }

    [Fact]
    public void A_unit_that_has_not_reported_shows_not_reported_instead_of_a_total_class_or_rank()
    {
        var gateway = Gateway();
        gateway.Answer($"/api/monthly-scoring/runs/{Run}/results", new ScoreboardResults(Official(Run, 1, "current"), LinesWithSilent));
        gateway.Answer($"/api/monthly-scoring/runs/{Run}/units/ha-giang/explanation", LaoCaiWorking() with { Unit = "ha-giang" });
        gateway.Answer("/api/monthly-scoring/units/ha-giang/history?peerGroup=provinces",
            new[] { new ScoreHistoryPoint("2026-01", 1, null, null, null, new Dictionary<string, decimal>(), Reported: false) });

        var page = Render<UnitScorePage>(p => p.Add(x => x.Period, "2026-01").Add(x => x.PeerGroup, "provinces").Add(x => x.Unit, "ha-giang"));

        page.WaitForAssertion(() => Assert.Equal("Tỉnh Hà Giang", page.Find("h1").FirstChild!.TextContent.Trim()));
        var summary = page.Find("[data-testid=unit-summary]");
        Assert.Equal("chưa báo cáo", summary.QuerySelector("[data-testid=unit-total] [data-testid=not-reported]")!.TextContent);
        Assert.Equal("Không xếp hạng", summary.QuerySelector("[data-testid=unit-rank]")!.TextContent);
        Assert.Empty(summary.QuerySelectorAll(".class-badge"));
        Assert.Equal("chưa báo cáo", page.Find("[data-testid=history-table] [data-testid=history-total]").TextContent.Trim());
        // The chart has a gap for the month, not a 0.
        var series = System.Text.Json.JsonDocument.Parse(page.Find("[data-testid=history-chart-total]").GetAttribute("data-series")!).RootElement;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, series[0].GetProperty("data")[0].ValueKind);
    }

    [Fact]
    public void A_history_refused_by_scope_is_explained_while_the_working_stays()
    {
        var gateway = Gateway();
        gateway.Problem("/api/monthly-scoring/units/lao-cai/history?peerGroup=provinces", HttpStatusCode.NotFound, "Không tìm thấy",
            "Không tìm thấy đơn vị \"lao-cai\" trong phạm vi của bạn.");

        var page = Open();

        page.WaitForAssertion(() => Assert.Contains("trong phạm vi của bạn", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(page.FindAll("[data-testid=indicator]"));
        Assert.Empty(page.FindAll("canvas"));
    }

    [Fact]
    public void A_unit_outside_the_run_or_the_callers_scope_is_said_so()
    {
        var gateway = Gateway();

        var page = Render<UnitScorePage>(p => p.Add(x => x.Period, "2026-01").Add(x => x.PeerGroup, "provinces").Add(x => x.Unit, "ha-giang"));

        page.WaitForAssertion(() => Assert.Contains("không có trong lượt chấm điểm này", page.Find("[data-testid=no-run]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=indicator]"));
    }
}
