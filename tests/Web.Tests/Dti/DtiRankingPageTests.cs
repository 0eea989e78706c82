using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Components.Pages.Dti;
using static Platform.Web.Tests.Dti.DtiData;

namespace Platform.Web.Tests.Dti;

public sealed class DtiRankingPageTests : BunitContext
{
    private StubGateway Gateway(params string[] roles)
    {
        var gateway = this.UseStubGateway().SignedIn("tw-tham-dinh", "vn", "Việt Nam", roles.Length == 0 ? ["reviewer"] : roles);
        gateway.Answer("/api/dx-index/dti/years", Years);
        gateway.Answer("/api/dx-index/dti/2026/ranking?kind=provisional", Provisional2026);
        gateway.Answer("/api/dx-index/dti/2026/ranking", Provisional2026);
        gateway.Answer("/api/dx-index/dti/2025/ranking", Demo2025);
        return gateway;
    }

    [Fact]
    public void The_provisional_ranking_shows_eight_pillar_columns_the_provisional_mark_and_silent_provinces_as_not_reported()
    {
        Gateway();

        Services.GetRequiredService<NavigationManager>().NavigateTo("/chi-so-cds?nam=2026&loai=tam-tinh");
        var page = Render<DtiRankingPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=scoreboard-row]")));
        Assert.Equal("provisional", page.Find("[data-testid=dti-status]").GetAttribute("data-kind"));
        Assert.Contains("Chỉ số tạm tính", page.Find("[data-testid=dti-status]").TextContent, StringComparison.Ordinal);
        Assert.Equal(8, page.FindAll("table.ranking thead th abbr").Count);
        Assert.DoesNotContain(page.FindAll("table.ranking thead th"), th => th.TextContent == "Xếp loại");
        var rows = page.FindAll("[data-testid=scoreboard-row]");
        Assert.Equal(["thanh-hoa", "lao-cai", "ha-giang"], rows.Select(r => r.GetAttribute("data-unit")));
        Assert.Equal("430,25", rows[1].QuerySelector("[data-testid=unit-total]")!.TextContent);
        Assert.Equal("40,25", rows[1].QuerySelector("[data-group='8']")!.TextContent);
        Assert.Equal("chưa báo cáo", rows[2].QuerySelector("[data-testid=not-reported]")!.TextContent);
        Assert.Equal("/chi-so-cds/2026/lao-cai?loai=tam-tinh", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("1 chưa báo cáo", page.Find("[data-testid=scoreboard-count]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=dti-demo]"));
    }

    [Fact]
    public void Without_a_year_the_newest_published_year_is_shown_and_its_demo_rows_are_labelled_as_illustrative()
    {
        Gateway();

        var page = Render<DtiRankingPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=scoreboard-row]")));
        Assert.Equal("official", page.Find("[data-testid=dti-status]").GetAttribute("data-kind"));
        Assert.Contains("dữ liệu minh họa", page.Find("[data-testid=dti-demo]").TextContent, StringComparison.Ordinal);
        Assert.Equal("dữ liệu minh họa", page.Find("[data-unit=thanh-hoa] [data-testid=unit-tag]").TextContent);
        Assert.Empty(page.FindAll("[data-unit=ha-giang] [data-testid=unit-tag]"));
        Assert.Contains("năm 2025", page.Find("h1").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_without_a_reader_role_is_refused()
    {
        Gateway("framework-admin");

        var page = Render<DtiRankingPage>();

        page.WaitForAssertion(() => Assert.Contains("/ket-qua/chi-so-cds", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=scoreboard-row]"));
    }
}
