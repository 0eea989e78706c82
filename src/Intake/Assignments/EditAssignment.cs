using Platform.Scoring;
using Platform.DataAndMessaging.Audit;
using Platform.Intake.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Units;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;
using Platform.Intake.Obligations;

namespace Platform.Intake.Assignments;

/// <summary>Replaces the input keys and/or the reporting unit; omitted fields stay as they are.</summary>
public sealed record EditAssignmentRequest(IReadOnlyList<string>? InputKeys, string? ReportingUnit);

/// <summary>
/// <c>PUT /api/intake/assignments/{id}</c> with <c>If-Match</c>: a framework administrator reassigns inputs (audited).
/// Input keys may be patterns (<c>3.1.*</c>); they are stored expanded.
/// </summary>
public static class EditAssignment
{
    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, EditAssignmentRequest body, [AsParameters] IntakeServices services, HttpRequest request, HttpResponse response,
        FrameworkCatalog frameworks, ObligationsSignal obligations, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        var today = time.TodayInVietnam();
        var assignment = await db.Administered(tenant, caller.Unit, time).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null) return AssignmentHttp.NotFound();
        var precondition = AssignmentHttp.CheckIfMatch(request, assignment, required: true);
        if (precondition != Precondition.Met) return AssignmentHttp.PreconditionProblem(precondition, response, assignment);
        if (assignment.ValidTo is { } end && end <= today)
            return ApiProblems.Conflict($"Phân công đã kết thúc từ ngày {end:dd/MM/yyyy}; hãy tạo phân công mới thay vì sửa phân công cũ.");

        List<string>? keys = null;
        if (body.InputKeys is { } patterns)
        {
            if (patterns.Count == 0) return ApiProblems.InvalidByKey("inputKeys", "Danh sách chỉ số được giao không được để trống.");
            var (expanded, unknown) = InputPatterns.Expand(InputPatterns.KeysOf(frameworks, assignment.FrameworkId), patterns);
            if (unknown.Count > 0)
                return ApiProblems.InvalidByKey("inputKeys", $"Khung '{assignment.FrameworkId}' không có chỉ số: {string.Join(", ", unknown)}.");
            keys = expanded;
        }
        if (body.ReportingUnit is { } unit && !await db.VisibleUnits(tenant, caller.Unit, time).AnyAsync(u => u.Code == unit, ct))
            return ApiProblems.InvalidByKey("reportingUnit", $"Không có đơn vị '{unit}' đang hoạt động trong phạm vi của bạn.");

        if (body.ReportingUnit is { } newUnit && newUnit != assignment.ReportingUnit && await db.Assignments.AnyAsync(a =>
                a.Tenant == tenant && a.FrameworkId == assignment.FrameworkId && a.ReportingUnit == newUnit
                && a.TargetUnit == assignment.TargetUnit && a.Role == assignment.Role && a.Frequency == assignment.Frequency
                && a.ValidFrom == assignment.ValidFrom, ct))
        {
            return ApiProblems.Conflict($"Đơn vị '{newUnit}' đã có phân công ({AssignmentHttp.RoleName(assignment.Role)}) cho '{assignment.TargetUnit}'; hãy sửa danh sách chỉ số của phân công đó.");
        }

        var before = $"{assignment.ReportingUnit}: {string.Join(" ", assignment.InputKeys)}";
        assignment.Reassign(body.ReportingUnit, keys);
        var after = $"{assignment.ReportingUnit}: {string.Join(" ", assignment.InputKeys)}";
        // The audit log is keyed by the record changed; for this action that record is the assignment.
        db.AuditEntries.Add(new AuditEntry(AuditEntities.Assignment, assignment.Id.ToString(), "edited", caller.Subject, time.GetUtcNow(), $"{before} → {after}"));
        return await AssignmentHttp.SaveAsync(db, assignment, response, obligations, ct);
    }
}
