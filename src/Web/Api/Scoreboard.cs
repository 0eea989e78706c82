using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>Monthly scoring's <c>GET /api/monthly-scoring/runs</c>: one run (metadata only).</summary>
/// <param name="Status"><c>provisional</c>, <c>current</c> (the latest official revision) or <c>superseded</c>.</param>
/// <param name="FrameworkVersion">The version the run was scored under (a published period keeps it).</param>
public sealed record ScoreboardRun(Guid Id, string Period, string PeerGroup, string Kind, string Status, int? Revision, DateTimeOffset CreatedAt,
    string FrameworkId, string FrameworkVersion)
{
    public bool IsOfficial => Kind == "official";
}

/// <summary><c>GET /api/monthly-scoring/runs/{id}/results</c>.</summary>
public sealed record ScoreboardResults(ScoreboardRun Run, IReadOnlyList<ScoreboardLine> Results);

/// <summary>
/// One unit's result: from a run's results or from the published results.
/// <paramref name="Reported"/> false: the unit has not reported ("chưa báo cáo") — no total, class, rank or groups.
/// </summary>
public sealed record ScoreboardLine(string Unit, string? Name, decimal? Total, string? Classification, int? Rank, decimal Bonus,
    IReadOnlyDictionary<string, decimal> Groups, bool Reported = true)
{
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Unit : Name;
}

/// <summary><c>GET /api/monthly-scoring/runs/{id}/units/{unit}/explanation</c>: the working of every indicator.</summary>
public sealed record UnitWorking(Guid RunId, string Unit, IReadOnlyList<IndicatorWorking> Indicators);

/// <param name="Rule">The formula as the engine describes it (keys of inputs, <c>max</c>, invariant decimals).</param>
/// <param name="Steps">The evaluation, step by step (Vietnamese, invariant decimals).</param>
/// <param name="Inputs">Input key → value as reported (number, true/false, a choice's code) or null when not reported.</param>
/// <param name="BestUnit">The unit holding the peer best; null when it lies outside the caller's scope or is a reference value.</param>
public sealed record IndicatorWorking(string Code, string Name, string Rule, IReadOnlyList<string> Steps,
    IReadOnlyDictionary<string, JsonElement?> Inputs, decimal? Best, string? BestUnit, decimal Score, decimal Max, IReadOnlyList<string> Flags);

/// <summary><c>GET /api/monthly-scoring/units/{unit}/history?peerGroup=</c>: one published month (not reported: no total, class, rank).</summary>
public sealed record ScoreHistoryPoint(string Period, int Revision, decimal? Total, string? Classification, int? Rank,
    IReadOnlyDictionary<string, decimal> Groups, bool Reported = true);

/// <summary><c>GET /api/monthly-scoring/public/periods</c> (no sign-in).</summary>
public sealed record PublishedPeriodInfo(string Period, string PeerGroup, int Revision, DateTimeOffset PublishedAt, string? Reason = null);

/// <summary>One published revision; a correction (revision &gt; 1) with its reason.</summary>
public sealed record PublishedRevisionInfo(int Revision, DateTimeOffset PublishedAt, string? Reason);

/// <summary>
/// <c>GET /api/monthly-scoring/public/results?period=&amp;peerGroup=</c> (no sign-in): the current official revision, its
/// correction reason, every revision of the period, how many units have not reported.
/// </summary>
public sealed record PublishedScoreboard(string Period, string PeerGroup, string FrameworkId, string FrameworkVersion, int Revision,
    DateTimeOffset PublishedAt, IReadOnlyList<ScoreboardLine> Results, string? Reason = null, IReadOnlyList<PublishedRevisionInfo>? Revisions = null,
    int NotReported = 0);
