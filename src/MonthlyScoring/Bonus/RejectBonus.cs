using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;
using Platform.MonthlyScoring.Http;
using Platform.Scoring;

namespace Platform.MonthlyScoring.Bonus;

/// <param name="Basis">The decision the rejection rests on; required.</param>
public sealed record RejectBonusRequest(string? Reason, string? Basis);

/// <summary><c>POST /api/monthly-scoring/bonuses/{id}/reject</c>: records the decision rejecting a proposal, with the reason (<see cref="DecideBonus"/>).</summary>
public static class RejectBonus
{
    public static async Task<Results<Ok<BonusView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RejectBonusRequest request, [AsParameters] MonthlyScoringServices services, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, _) = services;
        if (await DecideBonus.NotNationalAsync(db, options.Value.Tenant, user, ct) is { } refused) return refused;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Reason)) errors["reason"] = ["Cần nêu lý do không duyệt."];
        else if (request.Reason.Length > 4000) errors["reason"] = ["Lý do không được dài quá 4.000 ký tự."];
        DecideBonus.CheckBasis(request.Basis, errors);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var reason = request.Reason!.Trim();
        return await DecideBonus.DecideAsync(id, services, frameworks, BonusStates.Rejected, null, reason, request.Basis!.Trim(), reason, ct);
    }
}
