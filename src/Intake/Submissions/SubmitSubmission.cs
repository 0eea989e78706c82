using Platform.Intake.Assignments;
using Platform.Intake.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Calendar;
using Platform.DataAndMessaging.People;
using Platform.Intake.Data;
using Platform.Intake.Periods;
using Platform.Intake.Evidence;
using Platform.Contracts;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.DataAndMessaging.Outbox;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Submissions;

/// <summary>
/// <c>POST /api/intake/submissions/{id}/submit</c>: the reporting unit hands its draft (or a returned
/// submission) in. The values are checked against the framework and the period against the calendar;
/// a refusal writes nothing. After the deadline, under accept-and-mark-late, it is marked late.
/// </summary>
public static class SubmitSubmission
{
    public static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, [AsParameters] IntakeServices services, ReportingCalendar calendar, HttpRequest request, HttpResponse response,
        FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        var submission = await db.VisibleOrOwn(tenant, caller.Unit, time).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null) return SubmissionHttp.NotFound();
        if (submission.ReportingUnit != caller.Unit)
            return ApiProblems.Forbidden($"Chỉ đơn vị báo cáo ({submission.ReportingUnit}) mới được nộp báo cáo này.");
        var precondition = SubmissionHttp.CheckIfMatch(request, submission, required: false);
        if (precondition != Precondition.Met) return SubmissionHttp.PreconditionProblem(precondition, response, submission);
        if (!submission.IsEditable)
            return ApiProblems.Conflict($"Báo cáo đang ở trạng thái '{Submission.StateName(submission.State)}', không thể nộp.");
        if (await Submit(db, frameworks, submission, caller, tenant, calendar, time, ct) is { } refusal) return refusal;
        return await SubmissionHttp.SaveAsync(db, submission, response, ct);
    }

    /// <summary>
    /// Checks that the editable <paramref name="submission"/> may be handed in now and stages the change (state, audit
    /// line, <c>SubmissionSubmitted</c> in the outbox) without saving; null when staged, else the refusal (nothing staged).
    /// Shared with the machine API, which saves it in the same transaction as the values and passes the version it
    /// checked them against while saving (<paramref name="checkedAgainst"/>) and the right it saved them under
    /// (<paramref name="savedUnder"/>, read in the same transaction): neither is checked twice.
    /// </summary>
    internal static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>?> Submit(
        IntakeDbContext db, FrameworkCatalog frameworks, Submission submission, Caller caller, string tenant, ReportingCalendar calendar, TimeProvider time,
        CancellationToken ct, CompiledFramework? checkedAgainst = null, ReportingRight? savedUnder = null)
    {
        var framework = frameworks.Find(submission.FrameworkId, submission.FrameworkVersion, submission.Period)
            ?? frameworks.Find(submission.FrameworkId, null, submission.Period);
        if (framework is null)
            return ApiProblems.Conflict($"Khung đánh giá '{submission.FrameworkId}' không còn áp dụng cho kỳ {submission.Period}.");
        var values = submission.Values;
        if (values.Count == 0) return ApiProblems.InvalidByKey("values", "Báo cáo chưa có giá trị nào; nhập ít nhất một chỉ số trước khi nộp.");
        // The rule saving applies (ReportingRights): an assignment closed or narrowed since the draft was saved stops it here.
        var right = savedUnder is { } saved && (saved.ReportingUnit, saved.TargetUnit) == (submission.ReportingUnit, submission.TargetUnit)
            && checkedAgainst?.Id == submission.FrameworkId
            ? saved
            : await ReportingRights.CheckAsync(db, tenant, submission.ReportingUnit, submission.FrameworkId, submission.TargetUnit, time, ct);
        if (right.Basis == ReportingBasis.OutOfScope) return ApiProblems.Forbidden(right.NoLongerAssigned);
        if (right.Refusal is { } refusal) return SubmissionHttp.Refused(refusal);
        var problems = checkedAgainst is not null && (checkedAgainst.Id, checkedAgainst.Version) == (framework.Id, framework.Version)
            ? new Dictionary<string, string[]>(StringComparer.Ordinal)
            : ValueValidation.Validate(framework, submission.Period, submission.TargetUnit, values);
        // Inputs an assignment no longer gives are told together with any problem of the values.
        foreach (var key in values.Keys.Where(k => !right.Allows(k)))
            problems[key] = [right.KeyProblem(framework, key), .. problems.GetValueOrDefault(key) ?? []];
        if (problems.Count > 0) return ApiProblems.InvalidByKey(problems);
        var missingEvidence = await RequiredEvidence.MissingAsync(db, framework, submission.Id, values, ct);
        if (missingEvidence.Count > 0) return ApiProblems.InvalidByKey(missingEvidence);

        var schedule = calendar.Find(submission.FrameworkId, submission.Period, right.Level, tenant);
        // A framework without that level keeps the agencies' deadline.
        if (!schedule.IsFound) schedule = calendar.Find(submission.FrameworkId, submission.Period, ReportingLevels.AgencyToProvince, tenant);
        if (!schedule.IsFound) return ApiProblems.Conflict(schedule.Error);
        // Reopenings only matter to a submission the calendar would refuse: read them then, not on every submit.
        var decision = calendar.CanSubmit(schedule.Schedule, submission.ReportingUnit, []);
        if (!decision.Allowed)
        {
            var reopenings = await db.ReopeningsOfAsync(tenant, submission.FrameworkId, submission.Period, submission.ReportingUnit, ct);
            decision = calendar.CanSubmit(schedule.Schedule, submission.ReportingUnit, reopenings);
        }
        if (!decision.Allowed)
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Ngoài thời hạn nộp báo cáo", decision.Refusal!);

        var now = time.GetUtcNow();
        submission.Submit(caller.Subject, decision.Late, now);
        db.AuditEntries.Add(SubmissionAudit.Entry("submitted", submission.Id, caller.Subject, now, decision.Late ? "nộp muộn" : null));
        db.EnqueueEvent(new SubmissionSubmitted(
            submission.Id, submission.Tenant, submission.FrameworkId, submission.FrameworkVersion, submission.Period,
            submission.ReportingUnit, submission.TargetUnit, submission.Late, caller.Subject, submission.Version, now), time);
        return null;
    }
}
