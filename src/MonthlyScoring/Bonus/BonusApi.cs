using Platform.DataAndMessaging.Audit;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Inputs;
using Platform.MonthlyScoring.Units;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Problems;

namespace Platform.MonthlyScoring.Bonus;

public sealed record ProposeBonusRequest(string? Unit, string? Period, string? Justification, string? Evidence);

/// <summary>
/// Bonus points (seed 001): a unit proposes for itself — its reporter, leader, or its own steering committee
/// (<c>bonus-approver</c> of that unit) — and the decision (approve 1–5 points or reject) is recorded at national level
/// only (<see cref="DecideBonus"/>); every step is audited.
/// </summary>
public static class BonusApi
{
    public const string AuditEntity = "bonus";

    public static IEndpointRouteBuilder MapBonusApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{MonthlyScoringModule.ServiceName}/bonuses").WithTags("MonthlyScoring");
        group.MapPost("", Propose).WithSummary("Propose bonus points for the caller's own unit")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Reporter, PlatformRoles.Leader, PlatformRoles.BonusApprover));
        group.MapPost("{id:guid}/approve", DecideBonus.Approve).WithSummary("Record the decision approving a proposal with 1–5 points (national level)")
            .RequireAuthorization(PlatformPolicies.BonusApprover);
        group.MapPost("{id:guid}/reject", DecideBonus.Reject).WithSummary("Record the decision rejecting a proposal, with a reason (national level)")
            .RequireAuthorization(PlatformPolicies.BonusApprover);
        group.MapGet("", List).WithSummary("Proposals and decisions of a month in the caller's scope")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Reporter, PlatformRoles.Leader, PlatformRoles.Reviewer,
                PlatformRoles.Publisher, PlatformRoles.BonusApprover, PlatformRoles.PlatformAdmin));
        return group;
    }

    public static async Task<Results<Created<BonusView>, ValidationProblem, ProblemHttpResult>> Propose(
        ProposeBonusRequest request, MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user,
        TimeProvider time, CancellationToken ct)
    {
        if (user.OrgUnit() is not { } callerUnit || user.Subject() is not { } subject) return ApiProblems.NoUnit();
        if (string.IsNullOrWhiteSpace(request.Unit)) return ApiProblems.Invalid("unit", "Chưa chọn đơn vị đề xuất điểm thưởng.");
        if (!InputsHttp.IsMonth(request.Period)) return ApiProblems.Invalid("period", InputsHttp.BadPeriod);
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
        db.AuditEntries.Add(new AuditEntry(AuditEntity, bonus.Id.ToString(), "proposed", subject, now, $"{bonus.Unit} {bonus.Period}: {bonus.Justification}"));
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

    public static async Task<Results<Ok<List<BonusView>>, ValidationProblem, ProblemHttpResult>> List(
        string? period, MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!InputsHttp.IsMonth(period)) return ApiProblems.Invalid("period", InputsHttp.BadPeriod);
        var tenant = options.Value.Tenant;
        // Everyone sees their own subtree: a province's steering committee its province, the national one (org_unit vn) every unit.
        if (user.OrgUnit() is not { } callerUnit) return ApiProblems.NoUnit();
        var rows = await db.BonusProposals.AsNoTracking()
            .Where(b => b.Tenant == tenant && b.Period == period && db.SubtreeCodes(tenant, callerUnit).Contains(b.Unit))
            .OrderBy(b => b.Unit).ThenBy(b => b.ProposedAt).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(BonusView.Of).ToList());
    }

    private static ProblemHttpResult AlreadyProposed(string period) => ApiProblems.Conflict(
        $"Đơn vị đã có đề xuất điểm thưởng cho kỳ {period} đang chờ duyệt hoặc đã được duyệt.");
}
