using Platform.DataAndMessaging.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Audit;
using Platform.Intake.Units;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;
using Platform.Intake.Obligations;

namespace Platform.Intake.Assignments;

/// <summary>The assignment no longer applies from <see cref="ValidTo"/> (a Vietnamese date, exclusive), for <see cref="Reason"/>.</summary>
public sealed record CloseAssignmentRequest(DateOnly? ValidTo, string? Reason);

/// <summary>
/// <c>POST /api/intake/assignments/{id}/close</c>: a framework administrator ends an assignment (audited, with the reason).
/// The row is kept, so past periods still show who owed what; <c>If-Match</c> is honoured when sent.
/// </summary>
public static class CloseAssignment
{
    public const int MaxReasonLength = 1000;

    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, CloseAssignmentRequest body, [AsParameters] IntakeServices services, HttpRequest request, HttpResponse response,
        ObligationsSignal obligations, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var today = time.TodayInVietnam();
        var assignment = await db.Administered(options.Value.Tenant, caller.Unit, time).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null) return AssignmentHttp.NotFound();
        var precondition = AssignmentHttp.CheckIfMatch(request, assignment, required: false);
        if (precondition != Precondition.Met) return AssignmentHttp.PreconditionProblem(precondition, response, assignment);

        var errors = new Dictionary<string, string[]>();
        var reason = body.Reason?.Trim() ?? "";
        if (reason.Length == 0) errors["reason"] = ["Nhập lý do kết thúc phân công."];
        else if (reason.Length > MaxReasonLength) errors["reason"] = [$"Lý do dài tối đa {MaxReasonLength} ký tự."];
        if (body.ValidTo is not { } validTo) errors["validTo"] = ["Nhập ngày kết thúc phân công (validTo, dạng 2026-03-01)."];
        else if (validTo <= assignment.ValidFrom)
            errors["validTo"] = [$"Ngày kết thúc phải sau ngày bắt đầu phân công ({assignment.ValidFrom:dd/MM/yyyy})."];
        else if (validTo < today)
            errors["validTo"] = [$"Không thể kết thúc phân công từ một ngày đã qua; ngày sớm nhất là hôm nay ({today:dd/MM/yyyy})."];
        if (errors.Count > 0) return ApiProblems.InvalidByKey(errors);
        if (assignment.ValidTo is { } end)
            return ApiProblems.Conflict($"Phân công đã được kết thúc từ ngày {end:dd/MM/yyyy}.");

        assignment.Close(body.ValidTo!.Value);
        db.AuditEntries.Add(new AuditEntry(AuditEntities.Assignment, assignment.Id.ToString(), "closed", caller.Subject, time.GetUtcNow(),
            $"Kết thúc từ ngày {assignment.ValidTo:dd/MM/yyyy}: {reason}"));
        return await AssignmentHttp.SaveAsync(db, assignment, response, obligations, ct);
    }
}
