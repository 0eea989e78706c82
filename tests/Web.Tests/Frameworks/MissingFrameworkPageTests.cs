using System.Net;

namespace Platform.Web.Tests.Frameworks;

/// <summary>
/// The web application itself (static server rendering, in-process) against the stub gateway: a period no framework
/// version covers answers 404 with the reason in words, not an empty 404 (Blazor replaces a page that answers 404 with
/// its not-found page) and not a 500.
/// </summary>
public sealed class MissingFrameworkPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/nhap-lieu/khung-khong-co/2026-01/lao-cai", "Không có khung đánh giá “khung-khong-co” áp dụng cho kỳ tháng 01/2026.")]
    [InlineData("/nhap-lieu/monthly-4585/2020-01/lao-cai", "Không có khung đánh giá “monthly-4585” áp dụng cho kỳ tháng 01/2020.")]
    public async Task An_entry_page_without_a_framework_version_answers_404_with_the_reason_in_words(string path, string reason)
    {
        var gateway = new StubGateway().ServeShippedFrameworks()
            .SignedIn("lao-cai.so-khcn.reporter", "lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "reporter");
        await using var web = new InProcessWeb(gateway);
        using var client = web.CreateClient();

        var response = await client.GetAsync(path, Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"data-testid=\"not-found-reason\">{reason}</p>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy trang", page, StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Requests, r => r.PathAndQuery.StartsWith("/api/intake/assignments/mine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_version_intake_does_not_have_answers_404_with_the_frameworks_name_and_the_version_asked_for()
    {
        var gateway = new StubGateway().ServeShippedFrameworks().SignedIn("khung-chi-so", "vn", "Việt Nam", "framework-admin");
        await using var web = new InProcessWeb(gateway);
        using var client = web.CreateClient();

        var response = await client.GetAsync("/quan-tri/khung-chi-so/monthly-4585?phien-ban=khong-co", Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"Khung “{ShippedDefinitions.Definition("monthly-4585", "2026-01").Name}” không có phiên bản “khong-co”.", page, StringComparison.Ordinal);
    }
}
