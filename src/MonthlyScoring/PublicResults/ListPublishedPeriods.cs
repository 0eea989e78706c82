using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Runs;
using Platform.ServiceDefaults.Problems;
using Platform.MonthlyScoring.Http;

namespace Platform.MonthlyScoring.PublicResults;

/// <summary>Every published (period, peer group) with its current revision, newest period first.</summary>
public static class ListPublishedPeriods
{
    public static async Task<Results<Ok<List<PublishedPeriod>>, ValidationProblem>> Handle(
        string? peerGroup, [AsParameters] MonthlyScoringServices services, CancellationToken ct)
    {
        var (db, _, options, _) = services;
        if (peerGroup is not null && !RunScoring.PeerGroups.Contains(peerGroup))
            return ApiProblems.Invalid("peerGroup", PublishedRuns.BadPeerGroup(peerGroup));
        var tenant = options.Value.Tenant;
        var revisions = await PublishedRuns.Official(db, tenant)
            .Where(r => peerGroup == null || r.PeerGroup == peerGroup)
            .Select(r => new { r.Period, r.PeerGroup, Revision = r.Revision!.Value, r.CreatedAt, r.Reason })
            .ToListAsync(ct);
        var periods = revisions.GroupBy(r => (r.Period, r.PeerGroup))
            .Select(g => g.MaxBy(r => r.Revision)!)
            .Select(r => new PublishedPeriod(r.Period, r.PeerGroup, r.Revision, r.CreatedAt, r.Reason))
            .OrderByDescending(p => p.Period, StringComparer.Ordinal).ThenBy(p => p.PeerGroup, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(periods);
    }
}
