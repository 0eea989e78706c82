using Platform.Notifications.Obligations;
using Platform.TestSupport;
using static Platform.Notifications.Tests.Reminders.DeadlineWorld;

namespace Platform.Notifications.Tests.Obligations;

public sealed class OutstandingReportsTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task Who_still_owes_follows_the_latest_announcement_and_the_latest_state_of_each_submission_whatever_their_order()
    {
        await using var host = await NotificationsHost.StartOnSystemClockAsync(infrastructure, "owes");
        var now = DateTimeOffset.UtcNow;
        await host.DeliverAsync(new Platform.Contracts.OrganisationUnitRegistered(NotificationsHost.Tenant, Finance, "Sở Tài chính tỉnh Lào Cai", "department", Province, 1, now));
        await host.DeliverAsync(new Platform.Contracts.OrganisationUnitRegistered(NotificationsHost.Tenant, Province, "Tỉnh Lào Cai", "province", "vn", 1, now));
        var science = Guid.NewGuid();
        // Approved before anything was announced; Science returned after a submit (delivered in reverse order).
        await host.DeliverAsync(Approved(Guid.NewGuid(), Interior, 2));
        await host.DeliverAsync(Returned(science, Science, 2));
        await host.DeliverAsync(Submitted(science, Science, 1));
        await host.DeliverAsync(Announcement(2, null, Finance, Science, Interior));
        // An older revision with a unit more arrives late: ignored.
        await host.DeliverAsync(Announcement(1, null, Finance, Science, Interior, Commune));

        await using var db = host.Db();
        var owing = await OutstandingReports.ByUnitAsync(db, NotificationsHost.Tenant, Framework, Period, Level, null, TestContext.Current.CancellationToken);
        Assert.Equal(
            [(Science, Science, "bị trả lại", 1), (Finance, "Sở Tài chính tỉnh Lào Cai", "chưa bắt đầu", 3)],
            owing.Select(u => (u.Unit, u.UnitName, u.Reports.Single().StateName, u.Reports.Single().InputCount)).OrderBy(u => u.Item1 == Finance).ToList());
        Assert.Equal("Tỉnh Lào Cai", owing.Single(u => u.Unit == Finance).Reports.Single().TargetName);

        // A new revision without Finance: it no longer owes.
        await host.DeliverAsync(Announcement(3, null, Science));
        var after = await OutstandingReports.ListAsync(db, NotificationsHost.Tenant, Framework, Period, Level, Province, TestContext.Current.CancellationToken);
        Assert.Equal([Science], after.Select(r => r.ReportingUnit).ToList());
    }
}
