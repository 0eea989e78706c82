using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Units;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Units;

public sealed class UnitHistoryTests(PlatformInfrastructure infrastructure)
{
    private const string Tenant = UnitsDatabase.Tenant;

    [Fact]
    public async Task Renaming_a_unit_keeps_the_old_name_for_dates_before_the_change()
    {
        var database = await UnitsDatabase.CreateAsync(infrastructure, "rename");
        var csv = "code,kind,name,parent,peer_groups,formed_from,valid_from\n" +
                  "lao-cai.so-tc,department,Sở Tài chính và Kế hoạch tỉnh Lào Cai,lao-cai,lao-cai.departments,,2026-03-01\n";

        await using (var db = database.Context())
        {
            var result = await UnitsCsv.ImportAsync(Utf8(csv), db, Tenant, FixedTime.OnVietnamDate(2026, 3, 10), TestContext.Current.CancellationToken);
            Assert.Equal((true, 0, 1), (result.Succeeded, result.Created, result.Changed));
        }

        await using (var db = database.Context())
        {
            var rows = await db.OrganisationUnits.Where(u => u.Code == "lao-cai.so-tc").OrderBy(u => u.Revision).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Collection(rows,
                old => Assert.Equal(("Sở Tài chính tỉnh Lào Cai", 1, new DateOnly(2025, 7, 1), (DateOnly?)new DateOnly(2026, 3, 1)), (old.Name, old.Revision, old.ValidFrom, old.ValidTo)),
                now => Assert.Equal(("Sở Tài chính và Kế hoạch tỉnh Lào Cai", 2, new DateOnly(2026, 3, 1), (DateOnly?)null), (now.Name, now.Revision, now.ValidFrom, now.ValidTo)));

            Assert.Equal("Sở Tài chính tỉnh Lào Cai", await NameAsOf(db, new DateOnly(2026, 2, 28)));
            Assert.Equal("Sở Tài chính và Kế hoạch tỉnh Lào Cai", await NameAsOf(db, new DateOnly(2026, 3, 1)));
            Assert.Null(await NameAsOf(db, new DateOnly(2025, 6, 30)));
            Assert.Equal(2, (await db.OrganisationUnits.Current(Tenant).SingleAsync(u => u.Code == "lao-cai.so-tc", TestContext.Current.CancellationToken)).Revision);
        }
        // The change is announced with its new revision, so consumers can drop stale copies.
        Assert.Equal(ShippedUnits + 1, await database.OutboxCountAsync());
    }

    [Fact]
    public async Task Moving_a_unit_to_another_parent_moves_it_between_subtrees_from_that_day_on()
    {
        var database = await UnitsDatabase.CreateAsync(infrastructure, "move");
        var csv = "code,kind,name,parent,peer_groups,formed_from,valid_from\n" +
                  "lao-cai.xa-mau-05,commune,Xã mẫu 05 (dữ liệu minh họa),thanh-hoa,thanh-hoa.communes,,\n";
        var today = FixedTime.OnVietnamDate(2026, 4, 2);

        await using var db = database.Context();
        var result = await UnitsCsv.ImportAsync(Utf8(csv), db, Tenant, today, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Contains("lao-cai.xa-mau-05", await db.SubtreeCodes(Tenant, "lao-cai", new DateOnly(2026, 4, 1)).ToListAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain("lao-cai.xa-mau-05", await db.SubtreeCodes(Tenant, "lao-cai", new DateOnly(2026, 4, 2)).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains("lao-cai.xa-mau-05", await db.SubtreeCodes(Tenant, "thanh-hoa", new DateOnly(2026, 4, 2)).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_change_cannot_take_effect_before_the_revision_it_replaces()
    {
        var unit = OrganisationUnit.Register(Tenant, new UnitDetails("x", "commune", "Xã X", "vn", [], null), new DateOnly(2025, 7, 1));

        Assert.Throws<InvalidOperationException>(() => unit.Supersede(unit.Details with { Name = "Xã Y" }, new DateOnly(2025, 7, 1)));
        var next = unit.Supersede(unit.Details with { Name = "Xã Y" }, new DateOnly(2025, 8, 1));
        Assert.Throws<InvalidOperationException>(() => unit.Supersede(unit.Details with { Name = "Xã Z" }, new DateOnly(2025, 9, 1)));
        Assert.Equal((2, new DateOnly(2025, 8, 1)), (next.Revision, next.ValidFrom));
    }

    private const int ShippedUnits = 108;

    private static async Task<string?> NameAsOf(Platform.Intake.Data.IntakeDbContext db, DateOnly day) =>
        await db.OrganisationUnits.AsOf(Tenant, day).Where(u => u.Code == "lao-cai.so-tc").Select(u => u.Name).SingleOrDefaultAsync(TestContext.Current.CancellationToken);

    internal static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
