using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Nq57;

/// <summary>
/// Body of <c>POST …/communes/{unit}/decisions</c>: the final scores that differ from the suggested ones (the reviewer's,
/// else the self score) with a reason for each, and — when a decision already exists — the reason for deciding again.
/// </summary>
public sealed record DecideFinalRequest(Dictionary<string, decimal?>? Scores, Dictionary<string, string?>? Reasons, string? Reason);

/// <summary>
/// <c>POST /api/dx-index/nq57/rounds/{round}/communes/{unit}/decisions</c>. Seed 003: the commune's People's Committee
/// self-assesses, the Party committee's office receives and reviews, and the Party standing committee (Ban Thường vụ)
/// decides. On the platform (docs/dx-index.md, "Who decides"): a <c>leader</c> whose unit's subtree holds the commune,
/// who is neither the commune's own unit nor the reviewer who approved it. Every criterion's final score defaults to the
/// suggested one; a changed one needs its reason, and the engine checks it against [0, max] and discretionary caps.
/// Deciding again adds a revision and needs a reason. Decision and audit line are saved together.
/// </summary>
public static class DecideFinal
{
    public const string AuditEntity = "nq57-decision";
    private const int MaxReason = 2000;

    public static async Task<Results<Ok<Nq57CommuneView>, ValidationProblem, ProblemHttpResult>> Handle(string round, string unit,
        DecideFinalRequest body, [AsParameters] Nq57Services services, CancellationToken ct)
    {
        var (db, user, _, _, time, frameworks) = services;
        if (user.Subject() is not { } subject || user.OrgUnit() is not { } caller) return ApiProblems.NoUnit();
        if (!user.HasRole(PlatformRoles.Leader))
            return ApiProblems.Forbidden("Điểm cuối cùng do Ban Thường vụ cấp ủy quyết định; chỉ tài khoản lãnh đạo (leader) của cấp trên xã ghi nhận quyết định.");
        if (!await services.InSubtreeAsync(caller, unit, ct)) return ReadCommune.NotFound(unit);
        if (caller == unit)
            return ApiProblems.Forbidden("Đơn vị tự đánh giá không quyết định điểm cuối cùng của chính mình; việc này do Ban Thường vụ cấp ủy cấp trên quyết định.");

        var assessment = await db.Set<Nq57Assessment>().AsNoTracking().SingleOrDefaultAsync(a => a.Tenant == services.Tenant
            && a.FrameworkId == services.FrameworkId && a.Period == round && a.Unit == unit, ct);
        if (assessment is null || assessment.State != Nq57States.Approved || assessment.ValuesJson is null)
            return ApiProblems.Conflict($"Bản tự đánh giá của đơn vị chưa được thẩm định (trạng thái: {Nq57States.Name(assessment?.State)}); chỉ quyết định điểm sau khi Văn phòng cấp ủy thẩm định.");
        if (assessment.ApprovedBy == subject)
            return ApiProblems.Forbidden("Người đã thẩm định bản tự đánh giá không đồng thời quyết định điểm cuối cùng.");
        var framework = Nq57Scoring.FrameworkOf(frameworks, services.FrameworkId, assessment.FrameworkVersion, round);
        if (framework is null) return ApiProblems.Conflict($"Không có khung đánh giá {services.FrameworkId} cho đợt {round}.");

        var suggested = Nq57Scoring.Score(framework, assessment).Suggested();
        var final = new Dictionary<string, decimal>(suggested, StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (code, score) in body.Scores ?? [])
        {
            if (!suggested.ContainsKey(code)) errors[code] = [$"Tiêu chí '{code}' không có trong khung {framework.Id}."];
            else if (score is { } given) final[code] = given;
        }
        var reasons = (body.Reasons ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Value)).ToDictionary(r => r.Key, r => r.Value!.Trim(), StringComparer.Ordinal);
        foreach (var (code, problem) in Nq57Scoring.Check(framework, assessment, final)) errors.TryAdd(code, problem);
        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, score) in final.Where(f => f.Value != suggested[f.Key]).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!reasons.TryGetValue(code, out var why))
                errors.TryAdd(code, [$"Điểm quyết định của tiêu chí {code} ({Nq57Scoring.Num(score)}) khác điểm đề xuất ({Nq57Scoring.Num(suggested[code])}): cần ghi lý do."]);
            else if (why.Length > MaxReason) errors.TryAdd(code, [$"Lý do của tiêu chí {code} không được dài quá 2.000 ký tự."]);
            else changes[code] = why;
        }

        var previous = await db.Set<Nq57Decision>().AsNoTracking().Where(d => d.Tenant == services.Tenant && d.FrameworkId == services.FrameworkId
            && d.Period == round && d.Unit == unit).OrderByDescending(d => d.DecisionRevision).FirstOrDefaultAsync(ct);
        var reason = body.Reason?.Trim();
        if (previous is not null && string.IsNullOrEmpty(reason))
            errors["reason"] = [$"Đơn vị đã có quyết định (lần {previous.DecisionRevision}); quyết định lại cần ghi lý do."];
        else if (reason?.Length > MaxReason) errors["reason"] = ["Lý do không được dài quá 2.000 ký tự."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var result = Nq57Scoring.ScoreFinal(framework, assessment, final);
        var now = time.GetUtcNow();
        var decision = new Nq57Decision
        {
            Id = Guid.CreateVersion7(now),
            Tenant = services.Tenant,
            FrameworkId = services.FrameworkId,
            Period = round,
            Unit = unit,
            DecisionRevision = (previous?.DecisionRevision ?? 0) + 1,
            AssessmentRevision = assessment.Revision,
            ScoresJson = JsonSerializer.Serialize(final.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary()),
            ChangesJson = JsonSerializer.Serialize(changes),
            Reason = string.IsNullOrEmpty(reason) ? null : reason,
            Total = result.Total,
            GroupA = result.Groups.GetValueOrDefault("A"),
            GroupB = result.Groups.GetValueOrDefault("B"),
            DecidedBy = subject,
            DecidedByName = user.FindFirst("name")?.Value ?? user.Identity?.Name ?? subject,
            DecidedByUnit = caller,
            DecidedAt = now,
        };
        db.Set<Nq57Decision>().Add(decision);
        db.AuditEntries.Add(new AuditEntry(AuditEntity, $"{services.FrameworkId}/{round}/{unit}", "decided", subject, now,
            $"Quyết định lần {decision.DecisionRevision}: tổng {Nq57Scoring.Num(result.Total)} điểm"
            + (changes.Count == 0 ? "; giữ điểm đề xuất" : "; " + string.Join("; ", changes.Select(c => $"{c.Key} = {Nq57Scoring.Num(final[c.Key])} ({c.Value})")))
            + (decision.Reason is null ? "" : $". Lý do quyết định lại: {decision.Reason}")));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict("Đơn vị vừa được người khác quyết định điểm; vui lòng tải lại trang rồi quyết định lại nếu cần.");
        }
        return TypedResults.Ok((await ReadCommune.LoadAsync(services, round, unit, ct))!);
    }
}
