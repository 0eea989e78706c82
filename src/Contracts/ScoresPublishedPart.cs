namespace Platform.Contracts;

/// <summary>
/// One part of a monthly publication too large for one message: a peer group of more than
/// <see cref="MaxUnitsPerPart"/> units is not published as one <see cref="ScoresPublished"/> but as
/// <paramref name="Parts"/> messages of this type on their own exchange (<c>Platform.Contracts:ScoresPublishedPart</c>),
/// so a subscriber that knows only <see cref="ScoresPublished"/> never takes a part for the whole revision. Every part
/// repeats the revision's header; together the parts hold every unit exactly once, in published order (part 1 holds
/// the first units). A subscriber has the revision when it holds parts 1…<paramref name="Parts"/> of the same
/// (tenant, framework, period, peer group, revision); parts arrive in any order and may arrive twice (de-duplicate by
/// message id, then by part number).
/// </summary>
/// <param name="Tenant">Deployment that produced the event.</param>
/// <param name="FrameworkId">Framework id, e.g. <c>monthly-4585</c>.</param>
/// <param name="FrameworkVersion">Version of the framework definition the results were scored under.</param>
/// <param name="Period"><c>YYYY-MM</c>.</param>
/// <param name="PeerGroup">Units ranked together.</param>
/// <param name="Revision">1 for the first publication, n+1 for each correction.</param>
/// <param name="Supersedes">The revision this one replaces; null for revision 1.</param>
/// <param name="Reason">Why a correction was published (Vietnamese free text); null for revision 1. The same in every part.</param>
/// <param name="ChangedUnits">Null for revision 1; otherwise the changed units among this part's <paramref name="Units"/>;
/// the last part also lists the superseded revision's units that left the peer group (they are in no part). The
/// revision's changed units are the union over its parts.</param>
/// <param name="Part">1-based number of this part.</param>
/// <param name="Parts">How many parts the revision has (the same in every part).</param>
/// <param name="UnitCount">Units in the whole revision (the sum of every part's units).</param>
/// <param name="Units">This part's units, in published order (rank order; units that have not reported last). Ranks are
/// among the whole peer group.</param>
/// <param name="OccurredAt">When the revision was published, UTC (the same in every part).</param>
public sealed record ScoresPublishedPart(
    string Tenant,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    string PeerGroup,
    int Revision,
    int? Supersedes,
    string? Reason,
    IReadOnlyList<string>? ChangedUnits,
    int Part,
    int Parts,
    int UnitCount,
    IReadOnlyList<PublishedUnitScore> Units,
    DateTimeOffset OccurredAt) : IFrameworkPeriodEvent
{
    /// <summary>
    /// A peer group of at most this many units is published as one <see cref="ScoresPublished"/>; a larger one in parts
    /// of at most this many units. At ≈ 1.5 KiB per unit (monthly-4585's indicators) a part stays under 4 MiB.
    /// </summary>
    public const int MaxUnitsPerPart = 2000;
}
