using Platform.Intake.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.Intake.Http;

namespace Platform.Intake.Submissions;

/// <summary>
/// <c>POST /api/intake/submissions/{id}/approve</c>: the reviewer approves (<see cref="DecideSubmission"/>);
/// <c>SubmissionApproved</c> carries the values to the services that score them.
/// </summary>
public static class ApproveSubmission
{
    public static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, [AsParameters] IntakeServices services, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var (db, _, _, time) = services;
        return await DecideSubmission.DecideAsync(id, services, request, response, (submission, caller, now) =>
        {
            submission.Approve(caller.Subject, now);
            db.AuditEntries.Add(SubmissionAudit.Entry("approved", submission.Id, caller.Subject, now, null));
            db.EnqueueEvent(new SubmissionApproved(
                submission.Id, submission.Tenant, submission.FrameworkId, submission.FrameworkVersion, submission.Period,
                submission.ReportingUnit, submission.TargetUnit, submission.Values, submission.Late,
                caller.Subject, submission.Version, now, submission.ReviewerScores, submission.ReviewerComments), time);
        }, ct);
    }
}
