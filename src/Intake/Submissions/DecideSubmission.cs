using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.People;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Submissions;

/// <summary>
/// What approving and returning share: a reviewer whose subtree holds the target unit, and who did not submit it,
/// decides a submitted submission. The new state, the audit line and the event are saved together.
/// </summary>
internal static class DecideSubmission
{
    public static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid id, IntakeServices services, HttpRequest request, HttpResponse response, Action<Submission, Caller, DateTimeOffset> change,
        CancellationToken ct)
    {
        var (db, user, options, time) = services;
        var tenant = options.Value.Tenant;
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
