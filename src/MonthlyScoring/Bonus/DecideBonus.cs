using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Runs;
using Platform.DataAndMessaging.Units;
using Platform.DataAndMessaging.Audit;
using Platform.DataAndMessaging.Outbox;
using Platform.Contracts;
using Platform.Scoring;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Problems;
using Platform.MonthlyScoring.Http;

namespace Platform.MonthlyScoring.Bonus;

/// <summary>
/// Recording the decision on a bonus proposal. Seed 001: the standing body of the Government's steering committee
/// evaluates the proposals and proposes them at the meeting; the Prime Minister decides. So only a
/// <c>bonus-approver</c> whose <c>org_unit</c> is the tenant's national root (<c>vn</c>) records decisions, with the
/// document they rest on; a province's or ministry's <c>bonus-approver</c> gets 403 before any proposal is looked up
/// (it sends its own unit's proposals instead). A decision made after the period was published for the unit's peer
/// group never touches that revision: the answer says a correction is needed, and the publisher's preview shows it.
/// </summary>
internal static class DecideBonus
{
    private const int MaxBasis = 1000;

    /// <summary>403 unless the caller's unit is the national root: the decision is not the proposing province's or ministry's.</summary>
    public static async Task<ProblemHttpResult?> NotNationalAsync(MonthlyScoringDbContext db, string tenant, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Subject() is null || user.OrgUnit() is not { } unit) return ApiProblems.NoUnit();
        if (await db.IsRootAsync(tenant, unit, ct)) return null;
        return ApiProblems.Forbidden("Điểm thưởng trong xếp hạng quốc gia do Thủ tướng Chính phủ quyết định theo đề xuất của thường trực Ban chỉ đạo của Chính phủ; " +
            "chỉ tài khoản duyệt điểm thưởng cấp trung ương ghi nhận quyết định. Tài khoản của bộ, ngành, địa phương gửi và theo dõi đề xuất của đơn vị mình.");
    }

    public static void CheckBasis(string? basis, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(basis))
            errors["basis"] = ["Cần ghi căn cứ của quyết định (số, ngày văn bản: quyết định của Thủ tướng Chính phủ hoặc thông báo kết luận cuộc họp)."];
        else if (basis.Length > MaxBasis) errors["basis"] = ["Căn cứ không được dài quá 1.000 ký tự."];
    }

    public static async Task<Results<Ok<BonusView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid id, MonthlyScoringServices services, FrameworkCatalog frameworks, string state, decimal? points, string? note, string basis,
        string auditDetail, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        var tenant = options.Value.Tenant;
        var subject = user.Subject()!;
        var bonus = await db.BonusProposals.SingleOrDefaultAsync(b => b.Id == id && b.Tenant == tenant, ct);
        if (bonus is null) return ApiProblems.NotFound("Không tìm thấy đề xuất điểm thưởng.");
        if (bonus.State != BonusStates.Proposed)
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Đề xuất đã được quyết định",
                bonus.State == BonusStates.Approved ? "Đề xuất đã được duyệt trước đó." : "Đề xuất đã bị từ chối trước đó.");

        var now = time.GetUtcNow();
        bonus.State = state;
        bonus.Points = points;
        bonus.DecisionNote = note;
        bonus.DecisionBasis = basis;
        bonus.DecidedBy = subject;
        bonus.DecidedByName = user.FindFirst("name")?.Value ?? user.Identity?.Name ?? subject;
        bonus.DecidedAt = now;
        db.AuditEntries.Add(new AuditEntry(BonusApi.AuditEntity, bonus.Id.ToString(), state, subject, now, $"{auditDetail} — căn cứ: {basis}"));
        // A month before the framework took effect has no version in force: the event says so with an empty version.
        var version = frameworks.Find(MonthlyScoringOptions.FrameworkId, null, bonus.Period)?.Version ?? "";
        db.EnqueueEvent(new BonusDecided(bonus.Id, tenant, MonthlyScoringOptions.FrameworkId, version, bonus.Period, bonus.Unit, state,
            points, note, subject, now), time);
        // One save: the decision, its audit line and BonusDecided, or none of them.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Đề xuất đã được quyết định", "Đề xuất vừa được người khác quyết định; vui lòng tải lại.");
        }
        var published = state == BonusStates.Approved && await PublishedAsync(db, tenant, bonus, ct);
        return TypedResults.Ok(BonusView.Of(bonus) with { CorrectionNeeded = published });
    }

    /// <summary>Whether the month is already published for a peer group of the unit: then the published revision needs a correction.</summary>
    private static async Task<bool> PublishedAsync(MonthlyScoringDbContext db, string tenant, BonusProposal bonus, CancellationToken ct)
    {
        var groups = await db.Units.AsNoTracking().Where(u => u.Tenant == tenant && u.Code == bonus.Unit).Select(u => u.PeerGroups).SingleOrDefaultAsync(ct) ?? [];
        return groups.Length > 0 && await db.ScoreRuns.AnyAsync(r => r.Tenant == tenant && r.Period == bonus.Period
            && r.Kind == ScoreRunKinds.Official && groups.Contains(r.PeerGroup), ct);
    }
}
