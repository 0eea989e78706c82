using Platform.Intake.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Submissions;

/// <summary>
/// <c>POST /api/intake/submissions/{id}/return</c>: the reviewer returns it with a reason (<see cref="DecideSubmission"/>);
/// the values as they stood are kept with the return (<see cref="SubmissionReturnRecord"/>).
/// </summary>
public static class ReturnSubmission
{
    public static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ReturnRequest body, [AsParameters] IntakeServices services, HttpRequest request, HttpResponse response,
        CancellationToken ct)
    {
        var (db, _, _, time) = services;
        var reason = body.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return ApiProblems.InvalidByKey("reason", "Phải ghi rõ lý do trả lại báo cáo.");
        if (reason.Length > SaveDraft.MaxTextLength)
            return ApiProblems.InvalidByKey("reason", $"Lý do trả lại không được dài quá {SaveDraft.MaxTextLength} ký tự.");

        return await DecideSubmission.DecideAsync(id, services, request, response, (submission, caller, now) =>
        {
            submission.Return(reason, caller.Subject, now);
            db.SubmissionReturns.Add(new SubmissionReturnRecord(submission, reason, caller.Subject, now));
            db.AuditEntries.Add(SubmissionAudit.Entry("returned", submission.Id, caller.Subject, now, reason));
            db.EnqueueEvent(new SubmissionReturned(
                submission.Id, submission.Tenant, submission.FrameworkId, submission.FrameworkVersion, submission.Period,
                submission.ReportingUnit, submission.TargetUnit, reason, caller.Subject, submission.Version, now), time);
        }, ct);
    }
}
