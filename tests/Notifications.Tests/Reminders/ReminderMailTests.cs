using Platform.Notifications.Delivery;
using Platform.TestSupport;
using Platform.TestSupport.Mail;
using static Platform.Notifications.Tests.Reminders.DeadlineWorld;

namespace Platform.Notifications.Tests.Reminders;

public sealed class ReminderMailTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task A_reminder_reaches_the_focal_point_over_SMTP_in_Vietnamese_with_the_link()
    {
        await using var smtp = TestSmtpServer.Start();
        var settings = Settings();
        foreach (var (key, value) in smtp.Settings()) settings[key] = value;
        settings["Notifications:Delivery:email:PollInterval"] = "00:00:00.100";
        await using var host = await StartAsync(infrastructure, "remind-mail", Vn(2026, 11, 20, 10), settings);
        await SeedUnitsAsync(host);
        await RegisterFocalPointsAsync(host, FinanceReporter, ("Đỗ Thị Giang", "giang.dt@stc.laocai.gov.vn"));
        await host.DeliverAsync(Announcement(1, null, Finance));

        await RunAtAsync(host, Vn(2026, 12, 1, 8));
        var mail = await Eventually.WaitForAsync(() => Task.FromResult(smtp.Messages), m => m.Count >= 1, TimeSpan.FromSeconds(30), "the reminder e-mail");
        var received = Assert.Single(mail);
        Assert.Equal(["giang.dt@stc.laocai.gov.vn"], received.EnvelopeTo);
        Assert.Equal("Nhắc hạn: báo cáo tháng 11/2026 của Sở Tài chính tỉnh Lào Cai — hạn 04/12/2026", received.Subject);
        Assert.Contains("Kính gửi Đỗ Thị Giang,", received.Text);
        Assert.Contains("https://cds.test/viec-cua-toi", received.Html);
        var row = Assert.Single(await NotificationsAsync(host, NotificationKinds.DeadlineReminder), n => n.Channel == Channels.Email);
        await Eventually.WaitForAsync(async () => (await NotificationsAsync(host, NotificationKinds.DeadlineReminder)).Single(n => n.Id == row.Id).State,
            s => s == NotificationStates.Sent, TimeSpan.FromSeconds(30), "the row marked sent");
    }
}
