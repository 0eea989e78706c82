using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.TestSupport;

namespace Platform.Notifications.Tests.Units;

public sealed class UnitDirectoryTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task A_registered_unit_is_kept_and_a_stale_revision_does_not_overwrite_it()
    {
        await using var host = await NotificationsHost.StartOnSystemClockAsync(infrastructure, "units");
        var now = DateTimeOffset.UtcNow;
        await host.DeliverAsync(new OrganisationUnitRegistered(NotificationsHost.Tenant, "lao-cai.so-tc", "Sở Tài chính tỉnh Lào Cai", "department", "lao-cai", 2, now));
        await host.DeliverAsync(new OrganisationUnitRegistered(NotificationsHost.Tenant, "lao-cai.so-tc", "Tên cũ", "department", "lao-cai", 1, now));

        await using var db = host.Db();
        var unit = await db.Units.SingleAsync(u => u.Code == "lao-cai.so-tc", TestContext.Current.CancellationToken);
        Assert.Equal(("Sở Tài chính tỉnh Lào Cai", "lao-cai", 2), (unit.Name, unit.ParentCode, unit.Revision));
    }
}
