using System.Net;

namespace Platform.Web.Tests.AnnualCriteria;

/// <summary>The web application in-process: another province's year (dx-index answers 404) is the not-found page, answered 404.</summary>
public sealed class AnnualCriteriaInProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_provinces_year_answers_404_and_the_nav_offers_the_qd2244_pages()
    {
        var gateway = new StubGateway().ServeShippedFrameworks().SignedIn("tham-dinh.lao-cai", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        gateway.Problem("/api/dx-index/annual-criteria/provinces/thanh-hoa/2025", HttpStatusCode.NotFound, "Không tìm thấy",
            "Không tìm thấy tỉnh, thành phố 'thanh-hoa' trong phạm vi của bạn.");
        await using var web = new InProcessWeb(gateway);
        using var client = web.CreateClient();

        var response = await client.GetAsync("/tieu-chi-2244/thanh-hoa/2025", Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/tieu-chi-2244\"", page, StringComparison.Ordinal);
    }
}
