using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.MonthlyScoring.Http;

namespace Platform.MonthlyScoring.Bonus;

public sealed record ProposeBonusRequest(string? Unit, string? Period, string? Justification, string? Evidence);

/// <summary>
/// <c>POST /api/monthly-scoring/bonuses</c>: a unit proposes bonus points for itself for one month, with the
/// justification (audited); at most one open or approved proposal per unit and month.
/// </summary>
public static class ProposeBonus
{
    public static async Task<Results<Created<BonusView>, ValidationProblem, ProblemHttpResult>> Handle(
        ProposeBonusRequest request, [AsParameters] MonthlyScoringServices services, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (user.OrgUnit() is not { } callerUnit || user.Subject() is not { } subject) return ApiProblems.NoUnit();
        if (string.IsNullOrWhiteSpace(request.Unit)) return ApiProblems.Invalid("unit", "Chưa chọn đơn vị đề xuất điểm thưởng.");
        if (!Months.IsMonth(request.Period)) return ApiProblems.Invalid("period", Months.BadPeriod);
        if (string.IsNullOrWhiteSpace(request.Justification))
            return ApiProblems.Invalid("justification", "Cần nêu lý do đề xuất điểm thưởng.");
        if (request.Justification.Length > 4000) return ApiProblems.Invalid("justification", "Lý do không được dài quá 4.000 ký tự.");
        if (request.Evidence is { Length: > 1000 }) return ApiProblems.Invalid("evidence", "Minh chứng không được dài quá 1.000 ký tự.");

        var tenant = options.Value.Tenant;
        // Only for the caller's own unit; any other unit is answered as not found.
        if (request.Unit != callerUnit || !await db.Units.AnyAsync(u => u.Tenant == tenant && u.Code == request.Unit, ct))
            return ApiProblems.NotFound("Không tìm thấy đơn vị, hoặc đơn vị không phải đơn vị của bạn.");
        if (await db.BonusProposals.AnyAsync(b => b.Tenant == tenant && b.Unit == request.Unit && b.Period == request.Period && b.State != BonusStates.Rejected, ct))
            return AlreadyProposed(request.Period!);

        var now = time.GetUtcNow();
        var bonus = new BonusProposal
        {
            Id = Guid.CreateVersion7(now), Tenant = tenant, Unit = request.Unit, Period = request.Period!,
            Justification = request.Justification.Trim(), Evidence = string.IsNullOrWhiteSpace(request.Evidence) ? null : request.Evidence.Trim(),
            State = BonusStates.Proposed, ProposedBy = subject, ProposedAt = now,
        };
        db.BonusProposals.Add(bonus);
        db.AuditEntries.Add(new AuditEntry(BonusApi.AuditEntity, bonus.Id.ToString(), "proposed", subject, now, $"{bonus.Unit} {bonus.Period}: {bonus.Justification}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The partial unique index: someone of the unit proposed for the month at the same time.
            return AlreadyProposed(bonus.Period);
        }
        return TypedResults.Created($"/api/{MonthlyScoringModule.ServiceName}/bonuses/{bonus.Id}", BonusView.Of(bonus));
    }

    private static ProblemHttpResult AlreadyProposed(string period) => ApiProblems.Conflict(
        $"Đơn vị đã có đề xuất điểm thưởng cho kỳ {period} đang chờ duyệt hoặc đã được duyệt.");
}
