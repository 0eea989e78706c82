using Platform.Scoring.Io;

namespace Platform.DxIndex.Dti.Ranking;

public sealed record PillarHead(string Code, string Name, decimal Max);

/// <summary>
/// One province in the ranking. <paramref name="Reported"/> false: nothing of it could be scored ("chưa báo cáo") — null
/// total and rank, empty pillars. <paramref name="MissingInputs"/>: how many inputs have no approved value.
/// <paramref name="Demo"/>: its values are illustrative ("dữ liệu minh họa"), never in an official revision.
/// </summary>
public sealed record RankingLine(string Unit, string Name, bool Reported, decimal? Total, int? Rank, IReadOnlyDictionary<string, decimal> Pillars,
    int MissingInputs, bool Demo);

/// <param name="Kind"><c>official</c> (a published revision) or <c>provisional</c> ("tạm tính", scored now).</param>
/// <param name="ComputedAt">When the result was scored: the publication time of an official revision, now for a provisional one.</param>
/// <param name="Demo">Some province's values are illustrative.</param>
/// <param name="NotReported">How many provinces of the answer have not reported.</param>
public sealed record RankingView(string Year, string FrameworkId, string FrameworkVersion, string Kind, int? Revision, DateTimeOffset? PublishedAt,
    string? Reason, DateTimeOffset ComputedAt, bool Demo, IReadOnlyList<PillarHead> Pillars, IReadOnlyList<RankingLine> Results, int NotReported);

/// <summary>An indicator's score in a line, as the document shows it.</summary>
public sealed record IndicatorScoreView(decimal Score, decimal Max, IReadOnlyList<string> Flags)
{
    public static IndicatorScoreView Of(IndicatorLine line) => new(line.Score, line.Max, line.Flags);
}
