using Platform.Scoring.Io;

namespace Platform.DxIndex.Dti.Runs;

/// <summary>One province's place: whether it reported, and its rank among those that did.</summary>
public sealed record DtiStanding(ResultLine Line, bool Reported, int? Rank);

/// <summary>
/// The "chưa báo cáo" rule of monthly scoring (docs/monthly-scoring.md, <c>Runs/Standings.cs</c> there), applied to the
/// DTI: a province none of whose indicators could be scored (every one flagged <c>missing</c>) has not reported — no
/// total, no rank, listed after the ranked provinces by code. The others are ranked as the engine ranks (rounded total
/// descending, ties share a rank, the next is skipped).
/// </summary>
public static class DtiStandings
{
    public const string MissingFlag = "missing";

    public static bool HasReported(ResultLine line) => line.Indicators.Values.Any(i => !i.Flags.Contains(MissingFlag));

    public static IReadOnlyList<DtiStanding> Of(IEnumerable<ResultLine> lines)
    {
        var reported = new List<ResultLine>();
        var silent = new List<ResultLine>();
        foreach (var line in lines) (HasReported(line) ? reported : silent).Add(line);
        reported.Sort((a, b) => b.Total.CompareTo(a.Total) is var byTotal and not 0 ? byTotal : string.CompareOrdinal(a.Unit, b.Unit));
        silent.Sort((a, b) => string.CompareOrdinal(a.Unit, b.Unit));
        var standings = new List<DtiStanding>(reported.Count + silent.Count);
        for (var i = 0; i < reported.Count; i++)
        {
            var rank = i > 0 && reported[i].Total == reported[i - 1].Total ? standings[i - 1].Rank : i + 1;
            standings.Add(new DtiStanding(reported[i], true, rank));
        }
        standings.AddRange(silent.Select(s => new DtiStanding(s, false, null)));
        return standings;
    }
}
