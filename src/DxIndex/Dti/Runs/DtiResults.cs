using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.Http;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.DxIndex.Dti.Runs;

/// <summary>
/// The result an answer reads: the current official revision (its stored documents) or the provisional index ("tạm
/// tính") scored now from the latest approved values, illustrative ones included.
/// </summary>
/// <param name="Run">The official revision read; null for a provisional result.</param>
public sealed record DtiResult(string Kind, DtiRun? Run, DtiComputed Computed, DateTimeOffset ComputedAt);

public static class DtiResults
{
    public static IQueryable<DtiRun> Official(DxIndexDbContext db, string tenant) =>
        db.Set<DtiRun>().AsNoTracking().Where(r => r.Tenant == tenant && r.FrameworkId == DtiOptions.FrameworkId);

    public static Task<DtiRun?> CurrentAsync(DxIndexDbContext db, string tenant, string year, CancellationToken ct) =>
        Official(db, tenant).Where(r => r.Year == year).OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct);

    /// <summary>
    /// <paramref name="kind"/> <c>official</c>: the current revision (null when none); <c>provisional</c>: scored now; absent:
    /// the current revision, or the provisional index before the first publication.
    /// </summary>
    /// <exception cref="ScoringInputException">The approved values do not pass the engine's checks.</exception>
    public static async Task<DtiResult?> ReadAsync(DxIndexDbContext db, string tenant, FrameworkCatalog frameworks, CompiledFramework framework,
        string year, string? kind, IReadOnlyDictionary<string, decimal> references, TimeProvider time, CancellationToken ct)
    {
        if (kind != DtiHttp.Provisional && await CurrentAsync(db, tenant, year, ct) is { } run) return OfRun(frameworks, run);
        if (kind == DtiHttp.Official) return null;
        var computed = await DtiScoring.ComputeAsync(db, tenant, framework, year, includeDemo: true, references, ct);
        return new DtiResult(DtiHttp.Provisional, null, computed, time.GetUtcNow());
    }

    /// <summary>An official revision as stored: the lines are read from its output document, the request from its input document.</summary>
    public static DtiResult OfRun(FrameworkCatalog frameworks, DtiRun run)
    {
        var computed = DtiScoring.Score(frameworks, run.InputJson);
        return new DtiResult(DtiHttp.Official, run, computed with { Standings = DtiStandings.Of(ResultLines.Read(run.ResultJson)) }, run.CreatedAt);
    }

    /// <summary>Median of the values (mean of the two middle ones for an even count); null when there are none.</summary>
    public static decimal? Median(IReadOnlyList<decimal> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
