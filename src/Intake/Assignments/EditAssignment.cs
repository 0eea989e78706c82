using Platform.Intake.Audit;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Intake.Data;
using Platform.Intake.Submissions;
using Platform.Intake.Units;
using Platform.Scoring;

namespace Platform.Intake.Assignments;

/// <summary>Replaces the input keys and/or the reporting unit; omitted fields stay as they are.</summary>
public sealed record EditAssignmentRequest(IReadOnlyList<string>? InputKeys, string? ReportingUnit);

/// <summary><c>PUT /api/intake/assignments/{id}</c>: a framework administrator reassigns inputs (audited).</summary>
public static class EditAssignment
{
    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, EditAssignmentRequest body, IntakeDbContext db, ClaimsPrincipal user, IOptions<IntakeOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        if (Caller.From(user) is not { } caller) return SubmissionHttp.NoUnit();
        var tenant = options.Value.Tenant;
        var today = time.TodayInVietnam();
        var assignment = await db.Assignments.Where(a => a.Tenant == tenant && a.Id == id)
            .WithinSubtree(a => a.TargetUnit, db.SubtreeCodes(tenant, caller.Unit, today))
            .SingleOrDefaultAsync(ct);
        if (assignment is null)
            return SubmissionHttp.Problem(StatusCodes.Status404NotFound, "Không tìm thấy",
                "Không tìm thấy phân công, hoặc phân công không thuộc phạm vi đơn vị của bạn.");

        if (body.InputKeys is { } keys)
        {
            if (keys.Count == 0) return SubmissionHttp.Invalid("inputKeys", "Danh sách chỉ số được giao không được để trống.");
            var known = FrameworkCatalog.Default.All.Where(f => f.Id == assignment.FrameworkId)
                .SelectMany(f => f.Inputs).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
            var unknown = keys.Where(k => !known.Contains(k)).ToList();
            if (unknown.Count > 0)
                return SubmissionHttp.Invalid("inputKeys", $"Khung '{assignment.FrameworkId}' không có chỉ số: {string.Join(", ", unknown)}.");
        }
        if (body.ReportingUnit is { } unit && !await db.OrganisationUnits.AsOf(tenant, today).AnyAsync(u => u.Code == unit, ct))
            return SubmissionHttp.Invalid("reportingUnit", $"Không có đơn vị '{unit}' đang hoạt động.");

        if (body.ReportingUnit is { } newUnit && newUnit != assignment.ReportingUnit && await db.Assignments.AnyAsync(a =>
                a.Tenant == tenant && a.FrameworkId == assignment.FrameworkId && a.ReportingUnit == newUnit
                && a.TargetUnit == assignment.TargetUnit && a.Role == assignment.Role && a.ValidFrom == assignment.ValidFrom, ct))
        {
            return SubmissionHttp.Conflict($"Đơn vị '{newUnit}' đã có phân công ({(assignment.Role == AssignmentRoles.Lead ? "chủ trì" : "phối hợp")}) cho '{assignment.TargetUnit}'; hãy sửa danh sách chỉ số của phân công đó.");
        }

        var before = $"{assignment.ReportingUnit}: {string.Join(" ", assignment.InputKeys)}";
        assignment.Reassign(body.ReportingUnit, body.InputKeys);
        var after = $"{assignment.ReportingUnit}: {string.Join(" ", assignment.InputKeys)}";
        // The audit log is keyed by the record changed; for this action that record is the assignment.
        db.AuditEntries.Add(new AuditEntry(AuditEntities.Assignment, assignment.Id.ToString(), "edited", caller.Subject, time.GetUtcNow(), $"{before} → {after}"));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AssignmentView.Of(assignment));
    }
}
