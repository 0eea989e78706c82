using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.MonthlyScoring.Http;

namespace Platform.MonthlyScoring.Bonus;

/// <summary><c>GET /api/monthly-scoring/bonuses?period=</c>: the proposals and decisions of a month in the caller's subtree.</summary>
public static class ListBonuses
{
    public static async Task<Results<Ok<List<BonusView>>, ValidationProblem, ProblemHttpResult>> Handle(
        string? period, [AsParameters] MonthlyScoringServices services, CancellationToken ct)
    {
        var (db, user, options, _) = services;
        if (!Months.IsMonth(period)) return ApiProblems.Invalid("period", Months.BadPeriod);
        var tenant = options.Value.Tenant;
        // Everyone sees their own subtree: a province's steering committee its province, the national one (org_unit vn) every unit.
        if (user.OrgUnit() is not { } callerUnit) return ApiProblems.NoUnit();
        var rows = await db.BonusProposals.AsNoTracking()
            .Where(b => b.Tenant == tenant && b.Period == period && db.SubtreeCodes(tenant, callerUnit).Contains(b.Unit))
            .OrderBy(b => b.Unit).ThenBy(b => b.ProposedAt).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(BonusView.Of).ToList());
    }
}
