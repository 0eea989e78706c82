using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;

namespace Platform.MonthlyScoring.Runs;

/// <summary>The run lookups the run handlers share.</summary>
internal static class RunQueries
{
    public static Task<ScoreRun?> FindAsync(MonthlyScoringDbContext db, string tenant, Guid id, CancellationToken ct) =>
        db.ScoreRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.Tenant == tenant, ct);

    /// <summary>The latest official revision of the run's period and peer group; null for a provisional run.</summary>
    public static async Task<int?> CurrentRevisionAsync(MonthlyScoringDbContext db, ScoreRun run, CancellationToken ct) =>
        run.Revision is null ? null : await db.ScoreRuns
            .Where(r => r.Tenant == run.Tenant && r.FrameworkId == run.FrameworkId && r.Period == run.Period && r.PeerGroup == run.PeerGroup)
            .MaxAsync(r => r.Revision, ct);
}
