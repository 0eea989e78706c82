namespace Platform.DxIndex.Dti.Ranking;

/// <summary>A pillar of the province against the ranked provinces of the same result: the best and the median pillar score.</summary>
public sealed record ProfilePillar(string Code, string Name, decimal Max, decimal? Score, decimal? NationalBest, decimal? NationalMedian);

/// <summary>The province's result of one year: the current official revision, or the provisional index when none.</summary>
public sealed record ProfileHistory(string Year, string Kind, int? Revision, bool Reported, decimal? Total, int? Rank, IReadOnlyDictionary<string, decimal> Pillars);

/// <summary>
/// One indicator of the province, with seed 004's assignment. <paramref name="Best"/> is the highest score of the indicator
/// among the ranked provinces of the same result (<paramref name="BestUnit"/> holds it; null when outside a provisional
/// caller's scope). <paramref name="Weak"/>: below half its points, or flagged <c>missing</c>.
/// </summary>
public sealed record ProfileIndicator(string Code, string Name, string Pillar, decimal Max, decimal Score, IReadOnlyList<string> Flags,
    decimal? Best, string? BestUnit, string? LeadAgency, IReadOnlyList<string> CooperatingAgencies, string? Frequency, string? ProposedAction,
    string? LegalReference, bool Weak);

/// <param name="Ranked">How many provinces are ranked in this result.</param>
public sealed record ProvinceProfile(string Year, string Unit, string Name, string Kind, int? Revision, bool Demo, bool Reported, decimal? Total,
    int? Rank, int Ranked, IReadOnlyList<ProfilePillar> Pillars, IReadOnlyList<ProfileHistory> History, IReadOnlyList<ProfileIndicator> Indicators);
