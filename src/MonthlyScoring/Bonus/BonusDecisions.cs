using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;

namespace Platform.MonthlyScoring.Bonus;

/// <summary>What a score run needs from the bonus decisions.</summary>
public static class BonusDecisions
{
    /// <summary>Approved bonus points per unit for <paramref name="period"/>, for <c>ScoringInputLoader.LoadAsync</c>.</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> ApprovedAsync(MonthlyScoringDbContext db, string tenant, string period, CancellationToken ct)
    {
        var rows = await db.BonusProposals.AsNoTracking()
            .Where(b => b.Tenant == tenant && b.Period == period && b.State == BonusStates.Approved && b.Points != null)
            .GroupBy(b => b.Unit)
            .Select(g => new { Unit = g.Key, Points = g.Sum(b => b.Points!.Value) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Unit, r => r.Points, StringComparer.Ordinal);
    }
}
