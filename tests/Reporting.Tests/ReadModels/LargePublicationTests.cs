using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Reporting.ReadModels;
using Platform.TestSupport;

namespace Platform.Reporting.Tests.ReadModels;

public sealed class LargePublicationTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task A_ranking_of_41000_units_is_stored_whole_and_its_correction_becomes_current()
    {
        var ct = TestContext.Current.CancellationToken;
        const int units = 41_000;
        await using var host = await ReportingHost.StartAsync(infrastructure, "readmodels-large");
        var at = new DateTimeOffset(2026, 2, 12, 3, 0, 0, TimeSpan.Zero);
        ScoresPublished Ranking(int revision) => new(ReportingHost.Tenant, "monthly-4585", "4585/QĐ-BKHCN (30/12/2025)", "2026-01", "communes",
            revision, revision == 1 ? null : 1, revision == 1 ? null : "Sửa điểm nhóm A", null,
            [.. Enumerable.Range(1, units).Select(i => new PublishedUnitScore($"xa-{i:D5}", 100m - i / 1000m, 100m - i / 1000m,
                i <= units / 2 ? "A" : "C", i, new Dictionary<string, decimal> { ["A"] = 18m + revision }, new Dictionary<string, PublishedIndicatorScore>(),
                0m, Reported: i < units))], at.AddDays(revision));

        await host.DeliverAsync(Ranking(2));
        await host.DeliverAsync(Ranking(1));

        await using var db = host.Db();
        Assert.Equal(2 * units, await db.Set<PublishedScore>().CountAsync(ct));
        var current = await db.Set<Publication>().SingleAsync(p => p.IsCurrent, ct);
        Assert.Equal((2, units, units - 1), (current.Revision, current.Units, current.Reported));
        var last = await db.Set<PublishedScore>().SingleAsync(s => s.Revision == 2 && s.Unit == "xa-41000", ct);
        Assert.Equal((false, (int?)null), (last.Reported, last.Rank));
        var first = await db.Set<PublishedScore>().SingleAsync(s => s.Revision == 2 && s.Unit == "xa-00001", ct);
        Assert.Equal((99.999m, "A", """{"A": 20}"""), (first.Total!.Value, first.Classification, first.Groups));
    }
}
