using Microsoft.EntityFrameworkCore;
using Platform.Intake.Assignments;
using Platform.Intake.Tests.Units;
using Platform.Scoring;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Assignments;

/// <summary>Seed 001: the ministries and agencies of peer group <c>ministries</c> report their own monthly-4585 inputs.</summary>
public sealed class MinistryAssignmentTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_of_the_22_ministries_and_agencies_is_assigned_every_monthly_input_for_itself()
    {
        var database = await UnitsDatabase.CreateAsync(infrastructure, "ministryseed");
        await using (var db = database.Context())
            await AssignmentSeeder.SeedAsync(db, UnitsDatabase.Tenant, TimeProvider.System, Ct);

        await using var check = database.Context();
        var ministries = await check.OrganisationUnits.AsNoTracking()
            .Where(u => u.Tenant == UnitsDatabase.Tenant && u.PeerGroups.Contains("ministries")).Select(u => u.Code).ToListAsync(Ct);
        var assigned = await check.Assignments.AsNoTracking()
            .Where(a => a.FrameworkId == "monthly-4585" && ministries.Contains(a.ReportingUnit)).ToListAsync(Ct);
        var every = ShippedFrameworks.Catalog.Find("monthly-4585", null, "2026-01")!.Inputs.Select(i => i.Key).ToList();

        Assert.Equal(22, ministries.Count);
        Assert.Equal(ministries.Order(StringComparer.Ordinal), assigned.Select(a => a.ReportingUnit).Order(StringComparer.Ordinal));
        Assert.All(assigned, a =>
        {
            Assert.Equal(a.ReportingUnit, a.TargetUnit);
            Assert.Equal(every, a.InputKeys);
            Assert.Equal(("monthly", AssignmentRoles.Lead, new DateOnly(2026, 1, 1), (DateOnly?)null), (a.Frequency, a.Role, a.ValidFrom, a.ValidTo));
        });
    }

    [Theory]
    [InlineData("lao-cai")]
    [InlineData("thanh-hoa")]
    public void Every_input_of_seed_000s_table_has_exactly_one_lead_agency_in_the_province(string province)
    {
        var rows = AssignmentSeeder.ShippedAssignments().Where(a => a.FrameworkId == "monthly-4585" && a.TargetUnit == province).ToList();
        var every = ShippedFrameworks.Catalog.Find("monthly-4585", null, "2026-01")!.Inputs.Select(i => i.Key).ToList();

        Assert.Equal(every.Order(StringComparer.Ordinal), rows.SelectMany(r => r.InputKeys).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.StartsWith(province + ".", r.ReportingUnit, StringComparison.Ordinal));
    }
}
