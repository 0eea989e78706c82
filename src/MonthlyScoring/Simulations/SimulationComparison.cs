using Platform.MonthlyScoring.Runs;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.MonthlyScoring.Simulations;

/// <summary>
/// Every unit before and after, read through the one "chưa báo cáo" rule (<see cref="Standings"/>: a unit that has not
/// reported has no total, class or rank, and ranks are among the units that reported), in the baseline's order.
/// </summary>
internal static class SimulationComparison
{
    public static (IReadOnlyList<SimulatedUnit> Units, SimulationSummary Summary) Of(CompiledFramework before, string beforeJson,
        CompiledFramework after, string afterJson, IReadOnlyDictionary<string, string> names)
    {
        var old = Standings.Of(ResultLines.Read(beforeJson));
        var now = Standings.Of(ResultLines.Read(afterJson)).ToDictionary(s => s.Line.Unit, StringComparer.Ordinal);
        var indicatorNames = after.Indicators.Concat(before.Indicators)
            .DistinctBy(i => i.Code).ToDictionary(i => i.Code, i => i.Definition.Name, StringComparer.Ordinal);
        var units = old.Where(s => now.ContainsKey(s.Line.Unit)).Select(b =>
        {
            var a = now[b.Line.Unit];
            decimal? delta = b.Reported && a.Reported ? a.Line.Total - b.Line.Total : null;
            return new SimulatedUnit(b.Line.Unit, names.GetValueOrDefault(b.Line.Unit), Standing(b), Standing(a), delta,
                Moved(b.Line, a.Line, indicatorNames));
        }).ToList();

        var beforeCodes = before.Indicators.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var afterCodes = after.Indicators.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var summary = new SimulationSummary(
            units.Count(u => u.Before.Class != u.After.Class),
            units.Count(u => u.Before.Rank != u.After.Rank),
            units.Where(u => u.Delta > 0).MaxBy(u => u.Delta) is { } gain ? new UnitDelta(gain.Unit, gain.Name, gain.Delta!.Value) : null,
            units.Where(u => u.Delta < 0).MinBy(u => u.Delta) is { } loss ? new UnitDelta(loss.Unit, loss.Name, loss.Delta!.Value) : null,
            after.Indicators.Where(i => !beforeCodes.Contains(i.Code)).Select(i => new IndicatorName(i.Code, i.Definition.Name)).ToList(),
            before.Indicators.Where(i => !afterCodes.Contains(i.Code)).Select(i => new IndicatorName(i.Code, i.Definition.Name)).ToList());
        return (units, summary);
    }

    private static SimulatedStanding Standing(Standing s) => s.Reported
        ? new SimulatedStanding(true, s.Line.Total, s.Line.Classification, s.Rank)
        : new SimulatedStanding(false, null, null, null);

    /// <summary>Indicators whose score differs, then those only the alternative has (added) or only the baseline (removed).</summary>
    private static List<MovedIndicator> Moved(ResultLine before, ResultLine after, Dictionary<string, string> names)
    {
        var moved = new List<MovedIndicator>();
        foreach (var (code, old) in before.Indicators)
        {
            if (!after.Indicators.TryGetValue(code, out var now)) moved.Add(new MovedIndicator(code, names[code], old.Score, null, "removed"));
            else if (now.Score != old.Score) moved.Add(new MovedIndicator(code, names[code], old.Score, now.Score, "changed"));
        }
        moved.AddRange(after.Indicators.Where(i => !before.Indicators.ContainsKey(i.Key))
            .Select(i => new MovedIndicator(i.Key, names[i.Key], null, i.Value.Score, "added")));
        return moved;
    }
}
