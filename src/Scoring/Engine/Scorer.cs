using Platform.Scoring.Rules;

namespace Platform.Scoring.Engine;

/// <summary>
/// Scores a run exactly as frameworks.md §0 says: exact decimals, missing ≠ 0, zero-denominator
/// policies, relative-to-best over the peer group (plus external references), clamping, rounding half
/// away from zero after rounding the sum to 20 places, and competition ranking (1, 2, 2, 4).
/// Pure: no I/O, no clock, no randomness; the same request always gives the same result.
/// </summary>
public sealed class Scorer(CompiledFramework framework)
{
    public CompiledFramework Framework => framework;

    /// <summary>Checks every value against the definition; an empty list means the run can be scored.</summary>
    public IReadOnlyList<ScoringProblem> Validate(ScoringRequest request) => InputEncoder.Validate(framework, request);

    public ScoringResult Score(ScoringRequest request)
    {
        var units = request.Units;
        // Validation lays the values out by slot on its way: every value is read once.
        var encoded = new EncodedRun(units.Count, framework.Inputs.Count);
        var problems = InputEncoder.Validate(framework, request, encoded);
        if (problems.Count > 0) throw new ScoringInputException(problems);

        var indicators = framework.Indicators;
        var context = new EvalContext();
        var bests = FindBests(encoded, units, request.References, context);
        var indicatorBests = new PeerBest?[indicators.Count];
        for (var i = 0; i < indicators.Count; i++)
        {
            if (indicators[i].Best is not null) indicatorBests[i] = bests[indicators[i].Code];
        }

        // Scores go to flat arrays, read by the results through views: the run does not allocate per indicator.
        var table = new ScoreTable(framework, units.Count);
        var groups = new GroupTable(framework, units.Count);
        var results = new Unranked[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            context.Offset = u * encoded.Width;
            var cell = u * table.Width;
            for (var i = 0; i < indicators.Count; i++)
            {
                ScoreIndicator(indicators[i], encoded, units[u], indicatorBests[i], context, trace: null, table, cell + i);
            }
            results[u] = Total(units[u], table, cell, groups, u);
        }
        return new ScoringResult(framework, request.Period, request.PeerGroup, Rank(results, table, groups), bests.ToDictionary(b => b.Key, b => b.Value));
    }

    /// <summary>Re-evaluates one indicator of one unit with its working recorded.</summary>
    public IndicatorExplanation Explain(ScoringRequest request, string unit, string code)
    {
        var indicator = framework.Indicators.FirstOrDefault(i => i.Code == code)
            ?? throw new ArgumentException($"Không có chỉ tiêu {code} trong {framework.Id}", nameof(code));
        var index = request.Units.ToList().FindIndex(u => u.Unit == unit);
        if (index < 0) throw new ArgumentException($"Không có đơn vị {unit} trong lượt chấm", nameof(unit));
        var encoded = EncodedRun.Of(framework, request.Units);
        var context = new EvalContext();
        var bests = FindBests(encoded, request.Units, request.References, context);
        var steps = new List<string>();
        var table = new ScoreTable(framework, 1);
        context.Offset = index * encoded.Width;
        ScoreIndicator(indicator, encoded, request.Units[index], indicator.Best is null ? null : bests[indicator.Code], context, steps, table, indicator.Index);
        var score = table.Get(indicator.Index);
        var inputs = indicator.UsedSlots.ToDictionary(
            s => framework.Inputs[s].Key,
            s => request.Units[index].Values.TryGetValue(framework.Inputs[s].Key, out var v) ? v : null);
        return new IndicatorExplanation(indicator.Code, indicator.Definition.Name, indicator.Rule.Describe(), steps, inputs,
            bests.GetValueOrDefault(indicator.Code), score);
    }

    private Dictionary<string, PeerBest> FindBests(EncodedRun encoded, IReadOnlyList<UnitValues> units, IReadOnlyDictionary<string, decimal>? references, EvalContext context)
    {
        context.Values = encoded.Values;
        context.Present = encoded.Present;
        var bests = new Dictionary<string, PeerBest>();
        foreach (var indicator in framework.Indicators)
        {
            if (indicator.Best is null) continue;
            decimal? best = null;
            string? holder = null;
            for (var u = 0; u < units.Count; u++)
            {
                context.Offset = u * encoded.Width;
                context.Reset(indicator.Max, 0m);
                var value = indicator.Best.Value.Eval(context);
                // A unit that did not report takes no part in the best; neither does an undefined ratio.
                if (context.Missing || context.ZeroDenominator) continue;
                if (best is null || value > best || (value == best && string.CompareOrdinal(units[u].Unit, holder) < 0))
                {
                    best = value;
                    holder = units[u].Unit;
                }
            }
            if (references is not null && references.TryGetValue(indicator.Code, out var reference) && (best is null || reference > best))
            {
                bests[indicator.Code] = new PeerBest(reference, null, FromReference: true);
            }
            else
            {
                bests[indicator.Code] = new PeerBest(best ?? 0m, holder, FromReference: false);
            }
        }
        return bests;
    }

