using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Notifications.Delivery;
using Platform.Notifications.Log;
using Platform.Notifications.Tests.Email;
using Platform.TestSupport;
using Platform.TestSupport.Mail;

namespace Platform.Notifications.Tests.Log;

public sealed class SentLogTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_provincial_administrator_reads_only_the_notifications_about_units_of_the_province_with_names_and_filters()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await MailHost.StartAsync(infrastructure, smtp, "log-scope");
        await host.DeliverAsync(MailHost.Returned());
        await host.DeliverAsync(new PeriodReopened(Guid.NewGuid(), NotificationsHost.Tenant, MailHost.Framework, "4585/QĐ-BKHCN (30/12/2025)", "2026-10",
            "ha-noi", DateTimeOffset.UtcNow.AddDays(3), "Bổ sung.", "reviewer", DateTimeOffset.UtcNow));
        var province = host.Client(MailHost.Admin(MailHost.Province));
        var national = host.Client(MailHost.Admin());

        var mine = (await province.GetFromJsonAsync<LogPage>("/api/notifications/log", Ct))!;
        Assert.Equal(1, mine.Total);
        var item = mine.Items.Single();
        Assert.Equal(("Sở Tài chính tỉnh Lào Cai", "Báo cáo bị trả lại", "Đã gửi"), (item.UnitName, item.KindName, item.StateName));
        Assert.Equal(3, (await national.GetFromJsonAsync<LogPage>("/api/notifications/log", Ct))!.Total);
        Assert.Equal(2, (await national.GetFromJsonAsync<LogPage>("/api/notifications/log?q=kỳ báo cáo&kind=period-reopened", Ct))!.Total);

        var hanoi = (await national.GetFromJsonAsync<LogPage>("/api/notifications/log?unit=ha-noi", Ct))!.Items;
        Assert.Equal(2, hanoi.Count); // reporters and leaders in-app
        using var foreign = await province.GetAsync($"/api/notifications/log/{hanoi[0].Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var inApp = await national.PostAsync($"/api/notifications/log/{hanoi[0].Id}/retry", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, inApp.StatusCode);

        var entry = (await province.GetFromJsonAsync<LogEntry>($"/api/notifications/log/{item.Id}", Ct))!;
        Assert.Contains("Lý do:", entry.Body);
        Assert.Equal(Channels.InApp, entry.Item.Channel);

        using var bad = await national.GetAsync("/api/notifications/log?channel=fax&state=lost", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"channel\"", problem);
        Assert.Contains("\"state\"", problem);
    }
}
