using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Intake.Data;
using Platform.Intake.Units;
using Platform.DataAndMessaging.Outbox;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Units;

public sealed class UnitSeedingTests(PlatformInfrastructure infrastructure)
{
    // 1 national root + 34 provinces and cities + 22 ministries and agencies (units.tsv)
    // + 18 Lào Cai and 17 Thanh Hóa departments + 5 + 5 communes.
    private const int ShippedUnits = 1 + 34 + 22 + 38 + 13;

    [Fact]
    public async Task Two_replicas_starting_on_a_new_database_register_every_shipped_unit_exactly_once()
    {
        var replicas = await ServiceHost.StartReplicasAsync<Program, IntakeDbContext>(infrastructure, IntakeModule.DatabaseName, "seeding", count: 2);
        await using var first = replicas[0];
        await using var second = replicas[1];

        await using var db = first.Db();
        var units = await db.OrganisationUnits.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ShippedUnits, units.Count);
        Assert.Equal(ShippedUnits, units.Select(u => u.Code).Distinct().Count());
        Assert.All(units, u => Assert.Equal((UnitsDatabase.Tenant, 1, (DateOnly?)null), (u.Tenant, u.Revision, u.ValidTo)));
        var byKind = units.GroupBy(u => u.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, byKind["national"]);
        Assert.Equal(34, byKind["province"] + byKind["city"]);
        Assert.Equal(22, byKind["ministry"] + byKind["ministerial-agency"] + byKind["government-agency"]);
        Assert.Equal(38, byKind["department"]);
        Assert.Equal(13, byKind["commune"]);

        var events = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.StartsWith(typeof(OrganisationUnitRegistered).FullName + ","))
            .Select(m => m.Body).ToListAsync(TestContext.Current.CancellationToken);
        var codes = events.Select(b => JsonSerializer.Deserialize<OrganisationUnitRegistered>(b, JsonSerializerOptions.Web)!.UnitCode).ToList();
        Assert.Equal(units.Select(u => u.Code).Order(), codes.Order());
    }

    [Fact]
    public async Task A_self_hosted_province_seeds_under_its_configured_tenant()
    {
        await using var host = await ServiceHost.StartAsync<Program, IntakeDbContext>(infrastructure, IntakeModule.DatabaseName, "tenant",
            new Dictionary<string, string> { ["Intake:Tenant"] = "lao-cai" });

        await using var db = host.Db();
        Assert.Equal(["lao-cai"], await db.OrganisationUnits.Select(u => u.Tenant).Distinct().ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_keeps_a_unit_an_operator_renamed()
    {
        var database = await UnitsDatabase.CreateAsync(infrastructure, "reseed");
        await using (var db = database.Context())
        {
            var unit = await db.OrganisationUnits.Current(UnitsDatabase.Tenant).SingleAsync(u => u.Code == "thanh-hoa.xa-mau-01", TestContext.Current.CancellationToken);
            db.Add(unit.Supersede(unit.Details with { Name = "Xã Đổi Tên" }, new DateOnly(2026, 1, 1)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = database.Context())
        {
            Assert.Equal(0, await UnitSeeder.SeedAsync(db, UnitsDatabase.Tenant, TimeProvider.System, TestContext.Current.CancellationToken));
            var current = await db.OrganisationUnits.Current(UnitsDatabase.Tenant).SingleAsync(u => u.Code == "thanh-hoa.xa-mau-01", TestContext.Current.CancellationToken);
            Assert.Equal("Xã Đổi Tên", current.Name);
            Assert.Equal(ShippedUnits + 1, await db.OrganisationUnits.CountAsync(TestContext.Current.CancellationToken));
        }
        Assert.Equal(ShippedUnits, await database.OutboxCountAsync());
    }

    [Fact]
    public void The_shipped_directory_names_the_units_of_the_seed_letters_in_Vietnamese()
    {
        var units = UnitSeeder.ShippedUnits().ToDictionary(r => r.Details.Code, r => r.Details);

        Assert.Equal("Tỉnh Lào Cai", units["lao-cai"].Name);
        Assert.Equal("Yên Bái; Lào Cai", units["lao-cai"].FormedFrom);
        Assert.Equal(["provinces"], units["ha-noi"].PeerGroups);
        Assert.Equal(["ministries"], units["bkhcn"].PeerGroups);
        Assert.Equal("Sở Khoa học và Công nghệ tỉnh Lào Cai", units["lao-cai.so-khcn"].Name);
        Assert.Equal(["lao-cai.departments"], units["lao-cai.cong-an"].PeerGroups);
        Assert.Equal("lao-cai.so-khcn", units["lao-cai.tt-cntt"].ParentCode);
        Assert.Equal(("Xã Như Thanh", "thanh-hoa", "commune"), (units["thanh-hoa.nhu-thanh"].Name, units["thanh-hoa.nhu-thanh"].ParentCode, units["thanh-hoa.nhu-thanh"].Kind));
        Assert.All(units.Values.Where(u => u.Name.StartsWith("Xã mẫu", StringComparison.Ordinal)), u => Assert.EndsWith("(dữ liệu minh họa)", u.Name, StringComparison.Ordinal));
        // Added for the DTI lead agencies of seed 004 (1.4, 1.5) and monthly C2 in Thanh Hóa; not ranked among the departments.
        Assert.Equal(("Báo và Phát thanh, Truyền hình Thanh Hóa", "thanh-hoa"), (units["thanh-hoa.bao-ptth"].Name, units["thanh-hoa.bao-ptth"].ParentCode));
        Assert.Empty(units["lao-cai.bao-ptth"].PeerGroups);
        Assert.Equal("thanh-hoa.so-khcn", units["thanh-hoa.tt-cntt"].ParentCode);
    }
}
