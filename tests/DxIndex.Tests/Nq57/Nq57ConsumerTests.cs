using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Nq57;
using Platform.TestSupport;
using static Platform.DxIndex.Tests.Nq57.Nq57Fixture;

namespace Platform.DxIndex.Tests.Nq57;

public sealed class Nq57ConsumerTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_apply_by_submission_revision_so_a_late_or_repeated_one_changes_nothing()
    {
        await using var host = await DxIndexHost.StartOnSystemClockAsync(infrastructure, "nq57events");
        await host.DeliverAsync(Submitted(late: true));
        Assert.Equal((Nq57States.Submitted, true, 3), await StateAsync(host));

        var returned = Returned();
        var returnedId = await host.DeliverAsync(returned);
        await host.DeliverAsync(returned, returnedId); // the same message again
        Assert.Equal((Nq57States.Returned, true, 4), await StateAsync(host));

        await host.DeliverAsync(Approved(revision: 6));
        await host.DeliverAsync(Submitted(revision: 5)); // delivered after the approval it preceded
        await host.DeliverAsync(Returned(revision: 4));
        Assert.Equal((Nq57States.Approved, false, 6), await StateAsync(host));

        await using var db = host.Db();
        var row = await db.Set<Nq57Assessment>().SingleAsync(Ct);
        Assert.Equal(0.75m, Nq57Scoring.Read<decimal>(row.ReviewerScoresJson)!["A.I.1.1"]);
        Assert.Equal("Kế hoạch ban hành chậm 2 tháng", Nq57Scoring.Read<string>(row.ReviewerCommentsJson)!["A.I.1.1"]);
        Assert.Null(row.ReturnReason);
    }

    [Fact]
    public async Task A_framework_without_reviewer_scores_is_not_followed()
    {
        await using var host = await DxIndexHost.StartOnSystemClockAsync(infrastructure, "nq57monthly");
        await host.DeliverAsync(Approved(framework: "monthly-4585", values: new() { ["A.due"] = 1 }) with { Period = "2026-01" });

        await using var db = host.Db();
        Assert.False(await db.Set<Nq57Assessment>().AnyAsync(Ct));
    }

    private static async Task<(string, bool, int)> StateAsync(ServiceHost<Program, Data.DxIndexDbContext> host)
    {
        await using var db = host.Db();
        var row = await db.Set<Nq57Assessment>().AsNoTracking().SingleAsync(Ct);
        return (row.State, row.Late, row.Revision);
    }
}
