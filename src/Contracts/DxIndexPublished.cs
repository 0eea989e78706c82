namespace Platform.Contracts;

/// <summary>
/// The DX index service published the official provincial digital-transformation index (DTI, <c>dti-province-405</c>) of
/// one year: revision 1 the first time, a higher revision for each correction, which replaces the one before it entirely
/// (every province is included). Subscribers keep the highest revision per (tenant, framework, period). Illustrative
/// values ("dữ liệu minh họa") never enter it.
/// </summary>
/// <param name="Tenant">Deployment that produced the event.</param>
/// <param name="FrameworkId"><c>dti-province-405</c>.</param>
/// <param name="FrameworkVersion">Version of the framework definition the index was scored under.</param>
/// <param name="Period">The year, <c>YYYY</c>.</param>
/// <param name="Revision">1 for the first publication, n+1 for each correction.</param>
/// <param name="Supersedes">The revision this one replaces; null for revision 1.</param>
/// <param name="Reason">Why a correction was published (Vietnamese free text); null for revision 1.</param>
/// <param name="ChangedUnits">Provinces whose standing or any indicator changed; null for revision 1.</param>
/// <param name="Provinces">Every province of the peer group <c>provinces</c>: ranked ones by rank, then those that have not reported.</param>
/// <param name="OccurredAt">When the revision was published, UTC.</param>
public sealed record DxIndexPublished(
    string Tenant,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    int Revision,
    int? Supersedes,
    string? Reason,
    IReadOnlyList<string>? ChangedUnits,
    IReadOnlyList<PublishedProvinceIndex> Provinces,
    DateTimeOffset OccurredAt) : IFrameworkPeriodEvent;

/// <summary>One province's published index.</summary>
/// <param name="Unit">Organisation unit code.</param>
/// <param name="Reported">False: nothing of the province could be scored ("chưa báo cáo"); total and rank are null.</param>
/// <param name="Total">Total of the 1,000 points, rounded half away from zero to 2 decimals; null when not reported.</param>
/// <param name="Rank">Competition rank among the provinces that reported (1, 2, 2, 4); null when not reported.</param>
/// <param name="Pillars">Score per pillar code (<c>1</c>…<c>8</c>), 2 decimals; empty when not reported.</param>
/// <param name="Indicators">Score per indicator code (<c>1.1</c>…<c>8.3</c>) with its maximum and flags.</param>
public sealed record PublishedProvinceIndex(
    string Unit,
    bool Reported,
    decimal? Total,
    int? Rank,
    IReadOnlyDictionary<string, decimal> Pillars,
    IReadOnlyDictionary<string, PublishedIndicatorScore> Indicators);
