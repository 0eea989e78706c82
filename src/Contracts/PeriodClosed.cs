namespace Platform.Contracts;

/// <summary>
/// A period's deadline passed at one reporting level: from now on submissions for it are late (or refused, per
/// the framework's late policy). Published exactly once per tenant, framework, period and level. Scoring may
/// compute the period from the values approved so far; a reopening does not undo it — values approved later
/// arrive as further <see cref="SubmissionApproved"/> events with a higher revision.
/// </summary>
/// <param name="Tenant">Deployment that produced the event.</param>
/// <param name="FrameworkId">Framework id, e.g. <c>monthly-4585</c>.</param>
/// <param name="FrameworkVersion">
/// Version of the framework definition in force for the period; empty when the catalogue has none for it
/// (e.g. a period before the framework took effect).
/// </param>
/// <param name="Period"><c>YYYY-MM</c>, <c>YYYY</c> or a window id.</param>
/// <param name="Level"><c>agency-to-province</c> or <c>to-national</c>.</param>
/// <param name="DueAt">The deadline that passed, UTC (exclusive: a submission at this instant is late).</param>
/// <param name="OccurredAt">When intake recorded the close, UTC: at or shortly after <paramref name="DueAt"/>.</param>
public sealed record PeriodClosed(
    string Tenant,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    string Level,
    DateTimeOffset DueAt,
    DateTimeOffset OccurredAt) : IFrameworkPeriodEvent;
