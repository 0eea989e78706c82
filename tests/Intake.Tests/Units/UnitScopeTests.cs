using Microsoft.EntityFrameworkCore;
using Platform.Intake.Units;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Units;

/// <summary>One seeded database for the class: these tests only read.</summary>
public sealed class UnitScopeTests(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private const string Tenant = UnitsDatabase.Tenant;
    private static readonly DateOnly Today = new(2026, 5, 15);
    private UnitsDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await UnitsDatabase.CreateAsync(infrastructure, "scope");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_province_sees_its_departments_and_communes_but_not_another_province()
    {
        var codes = await SubtreeAsync("lao-cai");

        Assert.Contains("lao-cai", codes);
        Assert.Contains("lao-cai.so-khcn", codes);
        Assert.Contains("lao-cai.tt-cntt", codes); // below Sở KHCN: two levels down
        Assert.Contains("lao-cai.xa-mau-01", codes);
        Assert.Equal(1 + 19 + 5, codes.Count);
        Assert.DoesNotContain(codes, c => c.StartsWith("thanh-hoa", StringComparison.Ordinal));
        Assert.DoesNotContain("vn", codes);
    }

    [Fact]
    public async Task The_national_root_sees_every_unit_and_an_unknown_unit_sees_none()
    {
        Assert.Equal(108, (await SubtreeAsync("vn")).Count);
        Assert.Empty(await SubtreeAsync("khong-ton-tai"));
        Assert.Equal(["bkhcn"], await SubtreeAsync("bkhcn"));
    }

    [Fact]
    public async Task The_scope_is_applied_in_the_database_query()
    {
        await using var db = _database.Context();
        var query = db.OrganisationUnits.AsOf(Tenant, Today)
            .WithinSubtree(u => u.Code, db.SubtreeCodes(Tenant, "thanh-hoa", Today))
            .Where(u => u.Kind == "commune");

        Assert.Contains("WITH RECURSIVE", query.ToQueryString(), StringComparison.Ordinal);
        var communes = await query.Select(u => u.Name).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(8, communes.Count); // Như Thanh and xã mẫu 01–07 (dữ liệu minh họa)
        Assert.Contains("Xã Như Thanh", communes);
    }

    [Fact]
    public async Task Visible_units_today_follow_the_callers_unit()
    {
        await using var db = _database.Context();
        var visible = await db.VisibleUnits(Tenant, "thanh-hoa.so-khcn", TimeProvider.System).Select(u => u.Code).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["thanh-hoa.so-khcn", "thanh-hoa.tt-cntt"], visible.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Walking_up_from_a_unit_answers_exactly_what_walking_down_the_subtree_answers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = _database.Context();
        var units = await db.OrganisationUnits.Select(u => u.Code).Distinct().ToListAsync(ct);
        units.Add("khong-ton-tai");
        string[] ancestors = ["vn", "lao-cai", "lao-cai.so-khcn", "thanh-hoa", "thanh-hoa.so-khcn", "bkhcn", "khong-ton-tai"];
        var yes = 0;
        foreach (var day in new[] { Today, new DateOnly(2020, 1, 1) })
            foreach (var ancestor in ancestors)
            {
                var subtree = (await db.SubtreeCodes(Tenant, ancestor, day).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
                foreach (var unit in units)
                {
                    var inside = await db.IsInSubtreeAsync(Tenant, ancestor, unit, day, ct);
                    Assert.True(subtree.Contains(unit) == inside, $"{unit} under {ancestor} on {day}: walk down {subtree.Contains(unit)}, walk up {inside}");
                    if (inside) yes++;
                }
            }
        Assert.True(yes > 100, $"only {yes} pairs inside: the comparison should cover both answers");
    }

    private async Task<List<string>> SubtreeAsync(string unit)
    {
        await using var db = _database.Context();
        return await db.SubtreeCodes(Tenant, unit, Today).ToListAsync(TestContext.Current.CancellationToken);
    }
}
