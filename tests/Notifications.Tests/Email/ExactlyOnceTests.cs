using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.Notifications.Email;
using Platform.TestSupport;
using Platform.TestSupport.Mail;

namespace Platform.Notifications.Tests.Email;

public sealed class ExactlyOnceTests(PlatformInfrastructure infrastructure)
{
    private const string From = "thongbao@platform.example.vn";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killed_in_the_middle_of_sending_and_restarted_the_service_delivers_every_email_and_none_twice()
    {
        await using var smtp = TestSmtpServer.Start();
        var connection = await infrastructure.CreateDatabaseAsync("crash");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__notificationsdb"] = connection,
            ["ConnectionStrings__messaging"] = await infrastructure.CreateVirtualHostAsync("crash"),
            ["Notifications__Email__Host"] = smtp.Host,
            ["Notifications__Email__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications__Email__UseTls"] = "false",
            ["Notifications__Email__From"] = From,
            ["Notifications__Delivery__email__PollInterval"] = "00:00:00.200",
            // A dead replica's rows are taken again after the lease.
            ["Notifications__Delivery__email__Lease"] = "00:00:03",
        };
        await using var db = new NotificationsDbContext(new DbContextOptionsBuilder<NotificationsDbContext>().UseNpgsql(connection).Options);

        var first = RunningService.Start("Notifications", environment);
        await Eventually.WaitForAsync(async () => (await db.Database.GetAppliedMigrationsAsync(Ct)).Any(), done => done || first.HasExited,
            TimeSpan.FromSeconds(60), "the first process to migrate its database");
        Assert.False(first.HasExited, first.Output);

        smtp.HangOn("nguoi-3@laocai.gov.vn");
        var items = Enumerable.Range(1, 6).Select(i => new NewNotification(NotificationKinds.SubmissionApproved, $"event:{Guid.NewGuid()}", Channels.Email,
            $"nguoi-{i}@laocai.gov.vn", $"Người {i}", "lao-cai.so-tc", $"Thư số {i}", $"Nội dung thư số {i}", null, null, false)).ToList();
        await NotificationQueue.EnqueueAsync(db, NotificationsHost.Tenant, items, DateTimeOffset.UtcNow, Ct);

        // One conversation hangs at RCPT TO; the others finish and are recorded. Then the process dies without warning.
        await smtp.Hanging.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await Eventually.WaitForAsync(() => db.Notifications.CountAsync(n => n.State == NotificationStates.Sent, Ct), n => n == 5,
            TimeSpan.FromSeconds(60), "the five other e-mails sent");
        await first.KillAsync();
        smtp.Release();

        await using var second = RunningService.Start("Notifications", environment);
        await Eventually.WaitForAsync(() => db.Notifications.CountAsync(n => n.State == NotificationStates.Sent, Ct), n => n == 6,
            TimeSpan.FromSeconds(90), "every e-mail sent after the restart");

        var rows = await db.Notifications.AsNoTracking().ToListAsync(Ct);
        Assert.All(rows, r => Assert.Equal(NotificationStates.Sent, r.State));
        var received = smtp.Messages.Select(m => m.MessageId).ToList();
        Assert.Equal(6, received.Count);
        Assert.Equal(rows.Select(r => EmailSender.MessageIdOf(r.Id, From)).Order(), received.Order());
    }

    [Fact]
    public async Task Two_replicas_send_each_email_once()
    {
        await using var smtp = TestSmtpServer.Start();
        var settings = MailHost.Settings(smtp);
        settings["Notifications:Email:From"] = From;
        settings["Notifications:Delivery:email:BatchSize"] = "5";
        var replicas = await ServiceHost.StartReplicasAsync<Program, NotificationsDbContext>(infrastructure, NotificationsModule.DatabaseName,
            "replicas", 2, settings);
        try
        {
            var items = Enumerable.Range(1, 60).Select(i => new NewNotification(NotificationKinds.ResultsPublished, $"event:{Guid.NewGuid()}", Channels.Email,
                $"lanh-dao-{i}@tinh.gov.vn", null, null, $"Thư số {i}", "Nội dung", null, null, false)).ToList();
            await using (var db = replicas[0].Db())
                await NotificationQueue.EnqueueAsync(db, NotificationsHost.Tenant, items, DateTimeOffset.UtcNow, Ct);

            await using var check = replicas[1].Db();
            await Eventually.WaitForAsync(() => check.Notifications.CountAsync(n => n.State == NotificationStates.Sent, Ct), n => n == 60,
                TimeSpan.FromSeconds(90), "all sixty e-mails sent");
            Assert.Equal(60, smtp.Messages.Count);
            Assert.Equal(60, smtp.Messages.Select(m => m.MessageId).Distinct().Count());
            Assert.Equal(60, await check.Set<DeliveryAttempt>().CountAsync(Ct));
        }
        finally
        {
            foreach (var replica in replicas) await replica.DisposeAsync();
        }
    }
}
