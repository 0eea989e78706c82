using System.Net;
using System.Text.Json;
using Platform.Web.Api;
using static Platform.Web.Tests.Dti.DtiData;

namespace Platform.Web.Tests.Dti;

/// <summary>The DTI publication page in-process, its form posts real: the monthly confirmation, for a year.</summary>
public sealed class DtiPublicationPageTests
{
    private const string Page = "/chi-so-cds/cong-bo?nam=2026";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DtiRecipient[] Recipients =
    [
        new("public-page", "Trang kết quả công khai", "Ai cũng xem được, không cần đăng nhập."),
        new("event", "Các hệ thống thông tin đăng ký nhận chỉ số chuyển đổi số", "Đã gửi thì không thu hồi được."),
    ];

    /// <summary>Revision 1 of 2026: 34 provinces, Lào Cai reported in part, 33 have not reported.</summary>
    private static DtiPublicationPreview First => new("2026", true, 1, null, 34, 1, 33, 1,
        [new MissingUnit("an-giang", "Tỉnh An Giang", false, [new MissingInput("1.1.chair", "Người đứng đầu Tỉnh là Trưởng ban Ban chỉ đạo")]),
         new MissingUnit("lao-cai", "Tỉnh Lào Cai", true, [new MissingInput("6.4.a", "Số dịch vụ công trực tuyến toàn trình")])],
        null, false, false, [], ["Tỉnh Thanh Hóa"], Recipients, "f-2026-1");

    private static StubGateway Publisher()
    {
        var gateway = new StubGateway().ServeShippedFrameworks().SignedIn("tw-cong-bo", "vn", "Việt Nam", "publisher");
        gateway.Answer("/api/dx-index/dti/years", Years);
        gateway.Answer("/api/dx-index/dti/2026/publication/preview", First);
        gateway.Answer("/api/dx-index/dti/2026/ranking", Provisional2026);
        gateway.Answer("/api/dx-index/dti/2026/publications", new { id = Guid.NewGuid(), revision = 1 }, HttpStatusCode.Created, method: "POST");
        return gateway;
    }

    private static string Text(AngleSharp.Html.Dom.IHtmlDocument page, string selector) =>
        string.Join(' ', page.QuerySelector(selector)!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task The_publisher_is_told_what_is_missing_by_name_is_stopped_until_the_acknowledgement_and_publishes_the_fingerprint_seen()
    {
        var gateway = Publisher();
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync(Page, Ct));

        Assert.Equal("Lần 1 — lần công bố chính thức đầu tiên của kỳ này.", Text(page, "[data-testid=preview-revision]"));
        Assert.StartsWith("1/34 đơn vị có số liệu được xếp hạng; 33 đơn vị chưa báo cáo", Text(page, "[data-testid=preview-units]"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=preview-bonuses]"));
        Assert.Contains("Tỉnh An Giang", Text(page, "[data-testid=missing-list]"), StringComparison.Ordinal);
        Assert.Contains("Số dịch vụ công trực tuyến toàn trình", Text(page, "[data-testid=missing-list]"), StringComparison.Ordinal);
        Assert.Contains("Các hệ thống thông tin đăng ký nhận chỉ số chuyển đổi số: Đã gửi thì không thu hồi được.", Text(page, "[data-testid=preview-recipients]"),
            StringComparison.Ordinal);
        Assert.Equal("Tôi xác nhận công bố khi còn thiếu số liệu của 34 đơn vị", Text(page, "label[for=acknowledge-missing]"));
        Assert.Equal(8, page.QuerySelectorAll("[data-testid=publication-ranking] table.ranking thead abbr").Length);

        var stopped = await browser.PostAsync(Page, new FormUrlEncodedContent(InProcessWeb.Fields(page, "publish-form")), Ct);
        Assert.Equal("Đánh dấu xác nhận để công bố khi còn thiếu số liệu.",
            Text(InProcessWeb.Parse(await stopped.Content.ReadAsStringAsync(Ct)), "[data-testid=acknowledge-missing-error]"));
        Assert.DoesNotContain(gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == "/api/dx-index/dti/2026/publications");

        var published = await browser.PostAsync(Page,
            new FormUrlEncodedContent([.. InProcessWeb.Fields(page, "publish-form"), new("acknowledgeMissing", "true")]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.EndsWith("/chi-so-cds/cong-bo?nam=2026&xong=cong-bo", published.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var body = JsonDocument.Parse(Assert.Single(gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == "/api/dx-index/dti/2026/publications").Body!).RootElement;
        Assert.Equal(("f-2026-1", true, JsonValueKind.Null), (body.GetProperty("fingerprint").GetString(), body.GetProperty("acknowledgeMissing").GetBoolean(),
            body.GetProperty("reason").ValueKind));
    }

    [Fact]
    public async Task A_stale_fingerprint_is_told_in_the_services_words_and_a_reviewer_is_refused()
    {
        var gateway = Publisher();
        gateway.Problem("/api/dx-index/dti/2026/publications", HttpStatusCode.Conflict, "Nội dung công bố đã thay đổi",
            "Số liệu đã thay đổi từ khi bạn xem. Hãy xem lại nội dung công bố rồi xác nhận lại.", method: "POST");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync(Page, Ct));

        var answer = await browser.PostAsync(Page, new FormUrlEncodedContent([.. InProcessWeb.Fields(page, "publish-form"), new("acknowledgeMissing", "true")]), Ct);

        Assert.Contains("Nội dung công bố đã thay đổi", Text(InProcessWeb.Parse(await answer.Content.ReadAsStringAsync(Ct)), "[data-testid=problem]"), StringComparison.Ordinal);

        var reviewer = new StubGateway().ServeShippedFrameworks().SignedIn("tw-tham-dinh", "vn", "Việt Nam", "reviewer");
        await using var other = new InProcessWeb(reviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Browser().GetAsync(Page, Ct)).StatusCode);
    }
}
