using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Reporting.Data;
using Platform.Reporting.ReadModels;

namespace Platform.Bench.ReportingBench;

/// <summary>
/// <c>--publication-only</c>: reporting's consume side of one revision of <c>units</c> units (scale.md's communes: one
/// peer group), in the two forms of docs/events.md, in the same run: <see cref="ScoresPublishedPart"/>s of at most
/// 2,000 units (each its own message and transaction, as the consumer takes it) and, as the peer, one
/// <see cref="ScoresPublished"/>. Each message is serialised beforehand (the wire's bytes); timed per message: the
/// deserialisation, the journal insert and the projection (COPY into <c>published_scores</c>, the publication row).
/// Then both revisions' rows are compared (same units, ranks, totals, groups, indicators).
/// </summary>
internal static class PublicationOnly
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(IServiceProvider services, IReadOnlyList<int> sizes)
    {
        var results = new ReportedList();
        foreach (var size in sizes)
        {
            var generator = new EventGenerator(size + 1, 1);
            var units = generator.Units.Where(u => u.Kind != "national").ToList();
            var approved = units.Where((_, i) => i % 12 != 5).Select(u => u.Code).ToHashSet();
            var at = DateTimeOffset.Parse("2026-02-12T03:00:00Z", CultureInfo.InvariantCulture);
            var whole = generator.Ranking(new Random(18), "2026-01", $"whole-{size}", units, approved, 1, at);
            var parts = Split(whole with { PeerGroup = $"parts-{size}" });
            var wholeBytes = JsonSerializer.SerializeToUtf8Bytes(whole, Json);
            var partBytes = parts.Select(p => JsonSerializer.SerializeToUtf8Bytes(p, Json)).ToList();
            whole = null;
            parts = null;
            Console.WriteLine($"{size:N0} units: one ScoresPublished {Mib(wholeBytes.Length):N1} MiB; {partBytes.Count} parts, largest {Mib(partBytes.Max(b => b.Length)):N2} MiB");

            var partsRun = await MeasureAsync(services, partBytes, typeof(ScoresPublishedPart));
            results.Add(($"{size:N0} units in {partBytes.Count} ScoresPublishedPart (largest {Mib(partBytes.Max(b => b.Length)):N2} MiB)", partsRun.Text));
            var wholeRun = await MeasureAsync(services, [wholeBytes], typeof(ScoresPublished));
            results.Add(($"{size:N0} units as one ScoresPublished ({Mib(wholeBytes.Length):N1} MiB), peer", wholeRun.Text));
            if (partsRun.Seconds is { } p && wholeRun.Seconds is { } w)
                results.Add(($"{size:N0} units: parts / one message", $"time {p / w:N2}×, peak managed heap {partsRun.PeakHeapMiB / wholeRun.PeakHeapMiB:N2}×, " +
                    $"allocated {partsRun.AllocatedMiB / wholeRun.AllocatedMiB:N2}×; same rows: {await SameRowsAsync(services, size)}"));
        }

        Console.WriteLine();
        var width = results.Max(r => r.What.Length);
        Console.WriteLine($"| {"what".PadRight(width)} | figure |");
        Console.WriteLine($"|{new string('-', width + 2)}|--------|");
        foreach (var (what, figure) in results) Console.WriteLine($"| {what.PadRight(width)} | {figure} |");
    }

    private static List<ScoresPublishedPart> Split(ScoresPublished m)
    {
        var chunks = m.Units.Chunk(ScoresPublishedPart.MaxUnitsPerPart).ToList();
        return [.. chunks.Select((units, i) => new ScoresPublishedPart(m.Tenant, m.FrameworkId, m.FrameworkVersion, m.Period, m.PeerGroup,
            m.Revision, m.Supersedes, m.Reason, m.ChangedUnits, i + 1, chunks.Count, m.Units.Count, units, m.OccurredAt))];
    }

    private sealed record Run(string Text, double? Seconds, double PeakHeapMiB, double AllocatedMiB);

    /// <summary>Each message as its consumer takes it: deserialised, journaled and projected in one transaction.</summary>
    private static async Task<Run> MeasureAsync(IServiceProvider services, IReadOnlyList<byte[]> messages, Type contract)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = Environment.WorkingSet / 1024d / 1024d;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var projector = services.GetRequiredService<Projector>();
        TimeSpan deserialise = default, journal = default, project = default;
        using var sampler = new MemorySampler();
        using var heap = new HeapSampler();
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var bytes in messages)
            {
                var stage = Stopwatch.StartNew();
                var message = (IIntegrationEvent)JsonSerializer.Deserialize(bytes, contract, Json)!;
                deserialise += stage.Elapsed;
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
                await using var transaction = await db.Database.BeginTransactionAsync();
                stage.Restart();
                var added = await Journal.AppendAsync(db, NewId.NextGuid(), message, DateTimeOffset.UtcNow, default);
                journal += stage.Elapsed;
                stage.Restart();
                if (added) await projector.ApplyAsync(db, message, default);
                await transaction.CommitAsync();
                project += stage.Elapsed;
            }
        }
        catch (Exception ex)
        {
            return new Run($"n/a after {clock.Elapsed.TotalSeconds:N1} s: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}", null, 1, 1);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var peakOver = sampler.PeakMiB - before;
        var allocatedMiB = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024d / 1024d;
        return new Run($"{seconds:N2} s (deserialise {deserialise.TotalSeconds:N2} s, journal {journal.TotalSeconds:N2} s, " +
            $"project + commit {project.TotalSeconds:N2} s), peak managed heap {heap.PeakMiB:N0} MiB, peak working set {sampler.PeakMiB:N0} MiB " +
            $"(+{peakOver:N0} MiB over before), allocated {allocatedMiB:N0} MiB", seconds, heap.PeakMiB, allocatedMiB);
    }

    /// <summary>Both revisions' units, ranks, totals, classes, groups and indicators, hashed in unit order, are equal.</summary>
    private static async Task<string> SameRowsAsync(IServiceProvider services, int size)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        async Task<string> HashAsync(string peerGroup) => await db.Database.SqlQuery<string>($"""
            SELECT coalesce(md5(string_agg(concat_ws('|', unit, reported, rank, total, unrounded, classification, bonus, groups::text, indicators::text), E'\n' ORDER BY unit)), '')
                   || ' ' || count(*) AS "Value"
            FROM published_scores WHERE peer_group = {peerGroup}
            """).SingleAsync();
        var parts = await HashAsync($"parts-{size}");
        var whole = await HashAsync($"whole-{size}");
        var publications = await db.Database.SqlQuery<int>($"""
            SELECT count(DISTINCT (framework_version, units, reported, published_at, is_current))::int AS "Value" FROM publications
            WHERE peer_group IN ({$"parts-{size}"}, {$"whole-{size}"})
            """).SingleAsync();
        return parts == whole && publications == 1 ? $"yes ({parts.Split(' ')[1]} rows each, same publication header)" : $"NO (parts {parts}, whole {whole}, {publications} distinct headers)";
    }

    private static double Mib(long bytes) => bytes / 1024d / 1024d;
}

/// <summary>The largest managed heap in use (<see cref="GC.GetTotalMemory(bool)"/>, live objects and not yet collected garbage) while it lives, sampled every 10 ms.</summary>
internal sealed class HeapSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private long _peak = GC.GetTotalMemory(false);

    public HeapSampler() => _ = Task.Run(async () =>
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = GC.GetTotalMemory(false);
            if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
            try { await Task.Delay(10, _stop.Token); } catch (OperationCanceledException) { }
        }
    });

    public double PeakMiB => Math.Max(Interlocked.Read(ref _peak), GC.GetTotalMemory(false)) / 1024d / 1024d;

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