    /// <summary>Scores one indicator of the unit at <c>context.Offset</c> into <paramref name="cell"/> of the table.</summary>
    private void ScoreIndicator(CompiledIndicator indicator, EncodedRun encoded, UnitValues values, PeerBest? best, EvalContext context, List<string>? trace, ScoreTable table, int cell)
    {
        context.Values = encoded.Values;
        context.Present = encoded.Present;
        context.Trace = trace;
        context.Reset(indicator.Max, best?.Value ?? 0m);
        var raw = indicator.Rule.Eval(context);
        context.Trace = null;

        var flags = ScoreFlags.None;
        var max = indicator.Max;
        decimal score;
        if (context.Missing)
        {
            score = 0m;
            flags |= ScoreFlags.Missing;
        }
        else
        {
            score = raw;
            if (context.ZeroDenominator)
            {
                flags |= ScoreFlags.ZeroDenominator;
                switch (indicator.ZeroPolicy)
                {
                    case ZeroPolicy.Full: score = max; break;
                    case ZeroPolicy.Excluded: score = 0m; flags |= ScoreFlags.Excluded; break;
                }
            }
            if (context.NeedsReview) flags |= ScoreFlags.NeedsReview;
            if (context.Clamped) flags |= ScoreFlags.Clamped;
            // A catalogue without points reports the value itself: nothing to clamp it to.
            if (!framework.Definition.Unscored && (score < 0m || score > max))
            {
                score = Math.Clamp(score, 0m, max);
                flags |= ScoreFlags.Clamped;
            }
        }
        if (best is { FromReference: true }) flags |= ScoreFlags.ReferenceBest;
        foreach (var slot in indicator.UsedSlots)
        {
            if (encoded.Derived[context.Offset + slot]) flags |= ScoreFlags.Derived;
        }

        if (values.Reviewer is not null && values.Reviewer.TryGetValue(indicator.Code, out var reviewed))
        {
            var limit = context.NeedsReview ? context.ReviewLimit : max;
            var final = Math.Clamp(reviewed, 0m, limit);
            table.Set(cell, final, (flags & ~ScoreFlags.NeedsReview) | ScoreFlags.Reviewed, self: score);
            return;
        }
        table.Set(cell, score, flags);
    }

    /// <summary>A unit's result before ranking, which needs every unit's total.</summary>
    private readonly record struct Unranked(string Unit, int Index, decimal Total, decimal Unrounded, string? Classification, decimal Bonus);

    private Unranked Total(UnitValues unit, ScoreTable table, int cell, GroupTable groups, int index)
    {
        var sum = 0m;
        var at = index * groups.Width;
        for (var i = 0; i < groups.Width; i++)
        {
            var g = GroupScore(framework.Groups[i], table, cell);
            groups.Scores[at + i] = g;
            sum += g;
        }
        var definition = framework.Definition;
        var bonus = definition.Bonus is null ? 0m : unit.Bonus;
        var gross = sum + bonus;
        var unrounded = Math.Clamp(gross, 0m, definition.MaxPoints);
        // Round the exact sum to 20 places first, so repeating fractions that add up to an exact .5 round up.
        var total = Math.Round(Math.Round(gross, 20, MidpointRounding.AwayFromZero), definition.Precision, MidpointRounding.AwayFromZero);
        total = Math.Clamp(total, 0m, definition.MaxPoints);
        string? classification = null;
        foreach (var band in definition.Classes)
        {
            if (total >= band.Min)
            {
                classification = band.Code;
                break;
            }
        }
        return new Unranked(unit.Unit, index, total, unrounded, classification, bonus);
    }

    private static decimal GroupScore(CompiledGroup group, ScoreTable table, int cell)
    {
        var sum = 0m;
        foreach (var indicator in group.Indicators) sum += table.Scores[cell + indicator.Index];
        foreach (var child in group.Groups) sum += GroupScore(child, table, cell);
        return Math.Clamp(sum, 0m, group.Max);
    }

    /// <summary>By rounded total, descending; equal totals share a rank and the next is skipped; then by unit id.</summary>
    /// <summary>Higher totals first, then unit ids in ordinal order; a struct comparison the sort calls directly.</summary>
    private readonly record struct RankKey(decimal Total, string Unit, int Index) : IComparable<RankKey>
    {
        public int CompareTo(RankKey other)
        {
            var byTotal = other.Total.CompareTo(Total);
            return byTotal != 0 ? byTotal : string.CompareOrdinal(Unit, other.Unit);
        }
    }

