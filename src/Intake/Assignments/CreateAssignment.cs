using Platform.Scoring;
using Platform.DataAndMessaging.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Audit;
using Platform.Intake.Units;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;
using Platform.Intake.Obligations;

namespace Platform.Intake.Assignments;

/// <summary>
/// A new assignment: <see cref="ReportingUnit"/> owes <see cref="InputKeys"/> (keys or patterns such as <c>3.1.*</c>)
/// of <see cref="Framework"/> for <see cref="TargetUnit"/>, from <see cref="ValidFrom"/>.
/// </summary>
public sealed record CreateAssignmentRequest(
    string? Framework, string? ReportingUnit, string? TargetUnit, IReadOnlyList<string>? InputKeys,
    string? Frequency, string? Role, DateOnly? ValidFrom);

/// <summary><c>POST /api/intake/assignments</c>: a framework administrator assigns inputs within its subtree (audited).</summary>
public static class CreateAssignment
{
    public static async Task<Results<Created<AssignmentView>, ValidationProblem, ProblemHttpResult>> Handle(
        CreateAssignmentRequest body, [AsParameters] IntakeServices services, HttpResponse response, FrameworkCatalog frameworks,
        ObligationsSignal obligations, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        var errors = new Dictionary<string, string[]>();

        var known = body.Framework is { Length: > 0 } framework ? InputPatterns.KeysOf(frameworks, framework) : [];
        if (string.IsNullOrWhiteSpace(body.Framework)) errors["framework"] = ["Chọn khung đánh giá (framework)."];
        else if (known.Count == 0) errors["framework"] = [$"Không có khung đánh giá '{body.Framework}'."];

        var keys = new List<string>();
        if (body.InputKeys is not { Count: > 0 }) errors["inputKeys"] = ["Danh sách chỉ số được giao không được để trống."];
        else if (known.Count > 0)
        {
            (keys, var unknown) = InputPatterns.Expand(known, body.InputKeys);
            if (unknown.Count > 0) errors["inputKeys"] = [$"Khung '{body.Framework}' không có chỉ số: {string.Join(", ", unknown)}."];
        }

        var visible = await db.VisibleUnits(tenant, caller.Unit, time)
            .Where(u => u.Code == body.ReportingUnit || u.Code == body.TargetUnit).Select(u => u.Code).ToListAsync(ct);
        foreach (var (field, code) in new[] { ("reportingUnit", body.ReportingUnit), ("targetUnit", body.TargetUnit) })
        {
            if (string.IsNullOrWhiteSpace(code)) errors[field] = ["Nhập mã đơn vị."];
            else if (!visible.Contains(code)) errors[field] = [$"Không có đơn vị '{code}' đang hoạt động trong phạm vi của bạn."];
        }
        if (body.Role is null || !AssignmentRoles.All.Contains(body.Role))
            errors["role"] = [$"Vai trò phải là một trong: {string.Join(", ", AssignmentRoles.All)} (chủ trì, phối hợp)."];
        if (body.Frequency is null || !AssignmentFrequencies.All.Contains(body.Frequency))
            errors["frequency"] = [$"Tần suất phải là một trong: {string.Join(", ", AssignmentFrequencies.All)}."];
        if (body.ValidFrom is null) errors["validFrom"] = ["Nhập ngày bắt đầu phân công (validFrom, dạng 2026-01-01)."];
        if (errors.Count > 0) return ApiProblems.InvalidByKey(errors);

        var validFrom = body.ValidFrom!.Value;
        if (await db.Assignments.AnyAsync(a => a.Tenant == tenant && a.FrameworkId == body.Framework && a.ReportingUnit == body.ReportingUnit
                && a.TargetUnit == body.TargetUnit && a.Role == body.Role && a.Frequency == body.Frequency && a.ValidFrom == validFrom, ct))
        {
            return ApiProblems.Conflict($"Đơn vị '{body.ReportingUnit}' đã có phân công ({AssignmentHttp.RoleName(body.Role!)}, {body.Frequency}) cho '{body.TargetUnit}' từ ngày {validFrom:dd/MM/yyyy}; hãy sửa phân công đó.");
        }

        var now = time.GetUtcNow();
        var assignment = Assignment.Create(tenant, body.Framework!, body.ReportingUnit!, body.TargetUnit!, keys, body.Frequency!, body.Role!, validFrom, now);
        db.Assignments.Add(assignment);
        db.AuditEntries.Add(new AuditEntry(AuditEntities.Assignment, assignment.Id.ToString(), "created", caller.Subject, now,
            $"{assignment.ReportingUnit} → {assignment.TargetUnit} ({assignment.Role}, {assignment.Frequency}, từ {validFrom:dd/MM/yyyy}): {string.Join(" ", keys)}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return ApiProblems.Conflict("Phân công này vừa được tạo từ một phiên khác; vui lòng tải lại danh sách phân công.");
        }
        obligations.Notify();
        response.Headers.ETag = AssignmentHttp.ETagOf(assignment);
        return TypedResults.Created($"/api/intake/assignments/{assignment.Id}", AssignmentView.Of(assignment));
    }
}
