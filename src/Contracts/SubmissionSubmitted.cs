namespace Platform.Contracts;

/// <summary>
/// A reporting unit handed a submission in (first time or after a return); it now awaits a reviewer's
/// decision. Notifications use it to tell the reviewers of the target unit; nothing is to be scored from it.
/// </summary>
/// <param name="SubmissionId">Id of the submission in intake.</param>
/// <param name="Tenant">Deployment that produced the event.</param>
/// <param name="FrameworkId">Framework id, e.g. <c>monthly-4585</c>.</param>
/// <param name="FrameworkVersion">Version of the framework definition.</param>
/// <param name="Period"><c>YYYY-MM</c>, <c>YYYY</c> or a window id.</param>
/// <param name="ReportingUnit">Code of the unit that reported the values.</param>
/// <param name="TargetUnit">Code of the unit the values describe.</param>
/// <param name="Late">True when it was handed in after the deadline (accepted and marked late).</param>
/// <param name="SubmittedBy">Subject (<c>sub</c>) of the person or service client that submitted.</param>
/// <param name="Revision">The submission's version after submitting.</param>
/// <param name="OccurredAt">When it was submitted, UTC.</param>
public sealed record SubmissionSubmitted(
    Guid SubmissionId,
    string Tenant,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    string ReportingUnit,
    string TargetUnit,
    bool Late,
    string SubmittedBy,
    int Revision,
    DateTimeOffset OccurredAt) : IFrameworkPeriodEvent;
