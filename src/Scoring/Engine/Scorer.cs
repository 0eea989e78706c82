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
        var encoded = new EncodedUnit[units.Count];
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

        var results = new Unranked[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            var scores = new IndicatorScore[indicators.Count];
            for (var i = 0; i < indicators.Count; i++)
            {
                scores[i] = ScoreIndicator(indicators[i], encoded[u], units[u], indicatorBests[i], context, trace: null);
            }
            results[u] = Total(units[u], scores);
        }
        return new ScoringResult(framework, request.Period, request.PeerGroup, Rank(results), bests.ToDictionary(b => b.Key, b => b.Value));
    }

    /// <summary>Re-evaluates one indicator of one unit with its working recorded.</summary>
    public IndicatorExplanation Explain(ScoringRequest request, string unit, string code)
    {
        var indicator = framework.Indicators.FirstOrDefault(i => i.Code == code)
            ?? throw new ArgumentException($"Không có chỉ tiêu {code} trong {framework.Id}", nameof(code));
        var index = request.Units.ToList().FindIndex(u => u.Unit == unit);
        if (index < 0) throw new ArgumentException($"Không có đơn vị {unit} trong lượt chấm", nameof(unit));
        var encoded = request.Units.Select(u => InputEncoder.Encode(framework, u)).ToArray();
        var context = new EvalContext();
        var bests = FindBests(encoded, request.Units, request.References, context);
        var steps = new List<string>();
        var score = ScoreIndicator(indicator, encoded[index], request.Units[index], indicator.Best is null ? null : bests[indicator.Code], context, steps);
        var inputs = indicator.UsedSlots.ToDictionary(
            s => framework.Inputs[s].Key,
            s => request.Units[index].Values.TryGetValue(framework.Inputs[s].Key, out var v) ? v : null);
        return new IndicatorExplanation(indicator.Code, indicator.Definition.Name, indicator.Rule.Describe(), steps, inputs,
            bests.GetValueOrDefault(indicator.Code), score);
    }

    private Dictionary<string, PeerBest> FindBests(EncodedUnit[] encoded, IReadOnlyList<UnitValues> units, IReadOnlyDictionary<string, decimal>? references, EvalContext context)
    {
        var bests = new Dictionary<string, PeerBest>();
        foreach (var indicator in framework.Indicators)
        {
            if (indicator.Best is null) continue;
            decimal? best = null;
            string? holder = null;
            for (var u = 0; u < encoded.Length; u++)
            {
                context.Values = encoded[u].Values;
                context.Present = encoded[u].Present;
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

    private IndicatorScore ScoreIndicator(CompiledIndicator indicator, EncodedUnit unit, UnitValues values, PeerBest? best, EvalContext context, List<string>? trace)
    {
        context.Values = unit.Values;
        context.Present = unit.Present;
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
            if (unit.Derived[slot]) flags |= ScoreFlags.Derived;
        }

        if (values.Reviewer is not null && values.Reviewer.TryGetValue(indicator.Code, out var reviewed))
        {
            var limit = context.NeedsReview ? context.ReviewLimit : max;
            var final = Math.Clamp(reviewed, 0m, limit);
            return new IndicatorScore(indicator.Code, final, max, (flags & ~ScoreFlags.NeedsReview) | ScoreFlags.Reviewed, Self: score, Reviewer: final);
        }
        return new IndicatorScore(indicator.Code, score, max, flags);
    }

    /// <summary>A unit's result before ranking, which needs every unit's total.</summary>
    private readonly record struct Unranked(string Unit, decimal Total, decimal Unrounded, string? Classification, Dictionary<string, decimal> Groups, IndicatorScore[] Scores, decimal Bonus);

    private Unranked Total(UnitValues unit, IndicatorScore[] scores)
    {
        var groups = new Dictionary<string, decimal>(framework.Groups.Count);
        var sum = 0m;
        foreach (var group in framework.Groups)
        {
            var g = GroupScore(group, scores);
            groups[group.Code] = g;
            sum += g;
        }
        var definition = framework.Definition;
        var bonus = definition.Bonus is null ? 0m : unit.Bonus;
        var unrounded = Math.Clamp(sum + bonus, 0m, definition.MaxPoints);
        // Round the exact sum to 20 places first, so repeating fractions that add up to an exact .5 round up.
        var total = Math.Round(Math.Round(sum + bonus, 20, MidpointRounding.AwayFromZero), definition.Precision, MidpointRounding.AwayFromZero);
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
        return new Unranked(unit.Unit, total, unrounded, classification, groups, scores, bonus);
    }

    private static decimal GroupScore(CompiledGroup group, IndicatorScore[] scores)
    {
        var sum = 0m;
        foreach (var indicator in group.Indicators) sum += scores[indicator.Index].Score;
        foreach (var child in group.Groups) sum += GroupScore(child, scores);
        return Math.Clamp(sum, 0m, group.Max);
    }

    /// <summary>By rounded total, descending; equal totals share a rank and the next is skipped; then by unit id.</summary>
    private static UnitResult[] Rank(Unranked[] results)
    {
        // Unit ids are unique (validated), so the order is total and an unstable sort gives the same result.
        var order = new int[results.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var byTotal = results[b].Total.CompareTo(results[a].Total);
            return byTotal != 0 ? byTotal : string.CompareOrdinal(results[a].Unit, results[b].Unit);
        });
        var ranked = new UnitResult[results.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var r = results[order[i]];
            var rank = i > 0 && r.Total == ranked[i - 1].Total ? ranked[i - 1].Rank : i + 1;
            ranked[i] = new UnitResult(r.Unit, r.Total, r.Unrounded, r.Classification, rank, r.Groups, r.Scores, r.Bonus);
        }
        return ranked;
    }
}

public sealed class ScoringInputException(IReadOnlyList<ScoringProblem> problems)
    : Exception("Dữ liệu chấm điểm không hợp lệ: " + string.Join("; ", problems))
{
    public IReadOnlyList<ScoringProblem> Problems { get; } = problems;
}
