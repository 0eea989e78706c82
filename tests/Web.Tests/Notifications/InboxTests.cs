using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Components.Pages.Notifications;
using static Platform.Web.Tests.Notifications.NotificationData;

namespace Platform.Web.Tests.Notifications;

public sealed class InboxTests : BunitContext
{
    private const string FirstPage = "/api/notifications/inbox?unreadOnly=false&page=1&pageSize=20";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static StubGateway Reporter() =>
        new StubGateway().ServeShippedFrameworks().SignedIn("lao-cai.reporter", "lao-cai", "Tỉnh Lào Cai", "reporter");

    [Fact]
    public void Each_notification_shows_its_title_text_time_in_Vietnam_kind_and_whether_it_is_unread_or_a_legal_reminder()
    {
        this.UseStubGateway(Reporter()).Answer(FirstPage, Inbox(Returned(), Reminder()));

        var page = Render<Inbox>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=inbox-item]").Count));
        var (returned, reminder) = (page.FindAll("[data-testid=inbox-item]")[0], page.FindAll("[data-testid=inbox-item]")[1]);
        Assert.Equal("Báo cáo tháng 01/2026 của Tỉnh Lào Cai bị trả lại", returned.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Lý do: thiếu minh chứng cho chỉ tiêu 1.2.", returned.TextContent, StringComparison.Ordinal);
        Assert.Equal("03/02/2026 08:30", returned.QuerySelector("[data-testid=inbox-time]")!.TextContent);
        Assert.Equal("Báo cáo bị trả lại", returned.QuerySelector("[data-testid=inbox-kind]")!.TextContent);
        Assert.Contains("unread", returned.ClassList);
        Assert.NotNull(returned.QuerySelector("[data-testid=inbox-unread]"));
        Assert.NotNull(returned.QuerySelector("form[data-testid=inbox-read]"));
        Assert.Null(returned.QuerySelector("[data-testid=inbox-legal]"));
        // Opening it goes through the route that marks it read.
        Assert.Equal("/thong-bao/5f0b1c3e-0000-4000-8000-000000000001/mo?den=%2Fnhap-lieu%2Fmonthly-4585%2F2026-01%2Flao-cai",
            returned.QuerySelector("[data-testid=inbox-link]")!.GetAttribute("href"));

        Assert.Null(reminder.QuerySelector("[data-testid=inbox-unread]"));
        Assert.Null(reminder.QuerySelector("form[data-testid=inbox-read]"));
        Assert.Equal("Nhắc hạn theo quy định", reminder.QuerySelector("[data-testid=inbox-legal]")!.TextContent);
        Assert.Equal("1 chưa đọc · 2 thông báo", page.Find("[data-testid=inbox-summary]").TextContent);
    }

    [Fact]
    public void A_link_to_another_site_is_not_offered()
    {
        this.UseStubGateway(Reporter()).Answer(FirstPage, Inbox(Returned(link: "https://evil.example/nhap-lieu"), Returned(link: "//evil.example")));

        var page = Render<Inbox>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=inbox-item]").Count));
        Assert.Empty(page.FindAll("[data-testid=inbox-link]"));
    }

    [Fact]
    public void The_unread_filter_and_the_page_are_asked_of_the_service_and_kept_in_the_pager()
    {
        var gateway = this.UseStubGateway(Reporter());
        gateway.Answer("/api/notifications/inbox?unreadOnly=true&page=2&pageSize=20",
            new Platform.Web.Api.InboxPage(45, 45, 2, 20, [Returned()]));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/thong-bao?chua-doc=1&trang=2");

        var page = Render<Inbox>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=pager]")));
        Assert.Equal("/thong-bao?chua-doc=1", page.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("/thong-bao?chua-doc=1&trang=3", page.Find("a[rel=next]").GetAttribute("href"));
        Assert.NotNull(page.Find("input[name=chua-doc][checked]"));
    }

    [Fact]
    public void An_empty_inbox_says_so()
    {
        this.UseStubGateway(Reporter()).Answer(FirstPage, Inbox());

        var page = Render<Inbox>();

        page.WaitForAssertion(() => Assert.Equal("Chưa có thông báo nào.", page.Find("[data-testid=inbox-empty]").TextContent));
        Assert.Empty(page.FindAll("form[data-testid=inbox-read-all]"));
    }

    [Fact]
    public async Task Marking_one_read_and_all_read_post_to_the_service_and_come_back_to_the_inbox()
    {
        var gateway = Reporter().Answer(FirstPage, Inbox(Returned(), Reminder()));
        var id = Returned().Id;
        gateway.Answer($"/api/notifications/inbox/{id}/read", new { }, HttpStatusCode.NoContent, "POST");
        gateway.Answer("/api/notifications/inbox/read-all", new { }, HttpStatusCode.NoContent, "POST");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/thong-bao", Ct));

        var one = await browser.PostAsync("/thong-bao", new FormUrlEncodedContent(InProcessWeb.Fields(page, "inbox-read")), Ct);
        var all = await browser.PostAsync("/thong-bao", new FormUrlEncodedContent(InProcessWeb.Fields(page, "inbox-read-all")), Ct);

        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.EndsWith("/thong-bao", one.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.EndsWith("/thong-bao?xong=da-doc-het", all.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains(gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == $"/api/notifications/inbox/{id}/read" && r.Csrf == "1");
        Assert.Contains(gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == "/api/notifications/inbox/read-all");
    }

    [Fact]
    public async Task Following_a_notification_marks_it_read_then_opens_its_page_and_never_another_site()
    {
        var gateway = Reporter();
        var id = Returned().Id;
        gateway.Answer($"/api/notifications/inbox/{id}/read", new { }, HttpStatusCode.NoContent, "POST");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();

        var local = await browser.GetAsync($"/thong-bao/{id}/mo?den=%2Fnhap-lieu%2Fmonthly-4585%2F2026-01%2Flao-cai", Ct);
        var elsewhere = await browser.GetAsync($"/thong-bao/{id}/mo?den=https%3A%2F%2Fevil.example%2F", Ct);
        var protocolRelative = await browser.GetAsync($"/thong-bao/{id}/mo?den=%2F%2Fevil.example%2F", Ct);

        Assert.Equal(HttpStatusCode.Redirect, local.StatusCode);
        Assert.EndsWith("/nhap-lieu/monthly-4585/2026-01/lao-cai", local.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/thong-bao", elsewhere.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/thong-bao", protocolRelative.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, gateway.Requests.Count(r => r.Method == HttpMethod.Post && r.PathAndQuery == $"/api/notifications/inbox/{id}/read"));
    }
}
