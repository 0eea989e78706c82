using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Notifications;
using static Platform.Web.Tests.Notifications.NotificationData;

namespace Platform.Web.Tests.Notifications;

/// <summary>The sent log, reminder settings and webhooks: the platform administrator's (reminders also the reviewer's).</summary>
public sealed class AdministrationTests : BunitContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static StubGateway Admin(string unit = "vn", string unitName = "Việt Nam") => new StubGateway().ServeShippedFrameworks()
        .SignedIn("quan-tri", unit, unitName, "platform-admin");

    [Fact]
    public void The_sent_log_names_states_channels_and_kinds_in_Vietnamese_and_sends_only_the_chosen_filters()
    {
        var gateway = this.UseStubGateway(Admin());
        gateway.Answer("/api/notifications/log?state=dead&page=1&pageSize=50",
            new LogPage(1, 1, 50, [LogRow("dead", "Gửi thất bại")]));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/quan-tri/thong-bao?kenh=&trang-thai=dead");

        var page = Render<SentLogPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=log-row]")));
        var row = page.Find("[data-testid=log-row]");
        Assert.Equal("Gửi thất bại", row.QuerySelector("[data-testid=log-state]")!.TextContent.Trim());
        Assert.Contains("Thư điện tử", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Hoa", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("/quan-tri/thong-bao/7a000000-0000-4000-8000-0000000000de", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.Find("#log-state option[value=dead][selected]"));
    }

    [Fact]
    public void Someone_who_is_not_a_platform_administrator_may_not_read_the_log()
    {
        this.UseStubGateway(new StubGateway().ServeShippedFrameworks().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer"));

        var page = Render<SentLogPage>();

        page.WaitForAssertion(() => Assert.Contains("Không có quyền truy cập", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dead_entry_shows_its_attempts_and_can_be_sent_again_a_sent_one_cannot()
    {
        var gateway = Admin();
        var dead = LogRow("dead", "Gửi thất bại");
        gateway.Answer($"/api/notifications/log/{dead.Id}", new LogEntry(dead, "Kính gửi …", "/nhap-lieu/monthly-4585/2026-01/lao-cai",
            [new AttemptView(1, ReturnedAt, "failed", "451 4.3.0 Mailbox temporarily unavailable", 120), new AttemptView(40, ReturnedAt.AddDays(1), "dead", "451 4.3.0", 95)]));
        var sent = LogRow("sent", "Đã gửi");
        gateway.Answer($"/api/notifications/log/{sent.Id}", new LogEntry(sent, "Kính gửi …", null, [new AttemptView(1, ReturnedAt, "sent", "250 OK", 80)]));
        gateway.Answer($"/api/notifications/log/{dead.Id}/retry", new { }, HttpStatusCode.Accepted, "POST");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();

        var page = InProcessWeb.Parse(await browser.GetStringAsync($"/quan-tri/thong-bao/{dead.Id}", Ct));
        var sentPage = InProcessWeb.Parse(await browser.GetStringAsync($"/quan-tri/thong-bao/{sent.Id}", Ct));
        var retried = await browser.PostAsync($"/quan-tri/thong-bao/{dead.Id}", new FormUrlEncodedContent(InProcessWeb.Fields(page, "retry-form")), Ct);

        var attempts = page.QuerySelectorAll("[data-testid=attempt]");
        Assert.Equal(2, attempts.Length);
        Assert.Contains("Thất bại, sẽ thử lại", attempts[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Thất bại, ngừng thử", attempts[1].TextContent, StringComparison.Ordinal);
        Assert.Null(sentPage.QuerySelector("form[data-testid=retry-form]"));
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.EndsWith($"/quan-tri/thong-bao/{dead.Id}?xong=gui-lai", retried.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains(gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == $"/api/notifications/log/{dead.Id}/retry");
    }

    [Fact]
    public void A_reviewer_reads_the_reminder_settings_and_the_schedule_without_a_form()
    {
        var gateway = this.UseStubGateway(new StubGateway().ServeShippedFrameworks().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer"));
        gateway.UnitWithParent("lao-cai", "Tỉnh Lào Cai", "vn");
        gateway.Answer("/api/notifications/reminder-settings", Settings());
        gateway.Answer("/api/notifications/reminders", new ReminderSchedule(
            [new ScheduledReminder("monthly-4585", "Bộ chỉ số đánh giá hằng tháng (QĐ 4585)", "2026-01", "agency-to-province", "reminder",
                ReturnedAt, "08:00 ngày 30/01/2026", "pending", 12)]));

        var page = Render<ReminderSettingsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=scheduled]")));
        Assert.Empty(page.FindAll("form[data-testid=settings-form]"));
        Assert.Contains("3 ngày làm việc trước, lúc 08:00", page.Find("[data-testid=settings-facts]").TextContent, StringComparison.Ordinal);
        var row = page.Find("[data-testid=scheduled]").TextContent;
        Assert.Contains("08:00 ngày 30/01/2026", row, StringComparison.Ordinal);
        Assert.Contains("tháng 01/2026", row, StringComparison.Ordinal);
        Assert.Contains("Nhắc trước hạn", row, StringComparison.Ordinal);
        Assert.Contains("Chờ gửi", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_national_administrator_saves_the_settings_and_each_refused_value_stands_next_to_its_field()
    {
        var gateway = Admin();
        gateway.Answer("/api/notifications/reminder-settings", Settings());
        gateway.Answer("/api/notifications/reminders", new ReminderSchedule([]));
        gateway.Problem("/api/notifications/reminder-settings", HttpStatusCode.BadRequest, "Dữ liệu không hợp lệ", null, new Dictionary<string, string[]>
        {
            ["offsets[1].time"] = ["Giờ nhắc '25:00' không hợp lệ; nhập theo dạng HH:mm, ví dụ 08:00."],
            ["holidays[1]"] = ["Ngày nghỉ '31/02/2026' không hợp lệ; nhập theo dạng dd/MM/yyyy, ví dụ 30/04/2026."],
        }, "PUT");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/quan-tri/nhac-han", Ct));
        Assert.Equal(4, page.QuerySelectorAll("[data-testid=offset]").Length); // three set, one blank to add

        // A number that is not one is told here; nothing is sent.
        var typo = InProcessWeb.Parse(await (await browser.PostAsync("/quan-tri/nhac-han", Form(page, "ba", "1"), Ct)).Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("Nhập số ngày làm việc", typo.QuerySelector("#offset-0-days-error")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Requests, r => r.Method == HttpMethod.Put);

        var refused = InProcessWeb.Parse(await (await browser.PostAsync("/quan-tri/nhac-han", Form(page, "3", "1"), Ct)).Content.ReadAsStringAsync(Ct));

        var body = JsonDocument.Parse(Assert.Single(gateway.Requests, r => r.Method == HttpMethod.Put).Body!).RootElement;
        Assert.Equal(2, body.GetProperty("offsets").GetArrayLength());
        Assert.Equal("25:00", body.GetProperty("offsets")[1].GetProperty("time").GetString());
        Assert.Equal(["30/04/2026", "31/02/2026"], body.GetProperty("holidays").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(2, body.GetProperty("reviewerAfterWorkingDays").GetInt32());
        Assert.StartsWith("Giờ nhắc '25:00' không hợp lệ", refused.QuerySelector("#offset-1-time-error")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Ngày nghỉ '31/02/2026' không hợp lệ", refused.QuerySelector("#holidays-error")!.TextContent, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(AngleSharp.Html.Dom.IHtmlDocument page, string firstDays, string secondDays) =>
        new([.. InProcessWeb.Fields(page, "settings-form"),
            new("offsetDays", firstDays), new("offsetTime", "08:00"), new("offsetDays", secondDays), new("offsetTime", "25:00"),
            new("offsetDays", ""), new("offsetTime", ""),
            new("leaderAfterWorkingDays", "1"), new("reviewerAfterWorkingDays", "2"), new("holidays", "30/04/2026\n31/02/2026")]);

    private static ReminderSettings Settings() => new([new ReminderOffset(3, "08:00"), new ReminderOffset(1, "08:00"), new ReminderOffset(0, "08:00")], 1, 2, ["30/04/2026"]);

    [Fact]
    public async Task A_new_webhook_shows_its_secret_once_with_the_warning_to_copy_it()
    {
        var gateway = Admin();
        gateway.Answer("/api/notifications/webhooks", new[] { Subscription() });
        gateway.Answer("/api/notifications/webhooks/events", Events);
        var created = Subscription() with { Id = Guid.Parse("9b000000-0000-4000-8000-000000000002"), Name = "Cổng dữ liệu tỉnh" };
        gateway.Answer("/api/notifications/webhooks", new CreatedWebhook(created, "whsec_0123456789abcdef"), HttpStatusCode.Created, "POST");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/quan-tri/webhook", Ct));
        Assert.Contains("Báo cáo được duyệt", page.QuerySelector("[data-testid=webhook]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Đang bật", page.QuerySelector("[data-testid=webhook-state]")!.TextContent);

        var answer = await browser.PostAsync("/quan-tri/webhook", new FormUrlEncodedContent([.. InProcessWeb.Fields(page, "webhook-create"),
            new("name", "Cổng dữ liệu tỉnh"), new("url", "https://data.laocai.gov.vn/hook"), new("events", "SubmissionApproved"), new("events", "ScoresPublished")]), Ct);

        var shown = InProcessWeb.Parse(await answer.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("whsec_0123456789abcdef", shown.QuerySelector("[data-testid=webhook-secret-value]")!.GetAttribute("value"));
        Assert.Contains("Khóa chỉ hiện một lần này", shown.QuerySelector("[data-testid=webhook-secret]")!.TextContent, StringComparison.Ordinal);
        var body = JsonDocument.Parse(Assert.Single(gateway.Requests, r => r.Method == HttpMethod.Post).Body!).RootElement;
        Assert.Equal(["SubmissionApproved", "ScoresPublished"], body.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        // Read again, the page has no secret.
        var again = InProcessWeb.Parse(await browser.GetStringAsync("/quan-tri/webhook", Ct));
        Assert.Null(again.QuerySelector("[data-testid=webhook-secret]"));
    }

    [Fact]
    public async Task A_refused_webhook_keeps_what_was_typed_with_each_problem_by_its_field()
    {
        var gateway = Admin();
        gateway.Answer("/api/notifications/webhooks", Array.Empty<WebhookSubscriptionView>());
        gateway.Answer("/api/notifications/webhooks/events", Events);
        gateway.Problem("/api/notifications/webhooks", HttpStatusCode.BadRequest, "Dữ liệu không hợp lệ", null, new Dictionary<string, string[]>
        {
            ["url"] = ["Địa chỉ nhận phải dùng https."],
            ["events"] = ["Cần chọn ít nhất một loại sự kiện."],
        }, "POST");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/quan-tri/webhook", Ct));

        var answer = await browser.PostAsync("/quan-tri/webhook", new FormUrlEncodedContent([.. InProcessWeb.Fields(page, "webhook-create"),
            new("name", "Cổng dữ liệu"), new("url", "http://data.example")]), Ct);

        var shown = InProcessWeb.Parse(await answer.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Địa chỉ nhận phải dùng https.", shown.QuerySelector("#webhook-url-error")!.TextContent);
        Assert.Equal("Cần chọn ít nhất một loại sự kiện.", shown.QuerySelector("#webhook-events-error")!.TextContent);
        Assert.Equal("http://data.example", shown.QuerySelector("#webhook-url")!.GetAttribute("value"));
        Assert.Null(shown.QuerySelector("[data-testid=webhook-secret]"));
    }

    [Fact]
    public async Task Turning_a_webhook_off_sends_it_back_inactive_and_a_new_secret_is_shown_once()
    {
        var gateway = Admin();
        var subscription = Subscription();
        gateway.Answer("/api/notifications/webhooks", new[] { subscription });
        gateway.Answer("/api/notifications/webhooks/events", Events);
        gateway.Answer($"/api/notifications/webhooks/{subscription.Id}", subscription with { Active = false }, method: "PUT");
        gateway.Answer($"/api/notifications/webhooks/{subscription.Id}/secret", new RotatedSecret(subscription.Id, "whsec_new"), method: "POST");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/quan-tri/webhook", Ct));

        var off = await browser.PostAsync("/quan-tri/webhook", new FormUrlEncodedContent(InProcessWeb.Fields(page, "webhook-toggle")), Ct);
        var rotated = InProcessWeb.Parse(await (await browser.PostAsync("/quan-tri/webhook", new FormUrlEncodedContent(InProcessWeb.Fields(page, "webhook-rotate")), Ct))
            .Content.ReadAsStringAsync(Ct));

        Assert.EndsWith("/quan-tri/webhook?xong=da-tat", off.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(JsonDocument.Parse(Assert.Single(gateway.Requests, r => r.Method == HttpMethod.Put).Body!).RootElement.GetProperty("active").GetBoolean());
        Assert.Equal("whsec_new", rotated.QuerySelector("[data-testid=webhook-secret-value]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_delivery_log_shows_each_attempt_and_replays_a_dead_delivery()
    {
        var gateway = Admin();
        var subscription = Subscription();
        var delivery = new WebhookDelivery(Guid.Parse("9c000000-0000-4000-8000-000000000001"), "SubmissionApproved", Guid.NewGuid(), "dead", "Gửi thất bại",
            8, ReturnedAt, null, "HTTP 500", [new AttemptView(1, ReturnedAt, "failed", "HTTP 500: lỗi máy chủ", 230)]);
        gateway.Answer("/api/notifications/webhooks", new[] { subscription });
        gateway.Answer("/api/notifications/webhooks/events", Events);
        gateway.Answer($"/api/notifications/webhooks/{subscription.Id}/deliveries?page=1", new DeliveryPage(1, [delivery]));
        gateway.Answer($"/api/notifications/webhooks/{subscription.Id}/deliveries/{delivery.Id}/replay", new { }, HttpStatusCode.Accepted, "POST");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();

        var page = InProcessWeb.Parse(await browser.GetStringAsync($"/quan-tri/webhook/{subscription.Id}", Ct));
        var replayed = await browser.PostAsync($"/quan-tri/webhook/{subscription.Id}", new FormUrlEncodedContent(InProcessWeb.Fields(page, "delivery-replay")), Ct);

        Assert.Contains("Báo cáo được duyệt", page.QuerySelector("[data-testid=delivery] h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("HTTP 500: lỗi máy chủ", page.QuerySelector("[data-testid=attempt]")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/quan-tri/webhook/{subscription.Id}?xong=gui-lai", replayed.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains(gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery.EndsWith("/replay", StringComparison.Ordinal));
    }
}
