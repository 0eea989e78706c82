using System.Net;
using System.Text.Json;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Notifications;

namespace Platform.Web.Tests.Notifications;

public sealed class FocalPointOverviewTests : BunitContext
{
    private const string Path = "/api/notifications/focal-points/monthly-4585";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly FocalPointOverview Overview = new("monthly-4585", "Bộ chỉ số đánh giá hằng tháng (QĐ 4585)", "15/01/2026",
    [
        new FocalPointStatus("lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", 2, true, NotificationData.ReturnedAt),
        new FocalPointStatus("lao-cai.so-tc", "Sở Tài chính tỉnh Lào Cai", 0, false, null),
    ]);

    private static StubGateway Reviewer() => new StubGateway().ServeShippedFrameworks()
        .SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer")
        .Answer($"{Path}/overview", Overview);

    [Fact]
    public void The_reviewer_sees_which_agencies_registered_the_unregistered_first_and_the_due_date()
    {
        this.UseStubGateway(Reviewer());

        var page = Render<FocalPointOverviewPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=overview-unit]").Count));
        var rows = page.FindAll("[data-testid=overview-unit]");
        Assert.Equal("lao-cai.so-tc", rows[0].GetAttribute("data-unit"));
        Assert.Contains("Chưa đăng ký", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Đã đăng ký", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("1/2", page.Find("[data-testid=overview-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal("15/01/2026", page.Find("[data-testid=due-input]").GetAttribute("value"));
    }

    [Fact]
    public void A_reporter_may_not_open_it()
    {
        this.UseStubGateway(new StubGateway().ServeShippedFrameworks().SignedIn("lao-cai.reporter", "lao-cai", "Tỉnh Lào Cai", "reporter"));

        var page = Render<FocalPointOverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("Không có quyền truy cập", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Setting_the_due_date_sends_it_as_typed_and_the_services_refusal_stands_next_to_the_field()
    {
        var gateway = Reviewer();
        gateway.Problem($"{Path}/due-date", HttpStatusCode.BadRequest, "Dữ liệu không hợp lệ", null,
            new Dictionary<string, string[]> { ["dueDate"] = ["Hạn đăng ký 01/01/2020 đã qua; chọn hôm nay (03/02/2026) hoặc một ngày sau."] }, "PUT");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/dau-moi/tong-hop", Ct));

        var answer = await browser.PostAsync("/dau-moi/tong-hop?khung=monthly-4585",
            new FormUrlEncodedContent([.. InProcessWeb.Fields(page, "due-form"), new("dueDate", "01/01/2020")]), Ct);

        Assert.Equal("01/01/2020", JsonDocument.Parse(Assert.Single(gateway.Requests, r => r.Method == HttpMethod.Put).Body!).RootElement.GetProperty("dueDate").GetString());
        var shown = InProcessWeb.Parse(await answer.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("Hạn đăng ký 01/01/2020 đã qua", shown.QuerySelector("#due-date-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("01/01/2020", shown.QuerySelector("#due-date")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_empty_due_date_is_told_before_anything_is_sent()
    {
        var gateway = Reviewer();
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/dau-moi/tong-hop", Ct));

        var answer = await browser.PostAsync("/dau-moi/tong-hop?khung=monthly-4585",
            new FormUrlEncodedContent([.. InProcessWeb.Fields(page, "due-form"), new("dueDate", " ")]), Ct);

        Assert.DoesNotContain(gateway.Requests, r => r.Method == HttpMethod.Put);
        var shown = InProcessWeb.Parse(await answer.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("Nhập hạn đăng ký theo dạng ngày/tháng/năm", shown.QuerySelector("#due-date-error")!.TextContent, StringComparison.Ordinal);
    }
}
