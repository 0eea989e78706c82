using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Scoreboard;
using static Platform.Web.Tests.Scoreboard.ScoreboardData;

namespace Platform.Web.Tests.Scoreboard;

public sealed class RankingTableTests : BunitContext
{
    private IRenderedComponent<RankingTable> Table(string? @class = null, string? search = null) => Render<RankingTable>(p => p
        .Add(t => t.Lines, Lines)
        .Add(t => t.Groups, Framework.Groups)
        .Add(t => t.Classes, Framework.Classes)
        .Add(t => t.Class, @class)
        .Add(t => t.Search, search)
        .Add(t => t.UnitHref, (Func<ScoreboardLine, string?>)(l => $"/bang-xep-hang/2026-01/provinces/{l.Unit}")));

    private static string[] Units(IRenderedComponent<RankingTable> table) =>
        table.FindAll("[data-testid=scoreboard-row]").Select(r => r.GetAttribute("data-unit")!).ToArray();

    [Fact]
    public void Units_are_listed_by_rank_with_vietnamese_numbers_names_and_links()
    {
        var table = Table();

        Assert.Equal(["ha-noi", "lao-cai", "thanh-hoa"], Units(table));
        var haNoi = table.Find("[data-unit=ha-noi]");
        Assert.Equal("1", haNoi.QuerySelector("[data-testid=unit-rank]")!.TextContent);
        Assert.Equal("88,5", haNoi.QuerySelector("[data-testid=unit-total]")!.TextContent);
        Assert.Equal("12,25", haNoi.QuerySelector("[data-group=A]")!.TextContent);
        var laoCai = table.Find("[data-unit=lao-cai]");
        Assert.Equal("16,3", laoCai.QuerySelector("[data-group=A]")!.TextContent);
        Assert.Equal("71", laoCai.QuerySelector("[data-testid=unit-total]")!.TextContent);
        var link = laoCai.QuerySelector("a[data-testid=unit-link]")!;
        Assert.Equal(("Tỉnh Lào Cai", "/bang-xep-hang/2026-01/provinces/lao-cai"), (link.TextContent, link.GetAttribute("href")));
        Assert.Equal("3 đơn vị", table.Find("[data-testid=scoreboard-count]").TextContent.Trim());
        // Group columns come from the framework, with their maximum.
        Assert.Equal(["Hạng", "Đơn vị", "Tổng điểm", "Xếp loại", "A /20", "B /20", "C /20", "D /20", "E /15"],
            table.FindAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.All(table.FindAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
    }

    [Fact]
    public void Each_class_has_its_coloured_badge_and_its_name_from_the_framework()
    {
        var table = Table();

        var badge = table.Find("[data-unit=lao-cai] .class-badge");
        Assert.Equal("B", badge.TextContent);
        Assert.Contains("class-B", badge.ClassList);
        Assert.Contains("Tốt", table.Find("[data-unit=lao-cai] .class-name").TextContent, StringComparison.Ordinal);
        Assert.Contains("class-A", table.Find("[data-unit=ha-noi] .class-badge").ClassList);
        Assert.Contains("Xuất sắc", table.Find("[data-unit=ha-noi] .class-name").TextContent, StringComparison.Ordinal);
        Assert.Contains("class-D", table.Find("[data-unit=thanh-hoa] .class-badge").ClassList);
        Assert.Contains("Dưới 50 điểm", table.Find("[data-unit=thanh-hoa] .class-name").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Filtering_by_class_keeps_only_that_class_and_says_how_many_are_shown()
    {
        var table = Table(@class: "D");

        Assert.Equal(["thanh-hoa"], Units(table));
        Assert.Equal("Hiển thị 1 trên 3 đơn vị", table.Find("[data-testid=scoreboard-count]").TextContent.Trim());
    }

    [Theory]
    [InlineData("lao cai", "lao-cai")]      // without diacritics
    [InlineData("THANH HÓA", "thanh-hoa")]  // any case
    [InlineData("ha-noi", "ha-noi")]        // by code
    [InlineData("Hà Nội", "ha-noi")]
    public void Searching_finds_units_by_name_or_code_ignoring_case_and_diacritics(string search, string expected) =>
        Assert.Equal([expected], Units(Table(search: search)));

    [Fact]
    public void A_filter_that_matches_nothing_says_so_instead_of_an_empty_table()
    {
        var table = Table(@class: "A", search: "Lào Cai");

        Assert.Empty(table.FindAll("table"));
        Assert.Contains("Không có đơn vị nào khớp với bộ lọc", table.Find("[data-testid=scoreboard-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_that_has_not_reported_is_listed_after_the_ranked_units_as_not_reported_counted_and_explained()
    {
        var table = Render<RankingTable>(p => p.Add(t => t.Lines, LinesWithSilent).Add(t => t.Groups, Framework.Groups).Add(t => t.Classes, Framework.Classes));

        Assert.Equal(["ha-noi", "lao-cai", "thanh-hoa", "ha-giang"], Units(table));
        var silent = table.Find("[data-unit=ha-giang]");
        Assert.Equal("false", silent.GetAttribute("data-reported"));
        Assert.Equal("—", silent.QuerySelector("[data-testid=unit-rank]")!.TextContent);
        Assert.Equal("chưa báo cáo", silent.QuerySelector("[data-testid=unit-total] [data-testid=not-reported]")!.TextContent);
        Assert.Equal("—", silent.QuerySelector("[data-testid=unit-class]")!.TextContent);
        Assert.All(silent.QuerySelectorAll("[data-testid=unit-group]"), g => Assert.Equal("—", g.TextContent));
        Assert.DoesNotContain("class-D", silent.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("4 đơn vị — 3 được xếp hạng, 1 chưa báo cáo", table.Find("[data-testid=scoreboard-count]").TextContent.Trim());
        Assert.Contains("không phải 0 điểm", table.Find("[data-testid=not-reported-note]").TextContent, StringComparison.Ordinal);
        // A class filter never shows a unit without a class.
        var classD = Render<RankingTable>(p => p.Add(t => t.Lines, LinesWithSilent).Add(t => t.Groups, Framework.Groups)
            .Add(t => t.Classes, Framework.Classes).Add(t => t.Class, "D"));
        Assert.Equal(["thanh-hoa"], Units(classD));
    }

    [Fact]
    public void Without_a_link_builder_names_are_plain_text()
    {
        var table = Render<RankingTable>(p => p.Add(t => t.Lines, Lines).Add(t => t.Groups, Framework.Groups).Add(t => t.Classes, Framework.Classes));

        Assert.Empty(table.FindAll("a"));
        Assert.Contains("Tỉnh Lào Cai", table.Find("[data-unit=lao-cai] th").TextContent, StringComparison.Ordinal);
    }
}
