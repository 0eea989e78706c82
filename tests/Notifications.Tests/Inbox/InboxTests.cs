using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Notifications.Delivery;
using Platform.Notifications.Inbox;
using Platform.Notifications.Preferences;
using Platform.Notifications.Tests.Email;
using Platform.TestSupport;
using Platform.TestSupport.Mail;

namespace Platform.Notifications.Tests.Inbox;

public sealed class InboxTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_reporter_of_the_unit_sees_a_returned_report_in_the_inbox_and_reading_it_is_kept_per_person()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await MailHost.StartAsync(infrastructure, smtp, "inbox-read");
        var lan = host.Client(MailHost.Reporter("lan"));
        var minh = host.Client(MailHost.Reporter("minh"));
        var otherUnit = host.Client(MailHost.Reporter("hoa", "ha-noi"));

        await host.DeliverAsync(MailHost.Returned());

        var page = (await lan.GetFromJsonAsync<InboxPage>("/api/notifications/inbox", Ct))!;
        var item = Assert.Single(page.Items);
        Assert.Equal((1, 1), (page.Unread, page.Total));
        Assert.Equal(NotificationKinds.SubmissionReturned, item.Kind);
        Assert.Equal("Báo cáo bị trả lại", item.KindName);
        Assert.Contains("Sở Tài chính tỉnh Lào Cai", item.Subject);
        Assert.Contains("Lý do: Số liệu chỉ tiêu A1", item.Body);
        Assert.Equal("/nhap-lieu/monthly-4585/2026-11/lao-cai.so-tc", item.Link);
        Assert.False(item.Read);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", item.CreatedAtVietnam);
        Assert.Equal(0, (await otherUnit.GetFromJsonAsync<UnreadCount>("/api/notifications/inbox/unread-count", Ct))!.Unread);

        using (var read = await lan.PostAsync($"/api/notifications/inbox/{item.Id}/read", null, Ct))
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(0, (await lan.GetFromJsonAsync<UnreadCount>("/api/notifications/inbox/unread-count", Ct))!.Unread);
        Assert.True((await lan.GetFromJsonAsync<InboxPage>("/api/notifications/inbox", Ct))!.Items.Single().Read);
        Assert.Equal(1, (await minh.GetFromJsonAsync<UnreadCount>("/api/notifications/inbox/unread-count", Ct))!.Unread);

        await host.DeliverAsync(MailHost.Returned("Thiếu minh chứng."));
        Assert.Equal(2, (await minh.GetFromJsonAsync<InboxPage>("/api/notifications/inbox?unreadOnly=true", Ct))!.Total);
        using (var all = await minh.PostAsync("/api/notifications/inbox/read-all", null, Ct))
            Assert.Equal(HttpStatusCode.NoContent, all.StatusCode);
        Assert.Equal(0, (await minh.GetFromJsonAsync<UnreadCount>("/api/notifications/inbox/unread-count", Ct))!.Unread);
        Assert.Equal(1, (await lan.GetFromJsonAsync<UnreadCount>("/api/notifications/inbox/unread-count", Ct))!.Unread);

        using var foreign = await otherUnit.PostAsync($"/api/notifications/inbox/{item.Id}/read", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task A_person_who_turns_a_kind_off_in_app_no_longer_sees_it_and_one_who_turns_email_off_gets_no_mail()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await MailHost.StartAsync(infrastructure, smtp, "inbox-preferences");
        var lan = MailHost.Reporter("lan");
        var minh = MailHost.Reporter("minh");
        await MailHost.SignInAsync(host, lan);
        await MailHost.SignInAsync(host, minh);

        using var update = await host.Client(lan).PutAsJsonAsync("/api/notifications/preferences",
            new PreferencesUpdate([new KindChoice(NotificationKinds.SubmissionReturned, Email: false, InApp: false)]), Ct);
        update.EnsureSuccessStatusCode();
        var view = (await update.Content.ReadFromJsonAsync<PreferencesView>(Ct))!;
        Assert.Contains(view.Kinds, k => k is { Kind: NotificationKinds.SubmissionReturned, Email: false, InApp: false });
        Assert.Contains(view.Kinds, k => k is { Kind: NotificationKinds.DeadlineReminder, Legal: true, Email: true, InApp: true, KindName: "Nhắc hạn báo cáo" });

        // No focal point registered: the reporters who have signed in are mailed, except the one who said no.
        await host.DeliverAsync(MailHost.Returned());
        var mail = (await Eventually.WaitForAsync(() => Task.FromResult(smtp.Messages), m => m.Count >= 1, TimeSpan.FromSeconds(30), "the e-mail")).Single();
        Assert.Equal(["minh@laocai.gov.vn"], mail.EnvelopeTo);
        Assert.Contains("cán bộ báo cáo số liệu của Sở Tài chính tỉnh Lào Cai", mail.Text);
        Assert.Empty((await host.Client(lan).GetFromJsonAsync<InboxPage>("/api/notifications/inbox", Ct))!.Items);
        Assert.Single((await host.Client(minh).GetFromJsonAsync<InboxPage>("/api/notifications/inbox", Ct))!.Items);
    }

    [Fact]
    public async Task Turning_off_a_legal_deadline_kind_is_refused_in_Vietnamese_naming_the_field_and_changes_nothing()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await MailHost.StartAsync(infrastructure, smtp, "inbox-legal");
        var lan = host.Client(MailHost.Reporter("lan"));

        using var response = await lan.PutAsJsonAsync("/api/notifications/preferences", new PreferencesUpdate(
        [
            new KindChoice(NotificationKinds.ResultsPublished, Email: false, InApp: true),
            new KindChoice(NotificationKinds.DeadlineReminder, Email: false, InApp: true),
            new KindChoice("khong-co", Email: true, InApp: true),
        ]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Dữ liệu không hợp lệ", problem.RootElement.GetProperty("title").GetString());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("Không thể tắt \"Nhắc hạn báo cáo\"", errors.GetProperty("kinds[1]")[0].GetString());
        Assert.Contains("không tồn tại", errors.GetProperty("kinds[2].kind")[0].GetString());
        var view = (await lan.GetFromJsonAsync<PreferencesView>("/api/notifications/preferences", Ct))!;
        Assert.Contains(view.Kinds, k => k is { Kind: NotificationKinds.ResultsPublished, Email: true });
    }

    [Fact]
    public async Task Bad_paging_is_a_Vietnamese_problem_and_no_token_is_401()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await MailHost.StartAsync(infrastructure, smtp, "inbox-bad");
        using var bad = await host.Client(MailHost.Reporter("lan")).GetAsync("/api/notifications/inbox?page=0&pageSize=1000", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"page\"", body);
        Assert.Contains("\"pageSize\"", body);
        using var anonymous = await host.Client().GetAsync("/api/notifications/inbox", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var log = await host.Client(MailHost.Reporter("lan")).GetAsync("/api/notifications/log", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, log.StatusCode);
    }
}
