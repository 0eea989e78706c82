namespace Platform.Contracts;

/// <summary>
/// Monthly scoring published the official results of one peer group for one period: revision 1 the first time,
/// a higher revision for each correction, which replaces the one before it entirely (all units are included, not
/// only the changed ones). Subscribers keep the highest revision per (tenant, framework, period, peer group).
/// </summary>
/// <param name="Tenant">Deployment that produced the event.</param>
/// <param name="FrameworkId">Framework id, e.g. <c>monthly-4585</c>.</param>
/// <param name="FrameworkVersion">Version of the framework definition the results were scored under.</param>
/// <param name="Period"><c>YYYY-MM</c>.</param>
/// <param name="PeerGroup">Units ranked together: <c>provinces</c> or <c>ministries</c>.</param>
/// <param name="Revision">1 for the first publication, n+1 for each correction.</param>
/// <param name="Supersedes">The revision this one replaces; null for revision 1.</param>
/// <param name="Reason">Why a correction was published (Vietnamese free text); null for revision 1.</param>
/// <param name="ChangedUnits">Units whose total, classification, rank or any indicator changed; null for revision 1.</param>
/// <param name="Units">Every unit's result, in rank order; units that have not reported last.</param>
/// <param name="OccurredAt">When the revision was published, UTC.</param>
public sealed record ScoresPublished(
    string Tenant,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    string PeerGroup,
    int Revision,
    int? Supersedes,
    string? Reason,
    IReadOnlyList<string>? ChangedUnits,
    IReadOnlyList<PublishedUnitScore> Units,
    DateTimeOffset OccurredAt) : IFrameworkPeriodEvent;

/// <summary>One unit's published result.</summary>
/// <param name="Unit">Organisation unit code.</param>
/// <param name="Total">Rounded total (half away from zero), 0–100.</param>
/// <param name="Unrounded">Total before rounding, full precision.</param>
/// <param name="Classification"><c>A</c>, <c>B</c>, <c>C</c> or <c>D</c>.</param>
/// <param name="Rank">Competition rank among the units that reported (1, 2, 2, 4); a unit that has not reported comes after
/// all of them (number of reported units + 1).</param>
/// <param name="Groups">Score per indicator group (<c>A</c>…<c>E</c>), 2 decimals.</param>
/// <param name="Indicators">Score per indicator code.</param>
/// <param name="Bonus">Approved bonus points included in the total.</param>
/// <param name="Reported">Added 12/2026. False: the unit has not reported for the month ("chưa báo cáo": every indicator
/// flagged <c>missing</c>); its total, class and groups are not a result and must not be shown as one. Absent (older
/// publishers) reads as true.</param>
public sealed record PublishedUnitScore(
    string Unit,
    decimal Total,
    decimal Unrounded,
    string? Classification,
    int Rank,
    IReadOnlyDictionary<string, decimal> Groups,
    IReadOnlyDictionary<string, PublishedIndicatorScore> Indicators,
    decimal Bonus,
    bool Reported = true);

/// <summary>One indicator's score: <paramref name="Flags"/> any of <c>missing</c>, <c>zero-denominator</c>, <c>clamped</c>, <c>reference-best</c>, <c>derived</c>.</summary>
public sealed record PublishedIndicatorScore(decimal Score, decimal Max, IReadOnlyList<string> Flags);
