using Bunit;
using Platform.Web.Components.Scoreboard;
using static Platform.Web.Tests.Scoreboard.ScoreboardData;

namespace Platform.Web.Tests.Scoreboard;

public sealed class UnitExplanationTests : BunitContext
{
    private IRenderedComponent<UnitExplanation> Explanation() => Render<UnitExplanation>(p => p
        .Add(e => e.Working, LaoCaiWorking())
        .Add(e => e.Framework, Framework)
        .Add(e => e.Line, LaoCai)
        .Add(e => e.UnitNames, new Dictionary<string, string> { ["thanh-hoa"] = "Tỉnh Thanh Hóa", ["lao-cai"] = "Tỉnh Lào Cai" }));

    [Fact]
    public void Indicators_are_grouped_as_the_framework_groups_them_with_each_groups_total()
    {
        var page = Explanation();

        var groups = page.FindAll("[data-testid=explanation-group]");
        Assert.Equal(["A", "B", "C", "D", "E"], groups.Select(g => g.GetAttribute("data-group")));
        var a = groups[0];
        Assert.Equal("16,3", a.QuerySelector("[data-testid=group-total]")!.TextContent);
        Assert.Contains("Kết quả thực hiện nhiệm vụ được giao", a.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("/ 20 điểm", a.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["A1", "A2", "A3"], a.QuerySelectorAll("[data-testid=indicator]").Select(i => i.GetAttribute("data-code")));
        Assert.Equal("15", groups[4].QuerySelector("[data-testid=group-total]")!.TextContent);
    }

    [Fact]
    public void An_indicator_shows_its_score_formula_inputs_and_working_in_vietnamese()
    {
        var a1 = Explanation().Find("[data-testid=indicator][data-code=A1]");

        Assert.Equal("14,4", a1.QuerySelector("[data-testid=indicator-score]")!.TextContent);
        Assert.Contains("14,4 / 18 điểm", a1.QuerySelector(".indicator-score")!.TextContent, StringComparison.Ordinal);
        // The formula in words: inputs by name, the points of the indicator; the codes stay in the inputs table.
        Assert.Equal("“Số nhiệm vụ hoàn thành đúng hạn trong tháng” / (“Số nhiệm vụ đến hạn trong tháng (Hệ thống 57)” + “Số nhiệm vụ quá hạn chưa hoàn thành đầu tháng”) × 18 điểm",
            a1.QuerySelector("[data-testid=indicator-formula]")!.TextContent);
        Assert.Equal("A.onTime", a1.QuerySelector("[data-testid=indicator-input][data-key='A.onTime'] code")!.TextContent);
        var onTime = a1.QuerySelector("[data-testid=indicator-input][data-key='A.onTime']")!;
        Assert.Equal("Số nhiệm vụ hoàn thành đúng hạn trong tháng", onTime.QuerySelector("th")!.TextContent);
        Assert.Equal("8 nhiệm vụ", onTime.QuerySelector("td.number")!.TextContent.Trim());
        Assert.Contains("“Số nhiệm vụ hoàn thành đúng hạn trong tháng” = 8", a1.QuerySelectorAll("ol.steps li").Select(li => li.TextContent));
        Assert.Contains("“Số nhiệm vụ hoàn thành đúng hạn trong tháng” / (“Số nhiệm vụ đến hạn trong tháng (Hệ thống 57)” + “Số nhiệm vụ quá hạn chưa hoàn thành đầu tháng”) = 0,8",
            a1.QuerySelectorAll("ol.steps li").Select(li => li.TextContent));
        Assert.Contains("Cách hiểu áp dụng", a1.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_are_explained_in_vietnamese()
    {
        var page = Explanation();

        var derived = page.Find("[data-code=A1] [data-testid=indicator-flag]");
        Assert.Equal("derived", derived.GetAttribute("data-flag"));
        Assert.StartsWith("Số liệu suy ra:", derived.TextContent, StringComparison.Ordinal);
        Assert.Contains("tháng trước", derived.TextContent, StringComparison.Ordinal);
        var missing = page.Find("[data-code=E3] [data-testid=indicator-flag]");
        Assert.StartsWith("Chưa báo cáo:", missing.TextContent, StringComparison.Ordinal);
        Assert.Contains("khác với số liệu bằng 0 hay mẫu số bằng 0", missing.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-code=A2] [data-testid=indicator-flag]"));
    }

    [Fact]
    public void An_indicator_without_reported_data_reads_not_reported_never_a_score_of_zero()
    {
        var e3 = Explanation().Find("[data-testid=indicator][data-code=E3]");

        Assert.Equal("chưa báo cáo", e3.QuerySelector("[data-testid=indicator-score] [data-testid=not-reported]")!.TextContent);
        Assert.Contains("tính 0 / 5 điểm vào tổng", e3.QuerySelector(".indicator-score")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("mẫu số bằng 0)", e3.TextContent, StringComparison.Ordinal);
        // A yes/no input reads as such in the working.
        Assert.Contains("“Cập nhật kết quả tháng trên Hệ thống 57 trước ngày 01 tháng sau” = có", e3.QuerySelectorAll("ol.steps li").Select(li => li.TextContent));
    }

    [Fact]
    public void Values_read_naturally_and_the_peer_best_names_its_holder()
    {
        var page = Explanation();

        Assert.Equal("0,5 (50%)", page.Find("[data-code=D2] [data-key='D2.rate'] td.number").TextContent.Trim());
        Assert.Equal("Có", page.Find("[data-code=E3] [data-key='E3.onTime'] td.number").TextContent.Trim());
        Assert.Equal("chưa báo cáo", page.Find("[data-code=E3] [data-key='E3.completion'] td.number [data-testid=not-reported]").TextContent);
        Assert.Equal("20 (Tỉnh Thanh Hóa)", page.Find("[data-code=A3] [data-testid=indicator-best]").TextContent);
        // A derived input is not "not reported": its value is in the working.
        Assert.Equal("không báo cáo (suy ra, xem cách tính)", page.Find("[data-code=A1] [data-key='A.backlog'] td.number").TextContent.Trim());
        // An indicator missing from the working says so rather than showing nothing.
        Assert.Contains("Không có giải thích", page.Find("[data-testid=indicator][data-code=B]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_go_in_order_under_the_pages_h1()
    {
        var headings = Explanation().FindAll("h1, h2, h3, h4").Select(h => h.TagName).ToList();

        Assert.DoesNotContain("H1", headings);
        Assert.Equal("H2", headings[0]);
        Assert.DoesNotContain("H4", headings);
    }
}
