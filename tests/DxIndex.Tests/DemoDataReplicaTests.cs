using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.Demo;
using Platform.DxIndex.Dti.Inputs;
using Platform.DxIndex.Nq57;
using Platform.TestSupport;

namespace Platform.DxIndex.Tests;

public sealed class DemoDataReplicaTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_replicas_starting_together_with_demo_data_both_start_and_store_the_illustrative_rows_once()
    {
        var settings = new Dictionary<string, string> { ["DxIndex:Dti:DemoData"] = "true", ["DxIndex:Nq57:DemoData"] = "true" };

        // Before the seeders took a lock, the replica that lost the race failed to start on a duplicate key.
        var replicas = await ServiceHost.StartReplicasAsync<Program, DxIndexDbContext>(infrastructure, DxIndexModule.DatabaseName, "demo-replicas", 2, settings);
        await using var first = replicas[0];
        await using var second = replicas[1];

        await using var db = first.Db();
        var dti = await db.Set<DtiApprovedValue>().AsNoTracking().ToListAsync(Ct);
        Assert.Equal(3 * 96, dti.Count);
        Assert.Equal(dti.Count, dti.Select(v => (v.Unit, v.InputKey)).Distinct().Count());
        Assert.Equal(DemoDataSeeder.Provinces.Select(p => p.Unit).Order(), dti.Select(v => v.Unit).Distinct().Order());
        var assessments = await db.Set<Nq57Assessment>().AsNoTracking().Select(a => a.Unit).ToListAsync(Ct);
        var decisions = await db.Set<Nq57Decision>().AsNoTracking().Select(d => d.Unit).ToListAsync(Ct);
        Assert.Equal(Nq57DemoData.Communes.Order(), assessments.Order());
        Assert.Equal(Nq57DemoData.Communes.Order(), decisions.Order());
    }
}
