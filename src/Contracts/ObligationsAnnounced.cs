namespace Platform.Contracts;

/// <summary>
/// What intake expects to receive for one framework, period and reporting level under one overseeing unit: every
/// report owed by an assignment in force, with its deadline. Published when the period opens and again, with a higher
/// <paramref name="Revision"/>, whenever that set changes (an assignment made, edited or closed while the period is
/// open). The latest revision replaces every earlier one for the same (tenant, framework, period, level, overseeing
/// unit); an empty <paramref name="Reports"/> means nothing is owed any more. Whether a report has been handed in is
/// not part of it: subscribers follow <see cref="SubmissionSubmitted"/>, <see cref="SubmissionReturned"/> and
/// <see cref="SubmissionApproved"/>.
/// </summary>
/// <param name="Tenant">Deployment that produced the event.</param>
/// <param name="FrameworkId">Framework id, e.g. <c>monthly-4585</c>.</param>
/// <param name="FrameworkVersion">Version of the framework definition in force for the period.</param>
/// <param name="Period"><c>YYYY-MM</c>, <c>YYYY</c> or a window id.</param>
/// <param name="Level"><c>agency-to-province</c> or <c>to-national</c>.</param>
/// <param name="OverseeingUnit">
/// The unit the reports go to and whose reviewers follow them up: the target unit when an agency reports for it
/// (a province's departments report to the province), otherwise the reporting unit's parent (a ministry or a
/// province reports to the national root; a commune's own self-assessment to its province).
/// </param>
/// <param name="DueAt">The deadline at this level, UTC (exclusive: a submission at this instant is late).</param>
/// <param name="Revision">1 for the first announcement; increases with every change of the set.</param>
/// <param name="Reports">The whole set of reports owed, one per (reporting unit, target unit).</param>
/// <param name="OccurredAt">When intake computed the set, UTC.</param>
public sealed record ObligationsAnnounced(
    string Tenant,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    string Level,
    string OverseeingUnit,
    DateTimeOffset DueAt,
    int Revision,
    IReadOnlyList<OwedReport> Reports,
    DateTimeOffset OccurredAt) : IFrameworkPeriodEvent;

/// <summary>One report owed: who reports, on whom, and the inputs it carries.</summary>
/// <param name="ReportingUnit">Code of the unit that reports.</param>
/// <param name="TargetUnit">Code of the unit the values describe.</param>
/// <param name="Role"><c>lead</c> (chủ trì) or <c>cooperating</c> (phối hợp).</param>
/// <param name="InputKeys">The framework inputs the report carries, e.g. <c>A.due</c>.</param>
public sealed record OwedReport(string ReportingUnit, string TargetUnit, string Role, IReadOnlyList<string> InputKeys);
