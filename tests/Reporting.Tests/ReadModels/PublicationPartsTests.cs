using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Platform.Reporting.Admin;
using Platform.Reporting.Data;
using Platform.Reporting.ReadModels;
using Platform.TestSupport;

namespace Platform.Reporting.Tests.ReadModels;

/// <summary>
/// A revision published in parts (<see cref="ScoresPublishedPart"/>) gives the same <c>publications</c> and
/// <c>published_scores</c> as the same revision published as one <see cref="ScoresPublished"/>, whatever the order of
/// its parts, redeliveries, parts sent again under new message ids, interleaving with another revision, and a rebuild
/// from the journal; until its last part arrives it is not a publication.
/// </summary>
public sealed class PublicationPartsTests(PlatformInfrastructure infrastructure)
{
    private static readonly DateTimeOffset At = new(2026, 2, 12, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Shuffled_duplicated_and_interleaved_parts_of_two_revisions_give_the_tables_of_the_whole_events_and_of_a_rebuild()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = Ranking(units: 11, revision: 1);
        var second = Ranking(units: 11, revision: 2);
        await using var whole = await ReportingHost.StartAsync(infrastructure, "parts-whole");
        await whole.DeliverAsync(first);
        await whole.DeliverAsync(second);

        await using var parts = await ReportingHost.StartAsync(infrastructure, "parts-split");
        // Revision 2 in parts of 3 units (4 parts), revision 1 in parts of 4 (3 parts), interleaved and shuffled; the
        // last part of revision 2 is held back.
        var secondParts = Split(second, 3);
        var order = Split(first, 4).Concat(secondParts.Take(3)).ToList();
        new Random(18).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(order));
        foreach (var (part, i) in order.Select((p, i) => (p, i)))
        {
            var id = await parts.DeliverAsync(part);
            if (i % 2 == 0) await parts.DeliverAsync(part, id);        // redelivered: same message id
            if (i % 3 == 0) await parts.DeliverAsync(part);            // sent again: a new message id, the same part
        }

        await using (var db = parts.Db())
        {
            var publications = await db.Set<Publication>().Select(p => new { p.Revision, p.IsCurrent, p.Units }).ToListAsync(ct);
            Assert.Equal([new { Revision = 1, IsCurrent = true, Units = 11 }], publications);
            Assert.Equal(9, await db.Set<PublishedScore>().CountAsync(s => s.Revision == 2, ct));
        }

        await parts.DeliverAsync(secondParts[3]);
        await parts.DeliverAsync(secondParts[1]);
        var expected = await PublicationTablesAsync(whole);
        Assert.Equal(expected, await PublicationTablesAsync(parts));
        await using (var db = parts.Db())
        {
            var current = await db.Set<Publication>().SingleAsync(p => p.IsCurrent, ct);
            Assert.Equal((2, 11, 10), (current.Revision, current.Units, current.Reported));
            Assert.Equal(["xa-00002", "xa-00005", "xa-00008", "xa-00011"], current.ChangedUnits!);
            Assert.Equal(22, await db.Set<PublishedScore>().CountAsync(ct));
            Assert.Equal(7, await db.Set<PublicationPart>().CountAsync(ct));
        }