    private static UnitResult[] Rank(Unranked[] results, ScoreTable table, GroupTable groups)
    {
        // Unit ids are unique (validated), so the order is total and an unstable sort gives the same result.
        var order = new RankKey[results.Length];
        for (var i = 0; i < order.Length; i++) order[i] = new RankKey(results[i].Total, results[i].Unit, i);
        Array.Sort(order);
        var ranked = new UnitResult[results.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var r = results[order[i].Index];
            var rank = i > 0 && r.Total == ranked[i - 1].Total ? ranked[i - 1].Rank : i + 1;
            ranked[i] = new UnitResult(r.Unit, r.Total, r.Unrounded, r.Classification, rank, groups.Of(r.Index), table.Of(r.Index), r.Bonus);
        }
        return ranked;
    }
}

public sealed class ScoringInputException(IReadOnlyList<ScoringProblem> problems)
    : Exception("Dữ liệu chấm điểm không hợp lệ: " + string.Join("; ", problems))
{
    public IReadOnlyList<ScoringProblem> Problems { get; } = problems;
}

/// <summary>
/// Every unit's indicator scores of one run in flat arrays (unit <c>u</c>'s start at <c>u × Width</c>).
/// Results read them through <see cref="UnitScores"/>, which makes each <see cref="IndicatorScore"/> when asked:
/// a run of 41,000 units keeps three arrays alive instead of half a million small records.
/// </summary>
internal sealed class ScoreTable(CompiledFramework framework, int units)
{
    public readonly int Width = framework.Indicators.Count;
    public readonly decimal[] Scores = new decimal[units * framework.Indicators.Count];
    private readonly ScoreFlags[] _flags = new ScoreFlags[units * framework.Indicators.Count];

    /// <summary>The computed score of reviewed indicators (rubrics only), made on the first one.</summary>
    private decimal[]? _self;

    public void Set(int cell, decimal score, ScoreFlags flags)
    {
        Scores[cell] = score;
        _flags[cell] = flags;
    }

    public void Set(int cell, decimal score, ScoreFlags flags, decimal self)
    {
        Set(cell, score, flags);
        _self ??= new decimal[Scores.Length];
        _self[cell] = self;
    }

    public IndicatorScore Get(int cell)
    {
        var indicator = framework.Indicators[cell % Width];
        var flags = _flags[cell];
        return (flags & ScoreFlags.Reviewed) != 0
            ? new IndicatorScore(indicator.Code, Scores[cell], indicator.Max, flags, Self: _self![cell], Reviewer: Scores[cell])
            : new IndicatorScore(indicator.Code, Scores[cell], indicator.Max, flags);
    }

    public IReadOnlyList<IndicatorScore> Of(int unit) => new UnitScores(this, unit * Width);
}

/// <summary>One unit's indicator scores, in the framework's indicator order.</summary>
internal sealed class UnitScores(ScoreTable table, int start) : IReadOnlyList<IndicatorScore>
{
    public int Count => table.Width;

    public IndicatorScore this[int index] => (uint)index < (uint)table.Width
        ? table.Get(start + index)
        : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<IndicatorScore> GetEnumerator()
    {
        for (var i = 0; i < table.Width; i++) yield return table.Get(start + i);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Every unit's top-level group scores of one run, flat, read through <see cref="GroupScores"/>.</summary>
internal sealed class GroupTable(CompiledFramework framework, int units)
{
    public readonly string[] Codes = framework.Groups.Select(g => g.Code).ToArray();
    public readonly int Width = framework.Groups.Count;
    public readonly decimal[] Scores = new decimal[units * framework.Groups.Count];

    public IReadOnlyDictionary<string, decimal> Of(int unit) => new GroupScores(this, unit * Width);
}

/// <summary>One unit's top-level group scores by code, in the framework's group order.</summary>
internal sealed class GroupScores(GroupTable table, int start) : IReadOnlyDictionary<string, decimal>
{
    public int Count => table.Width;
    public IEnumerable<string> Keys => table.Codes;
    public IEnumerable<decimal> Values => new ArraySegment<decimal>(table.Scores, start, table.Width);

    public decimal this[string key] => TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var i = Array.IndexOf(table.Codes, key);
        value = i >= 0 ? table.Scores[start + i] : 0m;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, decimal>> GetEnumerator()
    {
        for (var i = 0; i < table.Width; i++) yield return new KeyValuePair<string, decimal>(table.Codes[i], table.Scores[start + i]);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
