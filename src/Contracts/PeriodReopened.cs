namespace Platform.Contracts;

/// <summary>
/// A reviewer reopened one unit's period after the deadline: the unit may submit (late) until
/// <paramref name="Until"/>.
/// </summary>
/// <param name="ReopeningId">Id of the reopening in intake.</param>
/// <param name="Tenant">Deployment that produced the event.</param>
/// <param name="FrameworkId">Framework id, e.g. <c>monthly-4585</c>.</param>
/// <param name="FrameworkVersion">Version of the framework definition in force for the period.</param>
/// <param name="Period"><c>YYYY-MM</c>, <c>YYYY</c> or a window id.</param>
/// <param name="Unit">Code of the unit whose period was reopened.</param>
/// <param name="Until">Until when it may submit, UTC (exclusive).</param>
/// <param name="Reason">The reviewer's reason, Vietnamese free text.</param>
/// <param name="ReopenedBy">Subject (<c>sub</c>) of the reviewer.</param>
/// <param name="OccurredAt">When it was reopened, UTC.</param>
public sealed record PeriodReopened(
    Guid ReopeningId,
    string Tenant,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    string Unit,
    DateTimeOffset Until,
    string Reason,
    string ReopenedBy,
    DateTimeOffset OccurredAt) : IFrameworkPeriodEvent;
