using Platform.Intake.Audit;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Intake.Assignments;
using Platform.Intake.Calendar;
using Platform.Intake.Data;
using Platform.Intake.Units;
using Platform.Scoring;

namespace Platform.Intake.Submissions;

/// <summary>
/// <c>PUT /api/intake/submissions/{framework}/{period}/{targetUnit}</c>: the caller's unit saves the complete
/// set of values it reports for the target unit. The first save creates the draft; later saves need
/// <c>If-Match</c> with the version being edited.
/// </summary>
public static class SaveDraft
{
    public const int MaxTextLength = 4000;

    public static async Task<Results<Ok<SubmissionView>, Created<SubmissionView>, ValidationProblem, ProblemHttpResult>> Handle(
        string framework, string period, string targetUnit, SaveDraftRequest body,
        IntakeDbContext db, ClaimsPrincipal user, IOptions<IntakeOptions> options, ReportingCalendar calendar,
        TimeProvider time, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (Caller.From(user) is not { } caller) return SubmissionHttp.NoUnit();
        var tenant = options.Value.Tenant;

        var definition = FrameworkCatalog.Default.Find(framework, null, period);
        if (definition is null)
            return SubmissionHttp.Invalid("framework", $"Không có khung đánh giá '{framework}' áp dụng cho kỳ '{period}'.");
        var schedule = calendar.Find(framework, period, ReportingLevels.AgencyToProvince, tenant);
        if (!schedule.IsFound) return SubmissionHttp.Invalid("period", schedule.Error);
        // Within its subtree a unit reports anything; outside it, only the inputs an assignment gives it for that target.
        HashSet<string>? assignedKeys = null;
        var inSubtree = await db.VisibleUnits(tenant, caller.Unit, time).AnyAsync(u => u.Code == targetUnit, ct);
        if (!inSubtree)
        {
            var assigned = await db.Assignments.AsNoTracking().ActiveOn(tenant, time.TodayInVietnam())
                .Where(a => a.FrameworkId == framework && a.ReportingUnit == caller.Unit && a.TargetUnit == targetUnit)
                .Select(a => a.InputKeys).ToListAsync(ct);
            if (assigned.Count > 0) assignedKeys = assigned.SelectMany(k => k).ToHashSet(StringComparer.Ordinal);
        }
        if (!inSubtree && assignedKeys is null)
            return SubmissionHttp.Problem(StatusCodes.Status404NotFound, "Không tìm thấy",
                $"Không tìm thấy đơn vị '{targetUnit}' trong phạm vi đơn vị của bạn ({caller.Unit}).");

        if (body.Values is null) return SubmissionHttp.Invalid("values", "Thiếu danh sách giá trị (values).");
        if (body.Comments is { Length: > MaxTextLength })
            return SubmissionHttp.Invalid("comments", $"Ghi chú không được dài quá {MaxTextLength} ký tự.");
        // A null value means "not reported": it is simply not stored.
        var values = body.Values.Where(v => v.Value.ValueKind != JsonValueKind.Null).ToDictionary(StringComparer.Ordinal);
        if (assignedKeys is not null && body.Values.Keys.Where(k => !assignedKeys.Contains(k)).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } foreign)
            return SubmissionHttp.Invalid(foreign.ToDictionary(k => k, k => new[] { $"Chỉ số '{k}' không được giao cho đơn vị của bạn ({caller.Unit}) báo cáo cho '{targetUnit}'." }));
        var problems = ValueValidation.Validate(definition, period, targetUnit, values);
        if (problems.Count > 0) return SubmissionHttp.Invalid(problems);

        var submission = await db.Submissions.SingleOrDefaultAsync(s =>
            s.Tenant == tenant && s.FrameworkId == framework && s.Period == period
            && s.ReportingUnit == caller.Unit && s.TargetUnit == targetUnit, ct);
        var now = time.GetUtcNow();
        var created = submission is null;
        if (submission is null)
        {
            submission = Submission.Start(tenant, framework, definition.Version, period, caller.Unit, targetUnit, caller.Subject, now);
            db.Submissions.Add(submission);
            db.AuditEntries.Add(AuditEntry.ForSubmission("created", submission.Id, caller.Subject, now, caller.Channel));
        }
        else
        {
            var precondition = SubmissionHttp.CheckIfMatch(request, submission, required: true);
            if (precondition != Precondition.Met) return SubmissionHttp.PreconditionProblem(precondition, response, submission);
            if (!submission.IsEditable)
                return SubmissionHttp.Conflict($"Báo cáo đang ở trạng thái '{Submission.StateName(submission.State)}', không thể chỉnh sửa.");
        }

        var changes = submission.Edit(values, body.Comments, caller.Subject, caller.Channel, now);
        db.SubmissionValueChanges.AddRange(changes);
        db.AuditEntries.Add(AuditEntry.ForSubmission("edited", submission.Id, caller.Subject, now,
            changes.Count == 0 ? "không đổi giá trị" : "đổi: " + string.Join(", ", changes.Select(c => c.Key))));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await Stale(db, submission.Id, response, ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SubmissionHttp.Conflict("Báo cáo này vừa được tạo từ một phiên khác; vui lòng tải lại rồi lưu với If-Match.");
        }

        response.Headers.ETag = SubmissionHttp.ETagOf(submission);
        var view = SubmissionView.Of(submission);
        return created ? TypedResults.Created($"/api/intake/submissions/{submission.Id}", view) : TypedResults.Ok(view);
    }

    /// <summary>Someone saved between our read and our write: answer 412 with the version now stored.</summary>
    internal static async Task<ProblemHttpResult> Stale(IntakeDbContext db, Guid id, HttpResponse response, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        return SubmissionHttp.PreconditionProblem(Precondition.Failed, response, current);
    }
}
