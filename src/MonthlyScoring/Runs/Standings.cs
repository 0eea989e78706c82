using Platform.Scoring.Io;

namespace Platform.MonthlyScoring.Runs;

/// <summary>One unit's place in a published ranking: whether it reported, and its rank among the units that did.</summary>
/// <param name="Rank">Competition rank among the reported units (1, 2, 2, 4); null for a unit that has not reported.</param>
public sealed record Standing(ResultLine Line, bool Reported, int? Rank);

/// <summary>
/// Who is ranked. A unit none of whose indicators could be scored — every indicator carries the engine's
/// <c>missing</c> flag, as for a unit that reported nothing for the month — has not reported ("chưa báo cáo"): it is
/// not a score of 0, so it gets no rank and no class and is listed after every ranked unit (by unit code). The units
/// that reported are ranked among themselves exactly as the engine ranks (rounded total descending, ties share a rank,
/// the next is skipped). The stored engine result stays as the engine wrote it (re-scorable byte for byte); this is
/// the reading every answer, page and event uses, of a fresh result's lines or of a stored document's
/// (<see cref="ResultLines"/>).
/// </summary>
public static class Standings
{
    public const string MissingFlag = "missing";

    public static bool HasReported(ResultLine line) =>
        line.Indicators.Count == 0 || line.Indicators.Values.Any(i => !i.Flags.Contains(MissingFlag));

    /// <summary>Reported units in rank order (then unit code), then the units that have not reported (by unit code).</summary>
    public static IReadOnlyList<Standing> Of(IEnumerable<ResultLine> lines)
    {
        var reported = new List<ResultLine>();
        var silent = new List<ResultLine>();
        foreach (var line in lines) (HasReported(line) ? reported : silent).Add(line);
        reported.Sort((a, b) => b.Total.CompareTo(a.Total) is var byTotal and not 0 ? byTotal : string.CompareOrdinal(a.Unit, b.Unit));
        silent.Sort((a, b) => string.CompareOrdinal(a.Unit, b.Unit));

        var standings = new List<Standing>(reported.Count + silent.Count);
        for (var i = 0; i < reported.Count; i++)
        {
            var rank = i > 0 && reported[i].Total == reported[i - 1].Total ? standings[i - 1].Rank : i + 1;
            standings.Add(new Standing(reported[i], true, rank));
        }
        standings.AddRange(silent.Select(s => new Standing(s, false, null)));
        return standings;
    }
}
