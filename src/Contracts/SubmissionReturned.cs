namespace Platform.Contracts;

/// <summary>
/// A reviewer returned a submission to the reporting unit with a reason; the unit corrects and
/// resubmits it. Nothing of it is to be scored until a later <see cref="SubmissionApproved"/>.
/// </summary>
/// <param name="SubmissionId">Id of the submission in intake.</param>
/// <param name="Tenant">Deployment that produced the event.</param>
/// <param name="FrameworkId">Framework id, e.g. <c>monthly-4585</c>.</param>
/// <param name="FrameworkVersion">Version of the framework definition.</param>
/// <param name="Period"><c>YYYY-MM</c> or <c>YYYY</c>.</param>
/// <param name="ReportingUnit">Code of the unit that reported the values.</param>
/// <param name="TargetUnit">Code of the unit the values describe.</param>
/// <param name="Reason">The reviewer's reason, Vietnamese free text.</param>
/// <param name="ReturnedBy">Subject (<c>sub</c>) of the reviewer.</param>
/// <param name="Revision">The submission's version after the return; increases with every change.</param>
/// <param name="OccurredAt">When it was returned, UTC.</param>
public sealed record SubmissionReturned(
    Guid SubmissionId,
    string Tenant,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    string ReportingUnit,
    string TargetUnit,
    string Reason,
    string ReturnedBy,
    int Revision,
    DateTimeOffset OccurredAt) : IFrameworkPeriodEvent;
