using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.Intake.Assignments;
using Platform.Intake.Data;
using Platform.Scoring;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Units;

/// <summary>Intake's start-up seeders (units: UnitSeedingTests; here framework versions and assignments) with two replicas.</summary>
public sealed class ReplicaSeedingTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_replicas_starting_together_record_and_announce_each_shipped_framework_version_once_and_each_assignment_once()
    {
        var replicas = await ServiceHost.StartReplicasAsync<Program, IntakeDbContext>(infrastructure, IntakeModule.DatabaseName, "seed-replicas", count: 2);
        await using var first = replicas[0];
        await using var second = replicas[1];

        await using var db = first.Db();
        var shipped = FrameworkCatalog.ShippedDefinitions().Select(d => $"{d.Id}@{d.Version}").Order().ToList();
        var stored = await db.FrameworkVersions.AsNoTracking().Select(v => new { v.FrameworkId, v.Version }).ToListAsync(Ct);
        Assert.Equal(shipped, stored.Select(v => $"{v.FrameworkId}@{v.Version}").Order());
        var announced = await db.Set<OutboxMessage>().AsNoTracking()
            .CountAsync(m => m.MessageType.StartsWith(typeof(FrameworkVersionPublished).FullName + ","), Ct);
        Assert.Equal(shipped.Count, announced);

        var units = await db.OrganisationUnits.Select(u => u.Code).Distinct().ToListAsync(Ct);
        var expected = AssignmentSeeder.ShippedAssignments().Count(r => units.Contains(r.ReportingUnit) && units.Contains(r.TargetUnit));
        var assignments = await db.Assignments.AsNoTracking()
            .Select(a => new { a.FrameworkId, a.ReportingUnit, a.TargetUnit, a.Role, a.Frequency }).ToListAsync(Ct);
        Assert.True(expected > 0);
        Assert.Equal(expected, assignments.Count);
        Assert.Equal(expected, assignments.Distinct().Count());
    }
}
