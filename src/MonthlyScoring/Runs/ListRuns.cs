using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Http;

namespace Platform.MonthlyScoring.Runs;

/// <summary><c>GET /api/monthly-scoring/runs?period=&amp;peerGroup=</c>: the runs, provisional and official, without their documents.</summary>
public static class ListRuns
{
    public static async Task<Ok<List<RunView>>> Handle(
        string? period, string? peerGroup, [AsParameters] MonthlyScoringServices services, CancellationToken ct)
    {
        var (db, user, options, _) = services;
        var tenant = options.Value.Tenant;
        var runs = await db.ScoreRuns.AsNoTracking()
            .Where(r => r.Tenant == tenant && (period == null || r.Period == period) && (peerGroup == null || r.PeerGroup == peerGroup))
            .OrderBy(r => r.Period).ThenBy(r => r.PeerGroup).ThenBy(r => r.CreatedAt)
            .Select(r => new ScoreRun
            {
                Id = r.Id, Tenant = r.Tenant, FrameworkId = r.FrameworkId, FrameworkVersion = r.FrameworkVersion, Period = r.Period,
                PeerGroup = r.PeerGroup, Kind = r.Kind, Revision = r.Revision, Supersedes = r.Supersedes, Reason = r.Reason,
                ChangedUnits = r.ChangedUnits, CreatedBy = r.CreatedBy, CreatedAt = r.CreatedAt,
            })
            .ToListAsync(ct);
        var current = runs.Where(r => r.Revision is not null).GroupBy(r => (r.Period, r.PeerGroup))
            .ToDictionary(g => g.Key, g => g.Max(r => r.Revision));
        var scope = await RunScope.ForAsync(db, tenant, user, ct);
        return TypedResults.Ok(runs.Select(r => RunView.Of(r, current.GetValueOrDefault((r.Period, r.PeerGroup))).ShownTo(scope, user)).ToList());
    }
}
