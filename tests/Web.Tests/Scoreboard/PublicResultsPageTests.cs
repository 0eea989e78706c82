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
            new PublishedScoreboard("2026-02", "provinces", MonthlyFramework.Id, FrameworkVersion, 1, PublishedAt.AddMonths(1), Lines));

        var page = Open();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=scoreboard-row]").Count));
        Assert.Equal("88,5", page.Find("[data-unit=ha-noi] [data-testid=unit-total]").TextContent);
        Assert.Contains("class-A", page.Find("[data-unit=ha-noi] .class-badge").ClassList);
        Assert.Empty(page.FindAll("[data-testid=scoreboard] a"));
        Assert.Contains("công bố lần 1", page.Find("[data-testid=run-status]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["2026-02", "2026-01"], page.FindAll("#ky option").Select(o => o.GetAttribute("value")));
        Assert.Equal(["Tháng 02/2026", "Tháng 01/2026"], page.FindAll("#ky option").Select(o => o.TextContent));
        // Units by name only: the code stays in the data attribute.
        Assert.DoesNotContain("ha-noi", page.Find("[data-unit=ha-noi] th").TextContent, StringComparison.Ordinal);
        Assert.Equal("/ket-qua", page.Find("form").GetAttribute("action"));
    }

    [Fact]
    public void Without_signing_in_the_groups_and_classes_come_from_the_version_the_revision_was_scored_under_read_on_the_public_route()
    {
        var gateway = Anonymous();
        gateway.Answer("/api/monthly-scoring/public/results?period=2026-02&peerGroup=provinces",
            new PublishedScoreboard("2026-02", "provinces", MonthlyFramework.Id, FrameworkVersion, 1, PublishedAt.AddMonths(1), Lines));

        var page = Open();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=scoreboard-row]").Count));
        Assert.Equal(["A", "B", "C", "D", "E"], page.FindAll("[data-unit=ha-noi] [data-testid=unit-group]").Select(c => c.GetAttribute("data-group")));
        Assert.Equal("Xuất sắc", page.Find("[data-unit=ha-noi] .class-name").TextContent);
        Assert.Contains(gateway.Requests, r => r.PathAndQuery == $"/api/intake/public/frameworks/{MonthlyFramework.Id}/versions/{Uri.EscapeDataString(FrameworkVersion)}");
        Assert.DoesNotContain(gateway.Requests, r => r.PathAndQuery.StartsWith("/api/intake/frameworks", StringComparison.Ordinal));
    }

    [Fact]
    public void A_correction_shows_its_reason_and_the_earlier_revisions_and_a_unit_without_data_shows_not_reported()
    {
        var gateway = Anonymous();
        const string reason = "Sở KHCN Lào Cai điều chỉnh số nhiệm vụ đúng hạn";
        gateway.Answer("/api/monthly-scoring/public/results?period=2026-01&peerGroup=provinces",
            new PublishedScoreboard("2026-01", "provinces", MonthlyFramework.Id, FrameworkVersion, 2, PublishedAt.AddDays(1), LinesWithSilent, reason,
                [new PublishedRevisionInfo(2, PublishedAt.AddDays(1), reason), new PublishedRevisionInfo(1, PublishedAt, null)], 1));

        var page = Open("/ket-qua?ky=2026-01");

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=scoreboard-row]").Count));
        Assert.Contains("công bố lần 2", page.Find("[data-testid=run-status]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"Lý do đính chính (lần 2): {reason}", page.Find("[data-testid=correction-reason]").TextContent);
        Assert.Contains("Lần 1 lúc", page.Find("[data-testid=earlier-revisions] li[data-revision='1']").TextContent, StringComparison.Ordinal);
        Assert.Contains("công bố lần đầu", page.Find("[data-testid=earlier-revisions] li[data-revision='1']").TextContent, StringComparison.Ordinal);
        var silent = page.Find("[data-testid=scoreboard-row][data-unit=ha-giang]");
        Assert.Equal("chưa báo cáo", silent.QuerySelector("[data-testid=not-reported]")!.TextContent);
        Assert.Equal("—", silent.QuerySelector("[data-testid=unit-rank]")!.TextContent);
        Assert.NotNull(page.Find("[data-testid=not-reported-note]"));
    }

    [Fact]
    public void A_first_publication_has_no_correction_reason()
    {
        var gateway = Anonymous();
        gateway.Answer("/api/monthly-scoring/public/results?period=2026-02&peerGroup=provinces",
            new PublishedScoreboard("2026-02", "provinces", MonthlyFramework.Id, FrameworkVersion, 1, PublishedAt.AddMonths(1), Lines, null, [new PublishedRevisionInfo(1, PublishedAt.AddMonths(1), null)]));

        var page = Open();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=scoreboard-row]").Count));
        Assert.Empty(page.FindAll("[data-testid=correction-reason]"));
        Assert.Empty(page.FindAll("[data-testid=earlier-revisions]"));
        Assert.Empty(page.FindAll("[data-testid=not-reported-note]"));
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
