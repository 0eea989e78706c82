using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.PublicResults;
using static Platform.Web.Tests.Scoreboard.ScoreboardData;

namespace Platform.Web.Tests.Scoreboard;

public sealed class PublicResultsPageTests : BunitContext
{
    private static readonly DateTimeOffset PublishedAt = new(2026, 2, 6, 3, 0, 0, TimeSpan.Zero);

    private StubGateway Anonymous()
    {
        var gateway = this.UseStubGateway();
        gateway.Problem("/api/me", HttpStatusCode.Unauthorized, "Chưa đăng nhập");
        gateway.Answer("/api/monthly-scoring/public/periods?peerGroup=provinces",
            new[] { new PublishedPeriodInfo("2026-02", "provinces", 1, PublishedAt.AddMonths(1)), new PublishedPeriodInfo("2026-01", "provinces", 2, PublishedAt) });
        return gateway;
    }

    private IRenderedComponent<PublicResultsPage> Open(string url = "/ket-qua")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<PublicResultsPage>();
    }

    [Fact]
    public void Without_signing_in_the_latest_published_month_is_shown_without_links_to_unit_pages()
    {
        var gateway = Anonymous();
        gateway.Answer("/api/monthly-scoring/public/results?period=2026-02&peerGroup=provinces",
            new PublishedScoreboard("2026-02", "provinces", 1, PublishedAt.AddMonths(1), Lines));

        var page = Open();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=scoreboard-row]").Count));
        Assert.Equal("88,5", page.Find("[data-unit=ha-noi] [data-testid=unit-total]").TextContent);
        Assert.Contains("class-A", page.Find("[data-unit=ha-noi] .class-badge").ClassList);
        Assert.Empty(page.FindAll("[data-testid=scoreboard] a"));
        Assert.Contains("công bố lần 1", page.Find("[data-testid=run-status]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["2026-02", "2026-01"], page.FindAll("#ky option").Select(o => o.GetAttribute("value")));
        Assert.Equal("/ket-qua", page.Find("form").GetAttribute("action"));
    }

    [Fact]
    public void A_month_not_published_is_said_plainly_not_as_an_error()
    {
        var gateway = Anonymous();
        gateway.Problem("/api/monthly-scoring/public/results?period=2026-03&peerGroup=provinces", HttpStatusCode.NotFound, "Không tìm thấy",
            "Kết quả kỳ 03/2026 của nhóm tỉnh, thành phố chưa được công bố.");

        var page = Open("/ket-qua?ky=2026-03");

        page.WaitForAssertion(() => Assert.Contains("chưa được công bố", page.Find("[data-testid=no-run]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=problem]"));
        Assert.Empty(page.FindAll("table"));
    }
}
