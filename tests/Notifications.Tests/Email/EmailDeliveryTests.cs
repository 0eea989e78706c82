using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Delivery;
using Platform.Notifications.Email;
using Platform.Notifications.Log;
using Platform.TestSupport;
using Platform.TestSupport.Mail;

namespace Platform.Notifications.Tests.Email;

public sealed class EmailDeliveryTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_returned_report_is_mailed_to_the_focal_point_in_Vietnamese_with_the_reason_an_absolute_link_and_the_notifications_message_id()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await MailHost.StartAsync(infrastructure, smtp, "mail-returned");
        await MailHost.AddFocalPointAsync(host, MailHost.Department, "Nguyễn Thị Hằng", "Hang.NT@LaoCai.gov.vn");

        var messageId = await host.DeliverAsync(MailHost.Returned());

        var mail = (await Eventually.WaitForAsync(() => Task.FromResult(smtp.Messages), m => m.Count >= 1, TimeSpan.FromSeconds(30), "the e-mail")).Single();
        Assert.Equal(["hang.nt@laocai.gov.vn"], mail.EnvelopeTo);
        Assert.Contains("Sở Tài chính tỉnh Lào Cai", mail.Subject);
        Assert.Contains("tháng 11/2026", mail.Subject);
        Assert.Contains("bị trả lại", mail.Subject);
        Assert.Contains("Chấm điểm hằng tháng", mail.Subject);
        Assert.Contains("Kính gửi Nguyễn Thị Hằng,", mail.Text);
        Assert.Contains("Lý do: Số liệu chỉ tiêu A1 chưa khớp với báo cáo quý.", mail.Text);
        Assert.Contains("03/12/2026 09:30", mail.Text); // 02:30 UTC is 09:30 in Vietnam
        Assert.Contains($"{MailHost.WebBaseUrl}/nhap-lieu/monthly-4585/2026-11/lao-cai.so-tc", mail.Text);
        Assert.Contains("cán bộ đầu mối", mail.Text);
        Assert.Contains("Nền tảng đánh giá KHCN, ĐMST và chuyển đổi số", mail.Text);
        Assert.NotNull(mail.Html);
        Assert.Contains($"href=\"{MailHost.WebBaseUrl}/nhap-lieu/monthly-4585/2026-11/lao-cai.so-tc\"", mail.Html);
        Assert.Contains("Lý do: Số liệu chỉ tiêu A1", mail.Html);

        await using var db = host.Db();
        var row = await db.Notifications.SingleAsync(n => n.Channel == Channels.Email, Ct);
        Assert.Equal($"event:{messageId}", row.Cause);
        Assert.Equal(EmailSender.MessageIdOf(row.Id, "thongbao@platform.example.vn"), mail.MessageId);
        // The SMTP server has the mail before the sender, having its answer, marks the row sent.
        await Eventually.WaitForAsync(async () => (await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == row.Id, Ct)).State,
            s => s == NotificationStates.Sent, TimeSpan.FromSeconds(30), "the row marked sent");
    }

    [Fact]
    public async Task A_redelivered_event_sends_no_second_email_and_writes_no_second_notification()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await MailHost.StartAsync(infrastructure, smtp, "mail-redelivered");
        await MailHost.AddFocalPointAsync(host, MailHost.Department, "Nguyễn Thị Hằng", "hang@laocai.gov.vn");
        var returned = MailHost.Returned();

        var id = await host.DeliverAsync(returned);
        await Eventually.WaitForAsync(() => Task.FromResult(smtp.Messages.Count), n => n >= 1, TimeSpan.FromSeconds(30), "the first e-mail");
        await host.DeliverAsync(returned, id);
        await host.DeliverAsync(MailHost.Returned("Lý do khác")); // another event: another notice

        await Eventually.WaitForAsync(() => Task.FromResult(smtp.Messages.Count), n => n >= 2, TimeSpan.FromSeconds(30), "the second event's e-mail");
        await using var db = host.Db();
        Assert.Equal(2, await db.Notifications.CountAsync(n => n.Channel == Channels.Email, Ct));
        Assert.Equal(2, await db.Notifications.CountAsync(n => n.Channel == Channels.InApp, Ct));
        Assert.Equal(2, smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Single(smtp.Messages, m => m.Text!.Contains("Lý do khác"));
    }

    [Fact]
    public async Task A_refusing_smtp_server_delays_the_email_and_it_is_delivered_once_the_clock_reaches_the_retry()
    {
        await using var smtp = TestSmtpServer.Start();
        smtp.Refusing = true;
        await using var host = await MailHost.StartAsync(infrastructure, smtp, "mail-refused");
        await MailHost.AddFocalPointAsync(host, MailHost.Department, "Nguyễn Thị Hằng", "hang@laocai.gov.vn");
        var admin = host.Client(MailHost.Admin());

        await host.DeliverAsync(MailHost.Returned());
        var failed = await Eventually.WaitForAsync(() => EmailLogAsync(admin), p => p.Items.Count == 1 && p.Items[0].Attempts >= 1,
            TimeSpan.FromSeconds(30), "the first failed attempt");
        Assert.Equal(NotificationStates.Pending, failed.Items[0].State);
        Assert.Contains("451", failed.Items[0].LastError);
        Assert.Empty(smtp.Messages);

        smtp.Refusing = false;
        host.Time.Advance(TimeSpan.FromMinutes(1)); // the first retry delay
        var sent = await Eventually.WaitForAsync(() => EmailLogAsync(admin), p => p.Items[0].State == NotificationStates.Sent,
            TimeSpan.FromSeconds(30), "the retry");
        Assert.Equal(2, sent.Items[0].Attempts);
        Assert.Single(smtp.Messages);

        var entry = await admin.GetFromJsonAsync<LogEntry>($"/api/notifications/log/{sent.Items[0].Id}", Ct);
        Assert.Equal(["failed", "sent"], entry!.Attempts.Select(a => a.Outcome));
        Assert.Contains("451", entry.Attempts[0].Detail);
    }

    [Fact]
    public async Task After_the_attempt_limit_an_email_is_dead_in_the_log_and_an_administrator_retry_delivers_it_and_is_audited()
    {
        await using var smtp = TestSmtpServer.Start();
        smtp.Refusing = true;
        await using var host = await MailHost.StartAsync(infrastructure, smtp, "mail-dead", maxAttempts: 2);
        await MailHost.AddFocalPointAsync(host, MailHost.Department, "Nguyễn Thị Hằng", "hang@laocai.gov.vn");
        var admin = host.Client(MailHost.Admin());

        await host.DeliverAsync(MailHost.Returned());
        await Eventually.WaitForAsync(() => EmailLogAsync(admin), p => p.Items.Count == 1 && p.Items[0].Attempts >= 1, TimeSpan.FromSeconds(30), "attempt 1");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var dead = await Eventually.WaitForAsync(() => EmailLogAsync(admin, "&state=dead"), p => p.Total == 1, TimeSpan.FromSeconds(30), "dead");
        Assert.Equal("Gửi không thành công", dead.Items[0].StateName);
        Assert.Empty(smtp.Messages);

        smtp.Refusing = false;
        using var retry = await admin.PostAsync($"/api/notifications/log/{dead.Items[0].Id}/retry", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        await Eventually.WaitForAsync(() => EmailLogAsync(admin, "&state=sent"), p => p.Total == 1, TimeSpan.FromSeconds(30), "sent after the retry");
        Assert.Single(smtp.Messages);

        using var again = await admin.PostAsync($"/api/notifications/log/{dead.Items[0].Id}/retry", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await using var db = host.Db();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == dead.Items[0].Id.ToString(), Ct);
        Assert.Equal("retried", audit.Action);
    }

    private static async Task<LogPage> EmailLogAsync(HttpClient admin, string filter = "") =>
        (await admin.GetFromJsonAsync<LogPage>($"/api/notifications/log?channel=email{filter}", Ct))!;
}
