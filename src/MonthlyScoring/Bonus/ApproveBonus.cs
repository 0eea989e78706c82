using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;
using Platform.MonthlyScoring.Http;
using Platform.Scoring;

namespace Platform.MonthlyScoring.Bonus;

/// <param name="Basis">The decision the points rest on (e.g. "Thông báo kết luận số 12/TB-VPCP ngày 05/02/2026"); required.</param>
public sealed record ApproveBonusRequest(decimal? Points, string? Note, string? Basis);

/// <summary><c>POST /api/monthly-scoring/bonuses/{id}/approve</c>: records the decision granting 1–5 points (<see cref="DecideBonus"/>).</summary>
public static class ApproveBonus
{
    public static async Task<Results<Ok<BonusView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ApproveBonusRequest request, [AsParameters] MonthlyScoringServices services, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, _) = services;
        if (await DecideBonus.NotNationalAsync(db, options.Value.Tenant, user, ct) is { } refused) return refused;
        var errors = new Dictionary<string, string[]>();
        if (request.Points is not { } points || points < 1 || points > 5 || decimal.Round(points, 1) != points)
            errors["points"] = ["Điểm thưởng phải từ 1 đến 5 (tối đa một chữ số thập phân)."];
        if (request.Note is { Length: > 4000 }) errors["note"] = ["Ghi chú không được dài quá 4.000 ký tự."];
        DecideBonus.CheckBasis(request.Basis, errors);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var shown = request.Points!.Value.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"));
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        return await DecideBonus.DecideAsync(id, services, frameworks, BonusStates.Approved, request.Points, note, request.Basis!.Trim(),
            $"{shown} điểm" + (note is null ? "" : $": {note}"), ct);
    }
}
