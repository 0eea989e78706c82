using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Platform.MonthlyScoring.Http;
using Platform.Scoring.Io;

namespace Platform.MonthlyScoring.Runs;

/// <summary><c>GET /api/monthly-scoring/units/{unit}/history?peerGroup=</c>: a unit's published results, month by month.</summary>
public static class ReadUnitHistory
{
    public static async Task<Results<Ok<List<HistoryEntry>>, ValidationProblem, ProblemHttpResult>> Handle(
        string unit, string? peerGroup, [AsParameters] MonthlyScoringServices services, CancellationToken ct)
    {
        var (db, user, options, _) = services;
        if (peerGroup is null || !RunScoring.PeerGroups.Contains(peerGroup))
            return ApiProblems.Invalid("peerGroup", "Nhóm so sánh chỉ nhận provinces hoặc ministries.");
        var tenant = options.Value.Tenant;
        if (await RunScope.ForAsync(db, tenant, user, ct) is not { } scope) return ApiProblems.NoUnit();
        if (!scope.Sees(unit)) return ApiProblems.NotFound($"Không tìm thấy đơn vị \"{unit}\" trong phạm vi của bạn.");
        var revisions = await db.ScoreRuns.AsNoTracking()
            .Where(r => r.Tenant == tenant && r.PeerGroup == peerGroup && r.Kind == ScoreRunKinds.Official)
            .Select(r => new { r.Id, r.Period, r.Revision }).ToListAsync(ct);
        var latest = revisions.GroupBy(r => r.Period).Select(g => g.MaxBy(r => r.Revision)!.Id).ToList();
        var runs = await db.ScoreRuns.AsNoTracking().Where(r => latest.Contains(r.Id)).OrderBy(r => r.Period).ToListAsync(ct);
        var history = new List<HistoryEntry>();
        foreach (var run in runs)
        {
            if (Standings.Of(ResultLines.Read(run.ResultJson)).FirstOrDefault(s => s.Line.Unit == unit) is { } standing)
                history.Add(HistoryEntry.Of(run, standing));
        }
        return TypedResults.Ok(history);
    }
}
