using Platform.DataAndMessaging.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Assignments;
using Platform.Intake.Submissions;
using Platform.Intake.Units;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Audit;

public sealed record AuditLine(Guid Id, string EntityType, string EntityId, string Action, string By, DateTimeOffset At, string? Detail)
{
    public static AuditLine Of(AuditEntry e) => new(e.Id, e.EntityType, e.EntityId, e.Action, e.By, e.At, e.Detail);
}

/// <summary>
/// <c>GET /api/intake/audit?entityType=&amp;entityId=&amp;page=&amp;pageSize=</c>: the read side of the append-only audit log,
/// oldest line first. A submission's lines are shown to whoever may see the submission; an assignment's or a unit's to an
/// administrator whose subtree holds it; lines of other kinds (periods, evidence), and listings without an entity id,
/// only to a platform administrator, because those lines carry no unit to scope them by.
/// </summary>
public static class ReadAudit
{
    public static readonly IReadOnlyList<string> EntityTypes =
        [AuditEntities.Submission, AuditEntities.Assignment, AuditEntities.Period, AuditEntities.Evidence, AuditEntities.Unit];

    public static async Task<Results<Ok<Paged<AuditLine>>, ValidationProblem, ProblemHttpResult>> Handle(
        string? entityType, string? entityId, int? page, int? pageSize, [AsParameters] IntakeServices services, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var (paging, invalid) = Paging.Check(page, pageSize);
        if (invalid is not null) return invalid;
        if (entityType is null || !EntityTypes.Contains(entityType))
            return ApiProblems.InvalidByKey("entityType", $"Chọn loại đối tượng (entityType) là một trong: {string.Join(", ", EntityTypes)}.");

        var tenant = options.Value.Tenant;
        var platformAdmin = user.IsInRole(PlatformRoles.PlatformAdmin);
        var admin = platformAdmin || user.IsInRole(PlatformRoles.FrameworkAdmin);
        if (string.IsNullOrWhiteSpace(entityId))
        {
            if (!platformAdmin) return ApiProblems.InvalidByKey("entityId", "Chọn đối tượng cần xem nhật ký (entityId).");
        }
        else if (entityType == AuditEntities.Submission)
        {
            if (!Guid.TryParse(entityId, out var id) || !await db.VisibleOrOwn(tenant, caller.Unit, time).AnyAsync(s => s.Id == id, ct))
                return NotFound();
        }
        else if (!admin)
        {
            return ApiProblems.Forbidden("Chỉ quản trị viên được xem nhật ký của phân công, đơn vị, kỳ báo cáo và minh chứng.");
        }
        else if (entityType == AuditEntities.Assignment)
        {
            if (!Guid.TryParse(entityId, out var id) || !await db.Administered(tenant, caller.Unit, time).AnyAsync(a => a.Id == id, ct))
                return NotFound();
        }
        else if (entityType == AuditEntities.Unit)
        {
            // Units of today's subtree; a unit closed since is left to the platform administrator.
            if (!platformAdmin && !await db.SubtreeCodes(tenant, caller.Unit, time.TodayInVietnam()).ContainsAsync(entityId, ct))
                return NotFound();
        }
        else if (!platformAdmin)
        {
            return ApiProblems.Forbidden("Chỉ quản trị viên nền tảng được xem nhật ký của kỳ báo cáo và minh chứng.");
        }

        var query = db.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(entityId)) query = query.Where(e => e.EntityId == entityId);
        return TypedResults.Ok(await query.OrderBy(e => e.At).ThenBy(e => e.Id).ToPageAsync(paging, AuditLine.Of, ct));
    }

    public static ProblemHttpResult NotFound() => ApiProblems.NotFound("Không tìm thấy đối tượng, hoặc đối tượng không thuộc phạm vi đơn vị của bạn.");
}
