namespace Platform.Web.Api;

/// <summary>One current published ranking (<c>GET /api/reporting/rankings</c>), newest first.</summary>
public sealed record PublishedRankingInfo(string Framework, string FrameworkName, string Period, string PeriodName, string PeerGroup,
    string PeerGroupName, int Revision, DateTimeOffset PublishedAt, string PublishedAtVietnam, int Units);

/// <summary>The meeting ranking (<c>GET /api/reporting/rankings/{framework}/{period}/{peerGroup}</c>): one revision of one peer group's month.</summary>
public sealed record MeetingRanking(string Framework, string FrameworkName, string FrameworkVersion, string Period, string PeriodName,
    string PeerGroup, string PeerGroupName, int Revision, bool Current, DateTimeOffset PublishedAt, string PublishedAtVietnam,
    string? CorrectionReason, string? PreviousPeriod, IReadOnlyList<GroupHeader> Groups, IReadOnlyList<ClassCount> Classes,
    int CommendationCount, int Total, int Page, int PageSize, IReadOnlyList<MeetingRankingLine> Lines);

/// <summary>A group of indicators (or a DTI pillar): code, name, points.</summary>
public sealed record GroupHeader(string Code, string Name, decimal? Max);

/// <summary>How many units a class holds (A, B, C, D; <c>none</c> = chưa báo cáo).</summary>
public sealed record ClassCount(string Classification, string Name, int Units);

/// <summary>One unit of <see cref="MeetingRanking"/>, with last month beside it (<see cref="RankChange"/> positive = moved up).</summary>
public sealed record MeetingRankingLine(int? Rank, string Unit, string UnitName, bool Reported, decimal? Total, string? Classification,
    string ClassificationName, IReadOnlyDictionary<string, decimal> Groups, decimal Bonus, int? PreviousRank, decimal? PreviousTotal,
    string? PreviousClassification, decimal? TotalChange, int? RankChange);

/// <summary>A unit's monthly scorecard (<c>GET /api/reporting/scorecards/{framework}/{period}/{unit}</c>).</summary>
public sealed record Scorecard(string Framework, string FrameworkName, string FrameworkVersion, string Period, string PeriodName, string Unit,
    string UnitName, string PeerGroup, string PeerGroupName, int Revision, DateTimeOffset PublishedAt, string PublishedAtVietnam, bool Reported,
    decimal? Total, string? Classification, string ClassificationName, int? Rank, int Ranked, decimal Bonus, decimal? PreviousTotal,
    int? PreviousRank, IReadOnlyList<ScorecardGroup> Groups, IReadOnlyList<ImprovementItem> Improvements);

/// <summary>One group of <see cref="Scorecard"/> with its indicators.</summary>
public sealed record ScorecardGroup(string Code, string Name, decimal Score, decimal? Max, IReadOnlyList<ScorecardIndicator> Indicators);

/// <summary>One indicator of <see cref="ScorecardGroup"/>.</summary>
public sealed record ScorecardIndicator(string Code, string Name, decimal Score, decimal Max, IReadOnlyList<string> Flags, IReadOnlyList<string> FlagNames);

/// <summary>What to improve: an indicator far from its points (largest gaps first).</summary>
public sealed record ImprovementItem(string Code, string Name, decimal Score, decimal Max, decimal Gap, string Advice);
