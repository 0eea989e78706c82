using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DxIndex.Data;
using Platform.TestSupport;

namespace Platform.DxIndex.Tests.Units;

public sealed class UnitRegisteredConsumerTests(PlatformInfrastructure infrastructure)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_higher_revision_replaces_the_unit_and_a_lower_or_equal_one_is_ignored()
    {
        await using var bench = await DxIndexHost.StartOnSystemClockAsync(infrastructure, "dxunits");
        await bench.DeliverAsync(Unit(2, "Tỉnh Lào Cai", ["provinces"]));
        await bench.DeliverAsync(Unit(1, "Tên cũ", ["ministries"]));
        await bench.DeliverAsync(Unit(2, "Tên trùng phiên bản", ["ministries"]));

        Assert.Equal("Tỉnh Lào Cai|provinces|2", await DescribeAsync(bench));

        await bench.DeliverAsync(Unit(3, "Tỉnh Lào Cai (mới)", ["provinces", "northern"], new DateOnly(2026, 7, 1)));
        Assert.Equal("Tỉnh Lào Cai (mới)|provinces,northern|3|2026-07-01", await DescribeAsync(bench));
    }

    [Fact]
    public async Task An_older_publisher_without_peer_groups_or_end_date_keeps_what_is_stored()
    {
        await using var bench = await DxIndexHost.StartOnSystemClockAsync(infrastructure, "dxunitsold");
        await bench.DeliverAsync(Unit(1, "Tỉnh Lào Cai", ["provinces"], new DateOnly(2026, 7, 1)));
        await bench.DeliverAsync(Unit(2, "Tỉnh Lào Cai", null));

        Assert.Equal("Tỉnh Lào Cai|provinces|2|2026-07-01", await DescribeAsync(bench));
    }

    private static OrganisationUnitRegistered Unit(int revision, string name, string[]? peerGroups, DateOnly? validTo = null) =>
        new("national", "lao-cai", name, "province", "vn", revision, T0.AddDays(revision), peerGroups, validTo);

    private static async Task<string> DescribeAsync(ServiceHost<Program, DxIndexDbContext> bench)
    {
        await using var db = bench.Db();
        var u = await db.Units.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        return $"{u.Name}|{string.Join(',', u.PeerGroups)}|{u.Revision}" + (u.ValidTo is { } to ? $"|{to:yyyy-MM-dd}" : "");
    }
}