        await using (var db = parts.Db())
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await JournalReplay.RebuildAsync(db, parts.Services.GetRequiredService<Projector>(), ct);
            await transaction.CommitAsync(ct);
        }
        Assert.Equal(expected, await PublicationTablesAsync(parts));
    }

    [Fact]
    public async Task A_stale_revision_completed_in_parts_after_its_correction_does_not_become_current()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ReportingHost.StartAsync(infrastructure, "parts-stale");
        foreach (var part in Split(Ranking(units: 5, revision: 2), 2)) await host.DeliverAsync(part);
        foreach (var part in Split(Ranking(units: 5, revision: 1), 2).AsEnumerable().Reverse()) await host.DeliverAsync(part);

        await using var db = host.Db();
        var publications = await db.Set<Publication>().OrderBy(p => p.Revision).Select(p => new { p.Revision, p.IsCurrent }).ToListAsync(ct);
        Assert.Equal([new { Revision = 1, IsCurrent = false }, new { Revision = 2, IsCurrent = true }], publications);
    }

    [Fact]
    public async Task A_41000_unit_revision_in_21_parts_equals_the_same_revision_as_one_ScoresPublished()
    {
        var ct = TestContext.Current.CancellationToken;
        var ranking = Ranking(units: 41_000, revision: 1);
        await using var whole = await ReportingHost.StartAsync(infrastructure, "parts-large-whole");
        await whole.DeliverAsync(ranking);
        await using var parts = await ReportingHost.StartAsync(infrastructure, "parts-large-split");
        var split = Split(ranking, ScoresPublishedPart.MaxUnitsPerPart);
        Assert.Equal(21, split.Count);
        foreach (var part in split.AsEnumerable().Reverse()) await parts.DeliverAsync(part);

        Assert.Equal(await PublicationTablesAsync(whole), await PublicationTablesAsync(parts));
        await using var db = parts.Db();
        var current = await db.Set<Publication>().SingleAsync(p => p.IsCurrent, ct);
        Assert.Equal((41_000, 40_958), (current.Units, current.Reported));
        Assert.Equal(41_000, await db.Set<PublishedScore>().CountAsync(ct));
    }

    /// <summary>
    /// A ranking of <paramref name="units"/> communes in published order; every 1,000th unit (and the 11th of a small one)
    /// has not reported and comes last. Revision 2 changes every third unit's group scores.
    /// </summary>
    private static ScoresPublished Ranking(int units, int revision)
    {
        var reported = Enumerable.Range(1, units).Where(i => i % 1000 != 0 && i != 11).ToList();
        var missing = Enumerable.Range(1, units).Except(reported).ToList();
        var list = reported.Select((i, r) => Unit(i, r + 1, true))
            .Concat(missing.Select(i => Unit(i, reported.Count + 1, false))).ToList();
        return new ScoresPublished(ReportingHost.Tenant, "monthly-4585", "4585/QĐ-BKHCN (30/12/2025)", "2026-01", "communes", revision,
            revision == 1 ? null : revision - 1, revision == 1 ? null : "Sửa số liệu nhóm A",
            revision == 1 ? null : [.. list.Select(u => u.Unit).Where(u => int.Parse(u[3..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 2)],
            list, At.AddDays(revision));

        PublishedUnitScore Unit(int i, int rank, bool isReported) =>
            new($"xa-{i:D5}", 90m - i / 1000m, 90m - i / 1000m + 0.0004m, isReported ? (i % 2 == 0 ? "A" : "B") : "D", rank,
                new Dictionary<string, decimal> { ["A"] = 18m + (revision > 1 && i % 3 == 2 ? 1m : 0m), ["B"] = 20.5m },
                new Dictionary<string, PublishedIndicatorScore>
                {
                    ["A1"] = new(isReported ? 9.5m : 0m, 10m, isReported ? [] : ["missing"]),
                    ["B2"] = new(4m, 5m, ["clamped"]),
                },
                i % 7 == 0 ? 1.5m : 0m, isReported);
    }

    /// <summary>The revision as its publisher splits it: parts of at most <paramref name="size"/> units in published order.</summary>
    private static List<ScoresPublishedPart> Split(ScoresPublished m, int size)
    {
        var chunks = m.Units.Chunk(size).ToList();
        return [.. chunks.Select((units, i) => new ScoresPublishedPart(m.Tenant, m.FrameworkId, m.FrameworkVersion, m.Period, m.PeerGroup,
            m.Revision, m.Supersedes, m.Reason, m.ChangedUnits is null ? null : [.. m.ChangedUnits.Where(c => units.Any(u => u.Unit == c))],
            i + 1, chunks.Count, m.Units.Count, units, m.OccurredAt))];
    }

    /// <summary>The publication tables, each row as PostgreSQL's text of the row, sorted.</summary>
    private static async Task<(string Publications, string Scores)> PublicationTablesAsync(ServiceHost<Program, ReportingDbContext> host)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = host.Db();
        var publications = await db.Database.SqlQueryRaw<string>(
            """SELECT coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '') AS "Value" FROM publications t""").SingleAsync(ct);
        var scores = await db.Database.SqlQueryRaw<string>(
            """SELECT coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '') AS "Value" FROM published_scores t""").SingleAsync(ct);
        Assert.NotEqual("", scores);
        return (publications, scores);
    }
}
