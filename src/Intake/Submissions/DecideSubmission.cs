using Platform.Intake.Audit;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.Intake.Contacts;
using Platform.Intake.Data;
using Platform.DataAndMessaging.Outbox;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Submissions;

/// <summary>
/// <c>POST …/{id}/approve</c> and <c>POST …/{id}/return</c>: a reviewer whose subtree holds the target unit,
/// and who did not submit it, decides. The new state, the audit line and the event are saved together.
/// </summary>
public static class DecideSubmission
{
    public static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, IntakeDbContext db, ClaimsPrincipal user, IOptions<IntakeOptions> options,
        TimeProvider time, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        return await Decide(id, db, user, options.Value.Tenant, time, request, response, (submission, caller, now) =>
        {
            submission.Approve(caller.Subject, now);
            db.AuditEntries.Add(SubmissionAudit.Entry("approved", submission.Id, caller.Subject, now, null));
            db.EnqueueEvent(new SubmissionApproved(
                submission.Id, submission.Tenant, submission.FrameworkId, submission.FrameworkVersion, submission.Period,
                submission.ReportingUnit, submission.TargetUnit, submission.Values, submission.Late,
                caller.Subject, submission.Version, now, submission.ReviewerScores), time);
        }, ct);
    }

    public static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> Return(
        Guid id, ReturnRequest body, IntakeDbContext db, ClaimsPrincipal user, IOptions<IntakeOptions> options,
        TimeProvider time, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var reason = body.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return ApiProblems.InvalidByKey("reason", "Phải ghi rõ lý do trả lại báo cáo.");
        if (reason.Length > SaveDraft.MaxTextLength)
            return ApiProblems.InvalidByKey("reason", $"Lý do trả lại không được dài quá {SaveDraft.MaxTextLength} ký tự.");

        return await Decide(id, db, user, options.Value.Tenant, time, request, response, (submission, caller, now) =>
        {
            submission.Return(reason, caller.Subject, now);
            db.SubmissionReturns.Add(new SubmissionReturnRecord(submission, reason, caller.Subject, now));
            db.AuditEntries.Add(SubmissionAudit.Entry("returned", submission.Id, caller.Subject, now, reason));
            db.EnqueueEvent(new SubmissionReturned(
                submission.Id, submission.Tenant, submission.FrameworkId, submission.FrameworkVersion, submission.Period,
                submission.ReportingUnit, submission.TargetUnit, reason, caller.Subject, submission.Version, now), time);
        }, ct);
    }

    private static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> Decide(
        Guid id, IntakeDbContext db, ClaimsPrincipal user, string tenant, TimeProvider time,
        HttpRequest request, HttpResponse response, Action<Submission, Caller, DateTimeOffset> change, CancellationToken ct)
    {
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        var submission = await db.Visible(tenant, caller.Unit, time).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null) return SubmissionHttp.NotFound();
        if (submission.SubmittedBy == caller.Subject)
            return ApiProblems.Forbidden("Không được tự phê duyệt hoặc trả lại báo cáo do chính mình nộp.");
        var precondition = SubmissionHttp.CheckIfMatch(request, submission, required: false);
        if (precondition != Precondition.Met) return SubmissionHttp.PreconditionProblem(precondition, response, submission);
        if (submission.State != SubmissionStates.Submitted)
            return ApiProblems.Conflict($"Chỉ báo cáo đã nộp mới được phê duyệt hoặc trả lại; báo cáo này đang ở trạng thái '{Submission.StateName(submission.State)}'.");

        change(submission, caller, time.GetUtcNow());
            // One save: the state, the audit line and the outbox row, or none of them.
        return await SubmissionHttp.SaveAsync(db, submission, response, ct);
    }
}
