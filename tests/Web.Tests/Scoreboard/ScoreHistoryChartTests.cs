using System.Text.Json;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Scoreboard;
using static Platform.Web.Tests.Scoreboard.ScoreboardData;

namespace Platform.Web.Tests.Scoreboard;

public sealed class ScoreHistoryChartTests : BunitContext
{
    private static readonly IReadOnlyList<ScoreHistoryPoint> History =
    [
        new("2026-02", 1, 73.5m, "B", 1, Groups(17, 20, 11.5m, 10, 15)),
        new("2026-01", 2, 71m, "B", 2, Groups(16.3m, 20, 10, 10, 15)),
    ];

    private IRenderedComponent<ScoreHistoryChart> Chart(IReadOnlyList<ScoreHistoryPoint> history) => Render<ScoreHistoryChart>(p => p
        .Add(c => c.History, history).Add(c => c.Groups, Framework.Groups).Add(c => c.Classes, Framework.Classes).Add(c => c.UnitName, "Tỉnh Lào Cai"));

    [Fact]
    public void The_charts_carry_their_series_as_data_attributes_in_month_order_for_the_local_chart_library()
    {
        var chart = Chart(History);

        var total = chart.Find("canvas[data-testid=history-chart-total]");
        Assert.Equal("line", total.GetAttribute("data-chart"));
        Assert.EndsWith("lib/chart.js/chart.umd.min.js", total.GetAttribute("data-library"), StringComparison.Ordinal);
        Assert.Equal(["01/2026", "02/2026"], JsonSerializer.Deserialize<string[]>(total.GetAttribute("data-labels")!)!);
        using var series = JsonDocument.Parse(total.GetAttribute("data-series")!);
        var only = Assert.Single(series.RootElement.EnumerateArray());
        Assert.Equal("Tổng điểm", only.GetProperty("label").GetString());
        Assert.Equal([71m, 73.5m], only.GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.Equal("100", total.GetAttribute("data-max"));
        Assert.Equal("img", total.GetAttribute("role"));
        Assert.Contains("Tỉnh Lào Cai", total.GetAttribute("aria-label"), StringComparison.Ordinal);

        var groups = chart.Find("canvas[data-testid=history-chart-groups]");
        using var groupSeries = JsonDocument.Parse(groups.GetAttribute("data-series")!);
        Assert.Equal(5, groupSeries.RootElement.GetArrayLength());
        Assert.Equal([16.3m, 17m], groupSeries.RootElement[0].GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.Equal("20", groups.GetAttribute("data-max"));
    }

    [Fact]
    public void The_same_numbers_are_in_a_table_and_the_chart_box_stays_hidden_until_script_draws_it()
    {
        var chart = Chart(History);

        var rows = chart.FindAll("[data-testid=history-table] tbody tr");
        Assert.Equal(["2026-01", "2026-02"], rows.Select(r => r.GetAttribute("data-period")));
        Assert.Equal("Tháng 02/2026", rows[1].QuerySelector("th")!.TextContent);
        Assert.Equal("73,5", rows[1].QuerySelector("[data-testid=history-total]")!.TextContent);
        Assert.Contains("11,5", rows[1].TextContent, StringComparison.Ordinal);
        Assert.All(chart.FindAll(".chart"), box => Assert.True(box.HasAttribute("hidden")));
        // The gateway's CSP: no inline script or style.
        Assert.Empty(chart.FindAll("script"));
        Assert.Empty(chart.FindAll("[style]"));
    }

    [Fact]
    public void A_unit_without_published_months_is_told_so()
    {
        var chart = Chart([]);

        Assert.Empty(chart.FindAll("canvas"));
        Assert.Contains("chưa có kết quả chính thức", chart.Find("[data-testid=history-empty]").TextContent, StringComparison.Ordinal);
    }
}
