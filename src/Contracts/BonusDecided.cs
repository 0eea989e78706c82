namespace Platform.Contracts;

/// <summary>
/// A national bonus approver decided a proposed bonus for a unit's month (seed 001: 1–5 points for an outstanding
/// result): approved with its points, or rejected. A later decision on the same proposal replaces it.
/// </summary>
/// <param name="ProposalId">Id of the bonus proposal in monthly scoring.</param>
/// <param name="Tenant">Deployment that produced the event.</param>
/// <param name="FrameworkId">Framework id (<c>monthly-4585</c>).</param>
/// <param name="FrameworkVersion">Version of the framework definition in force for the period.</param>
/// <param name="Period"><c>YYYY-MM</c>.</param>
/// <param name="Unit">Code of the unit the bonus is for.</param>
/// <param name="Decision"><c>approved</c> or <c>rejected</c>.</param>
/// <param name="Points">Points granted when approved; null when rejected.</param>
/// <param name="Note">The decision's note or reason, Vietnamese free text; null when none.</param>
/// <param name="DecidedBy">Subject (<c>sub</c>) of the approver.</param>
/// <param name="OccurredAt">When it was decided, UTC.</param>
public sealed record BonusDecided(
    Guid ProposalId,
    string Tenant,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    string Unit,
    string Decision,
    decimal? Points,
    string? Note,
    string DecidedBy,
    DateTimeOffset OccurredAt) : IFrameworkPeriodEvent;
