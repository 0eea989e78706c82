using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Dti;
using static Platform.Web.Tests.Dti.DtiData;

namespace Platform.Web.Tests.Dti;

public sealed class DtiPublicPageTests : BunitContext
{
    [Fact]
    public void An_anonymous_visitor_reads_the_published_revision_its_reason_and_silent_provinces_as_not_reported()
    {
        var gateway = this.UseStubGateway();
        gateway.Answer("/api/dx-index/public/dti/years", new[] { new DtiPublishedYear("2026", 2, Computed, "Sở KHCN Lào Cai bổ sung số liệu 6.4") });
        gateway.Answer("/api/dx-index/public/dti/2026", new DtiPublished("2026", "dti-province-405", Framework.Version, 2, Computed,
            "Sở KHCN Lào Cai bổ sung số liệu 6.4", [new PublishedRevisionInfo(2, Computed, "Sở KHCN Lào Cai bổ sung số liệu 6.4"),
                new PublishedRevisionInfo(1, Computed.AddDays(-2), null)], 1, Pillars,
            [new DtiPublishedProvince("lao-cai", "Tỉnh Lào Cai", true, 430.25m, 1, LaoCai.Pillars),
             new DtiPublishedProvince("ha-giang", "Tỉnh Hà Giang", false, null, null, new Dictionary<string, decimal>())]));

        var page = Render<DtiPublicPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=scoreboard-row]")));
        Assert.Contains("công bố lần 2", page.Find("[data-testid=dti-status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Sở KHCN Lào Cai bổ sung số liệu 6.4", page.Find("[data-testid=correction-reason]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Lần 1", page.Find("[data-testid=earlier-revisions]").TextContent, StringComparison.Ordinal);
        Assert.Equal("430,25", page.Find("[data-unit=lao-cai] [data-testid=unit-total]").TextContent);
        Assert.Equal("chưa báo cáo", page.Find("[data-unit=ha-giang] [data-testid=not-reported]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=unit-link]"));
        Assert.DoesNotContain(gateway.Requests, r => r.PathAndQuery == "/api/me" || r.PathAndQuery.StartsWith("/api/dx-index/dti", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_published_yet_is_said_plainly()
    {
        this.UseStubGateway().Answer("/api/dx-index/public/dti/years", Array.Empty<DtiPublishedYear>());

        var page = Render<DtiPublicPage>();

        page.WaitForAssertion(() => Assert.Equal("Chưa có năm nào được công bố.", page.Find("[data-testid=no-run]").TextContent));
    }
}
