namespace Platform.Web.Api;

/// <summary>A unit's months against its peers (<c>GET /api/reporting/dashboards/units/{unit}</c>).</summary>
public sealed record UnitDashboard(string Framework, string Unit, string UnitName, string PeerGroup, string PeerGroupName,
    IReadOnlyList<GroupHeader> Groups, IReadOnlyList<UnitMonth> Months, IReadOnlyList<PeerSeries> Peers);

/// <summary>One month of <see cref="UnitDashboard"/>: the unit's total, groups and standing, the peers' median, average and best.</summary>
public sealed record UnitMonth(string Period, string PeriodName, bool Reported, decimal? Total, string? Classification, int? Rank, int Ranked,
    IReadOnlyDictionary<string, decimal> Groups, decimal? PeerMedian, decimal? PeerAverage, decimal? PeerBest);

/// <summary>A peer's totals, aligned with <see cref="UnitDashboard.Months"/>.</summary>
public sealed record PeerSeries(string Unit, string UnitName, IReadOnlyList<decimal?> Totals);

/// <summary>Classes per month (<c>GET /api/reporting/dashboards/classes</c>).</summary>
public sealed record ClassDistribution(string Framework, string PeerGroup, string PeerGroupName, IReadOnlyList<ClassMonth> Months);

/// <summary>One month of <see cref="ClassDistribution"/>.</summary>
public sealed record ClassMonth(string Period, string PeriodName, int A, int B, int C, int D, int NotReported);

/// <summary>The heads-of-agency view (<c>GET /api/reporting/dashboards/leaders</c>).</summary>
public sealed record LeadersView(string Framework, string Period, string PeriodName, string Unit, string UnitName, int Total, int Page, int PageSize,
    IReadOnlyList<LeaderLine> Units);

/// <summary>One scored unit of <see cref="LeadersView"/>: this month, the classes of its year, on-time reporting.</summary>
public sealed record LeaderLine(string Unit, string UnitName, string PeerGroup, decimal? Total, string? Classification, string ClassificationName,
    int? Rank, int Ranked, decimal? TotalChange, int MonthsA, int MonthsB, int MonthsC, int MonthsD, int MonthsNotReported, decimal? OnTimeRate);

/// <summary>The DTI annual report (<c>GET /api/reporting/dti/{year}</c>).</summary>
public sealed record DtiReport(string Framework, string FrameworkName, string FrameworkVersion, string Year, int Revision, bool Current,
    DateTimeOffset PublishedAt, string PublishedAtVietnam, string? CorrectionReason, IReadOnlyList<GroupHeader> Pillars, IReadOnlyList<DtiLine> Provinces);

/// <summary>One province of <see cref="DtiReport"/>.</summary>
public sealed record DtiLine(int? Rank, string Unit, string UnitName, bool Reported, decimal? Total, IReadOnlyDictionary<string, decimal> Pillars,
    int? PreviousRank, decimal? PreviousTotal);

/// <summary>One published revision, for everyone (<c>GET /api/reporting/public/publications</c>): the history and corrections with reasons.</summary>
public sealed record PublicRevision(string Framework, string FrameworkName, string Period, string PeriodName, string PeerGroup, string PeerGroupName,
    int Revision, int? Supersedes, bool Current, DateTimeOffset PublishedAt, string PublishedAtVietnam, string? Reason,
    IReadOnlyList<string> ChangedUnitNames);

/// <summary>Read-model state for the platform administrator (<c>GET /api/reporting/admin/status</c>), with the last rebuild.</summary>
public sealed record ReadModelStatus(long Events, DateTimeOffset? LastEventAt, IReadOnlyList<EventTypeCount> Types, RebuildState Rebuild);

/// <summary>One event type of <see cref="ReadModelStatus"/>.</summary>
public sealed record EventTypeCount(string Type, long Events, DateTimeOffset? LastAt);

/// <summary>
/// A rebuild that runs in the background (<c>POST /api/reporting/admin/rebuild</c> answers 202 with it at once; the status
/// carries it until the next): running, or finished with the events applied, or failed with a Vietnamese error.
/// </summary>
public sealed record RebuildState(bool Running, DateTimeOffset? StartedAt, string? StartedBy, DateTimeOffset? FinishedAt, long? Events,
    long? DurationMs, string? Error);
