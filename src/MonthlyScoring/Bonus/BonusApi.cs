using Platform.ServiceDefaults.Audit;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Inputs;
using Platform.MonthlyScoring.Units;
using Platform.ServiceDefaults.Security;

namespace Platform.MonthlyScoring.Bonus;

public sealed record ProposeBonusRequest(string? Unit, string? Period, string? Justification, string? Evidence);

public sealed record ApproveBonusRequest(decimal? Points, string? Note);

public sealed record RejectBonusRequest(string? Reason);

/// <summary>
/// Bonus points: a unit proposes, the steering committee of its subtree approves (1–5 points) or rejects; every step is
/// audited.
/// </summary>
public static class BonusApi
{
    public const string AuditEntity = "bonus";

    public static IEndpointRouteBuilder MapBonusApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{MonthlyScoringModule.ServiceName}/bonuses").WithTags("MonthlyScoring");
        group.MapPost("", Propose).WithSummary("Propose bonus points for the caller's own unit")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Reporter, PlatformRoles.Leader));
        group.MapPost("{id:guid}/approve", Approve).WithSummary("Approve a proposal with 1–5 points")
            .RequireAuthorization(PlatformPolicies.BonusApprover);
        group.MapPost("{id:guid}/reject", Reject).WithSummary("Reject a proposal with a reason")
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
        if (user.OrgUnit() is not { } callerUnit || user.Subject() is not { } subject) return InputsHttp.NoUnit();
        if (string.IsNullOrWhiteSpace(request.Unit)) return InputsHttp.Invalid("unit", "Chưa chọn đơn vị đề xuất điểm thưởng.");
        if (!InputsHttp.IsMonth(request.Period)) return InputsHttp.Invalid("period", InputsHttp.BadPeriod);
        if (string.IsNullOrWhiteSpace(request.Justification))
            return InputsHttp.Invalid("justification", "Cần nêu lý do đề xuất điểm thưởng.");
        if (request.Justification.Length > 4000) return InputsHttp.Invalid("justification", "Lý do không được dài quá 4.000 ký tự.");
        if (request.Evidence is { Length: > 1000 }) return InputsHttp.Invalid("evidence", "Minh chứng không được dài quá 1.000 ký tự.");

        var tenant = options.Value.Tenant;
        // Only for the caller's own unit; any other unit is answered as not found.
        if (request.Unit != callerUnit || !await db.Units.AnyAsync(u => u.Tenant == tenant && u.Code == request.Unit, ct))
            return NotFound("Không tìm thấy đơn vị, hoặc đơn vị không phải đơn vị của bạn.");
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

    public static async Task<Results<Ok<BonusView>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, ApproveBonusRequest request, MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user,
        TimeProvider time, CancellationToken ct)
    {
        if (request.Points is not { } points || points < 1 || points > 5 || decimal.Round(points, 1) != points)
            return InputsHttp.Invalid("points", "Điểm thưởng phải từ 1 đến 5 (tối đa một chữ số thập phân).");
        if (request.Note is { Length: > 4000 }) return InputsHttp.Invalid("note", "Ghi chú không được dài quá 4.000 ký tự.");
        var points1 = points.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"));
        return await DecideAsync(id, db, options, user, time, BonusStates.Approved, points, request.Note, $"{points1} điểm" + (request.Note is null ? "" : $": {request.Note}"), ct);
    }

    public static async Task<Results<Ok<BonusView>, ValidationProblem, ProblemHttpResult>> Reject(
        Guid id, RejectBonusRequest request, MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user,
        TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason)) return InputsHttp.Invalid("reason", "Cần nêu lý do từ chối.");
        if (request.Reason.Length > 4000) return InputsHttp.Invalid("reason", "Lý do không được dài quá 4.000 ký tự.");
        return await DecideAsync(id, db, options, user, time, BonusStates.Rejected, null, request.Reason.Trim(), request.Reason.Trim(), ct);
    }

    private static async Task<Results<Ok<BonusView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid id, MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user, TimeProvider time,
        string state, decimal? points, string? note, string auditDetail, CancellationToken ct)
    {
        if (user.Subject() is not { } subject || user.OrgUnit() is not { } callerUnit) return InputsHttp.NoUnit();
        var tenant = options.Value.Tenant;
        // Only proposals of the approver's subtree: another province's answers as not found.
        var bonus = await db.BonusProposals.SingleOrDefaultAsync(
            b => b.Id == id && b.Tenant == tenant && db.SubtreeCodes(tenant, callerUnit).Contains(b.Unit), ct);
        if (bonus is null) return NotFound("Không tìm thấy đề xuất điểm thưởng.");
        if (bonus.State != BonusStates.Proposed) return AlreadyDecided(bonus);

        var now = time.GetUtcNow();
        bonus.State = state;
        bonus.Points = points;
        bonus.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        bonus.DecidedBy = subject;
        bonus.DecidedAt = now;
        db.AuditEntries.Add(new AuditEntry(AuditEntity, bonus.Id.ToString(), state, subject, now, auditDetail));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return InputsHttp.Problem(StatusCodes.Status409Conflict, "Xung đột dữ liệu", "Đề xuất vừa được người khác quyết định; vui lòng tải lại.");
        }
        return TypedResults.Ok(BonusView.Of(bonus));
    }

    public static async Task<Results<Ok<List<BonusView>>, ValidationProblem, ProblemHttpResult>> List(
        string? period, MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!InputsHttp.IsMonth(period)) return InputsHttp.Invalid("period", InputsHttp.BadPeriod);
        var tenant = options.Value.Tenant;
        // Everyone sees their own subtree: a province's steering committee its province, the national one (org_unit vn) every unit.
        if (user.OrgUnit() is not { } callerUnit) return InputsHttp.NoUnit();
        var rows = await db.BonusProposals.AsNoTracking()
            .Where(b => b.Tenant == tenant && b.Period == period && db.SubtreeCodes(tenant, callerUnit).Contains(b.Unit))
            .OrderBy(b => b.Unit).ThenBy(b => b.ProposedAt).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(BonusView.Of).ToList());
    }

    private static ProblemHttpResult NotFound(string detail) => InputsHttp.Problem(StatusCodes.Status404NotFound, "Không tìm thấy", detail);

    private static ProblemHttpResult AlreadyProposed(string period) => InputsHttp.Problem(StatusCodes.Status409Conflict, "Xung đột dữ liệu",
        $"Đơn vị đã có đề xuất điểm thưởng cho kỳ {period} đang chờ duyệt hoặc đã được duyệt.");

    private static ProblemHttpResult AlreadyDecided(BonusProposal bonus) => InputsHttp.Problem(StatusCodes.Status409Conflict, "Xung đột dữ liệu",
        bonus.State == BonusStates.Approved ? "Đề xuất đã được duyệt trước đó." : "Đề xuất đã bị từ chối trước đó.");
}
