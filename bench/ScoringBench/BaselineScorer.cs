using System.Text.Json;
using Platform.Scoring.Definitions;
using Platform.Scoring.Engine;

namespace Platform.Bench.ScoringBench;

/// <summary>
/// The straightforward way to score, to compare the engine against: per unit and indicator, walk the
/// rule's JSON tree as written and look every input up by its string key in the unit's dictionary.
/// Same arithmetic, policies, bests, rounding and ranking as the engine (its results are checked
/// against the engine's), but no compilation: nothing is parsed, resolved or laid out ahead.
/// </summary>
public sealed class BaselineScorer(FrameworkDefinition definition)
{
    private readonly Dictionary<string, InputDefinition> _inputs = definition.Inputs.ToDictionary(i => i.Key, StringComparer.Ordinal);

    public sealed record Result(string Unit, decimal Total, decimal Unrounded, string? Classification, int Rank, Dictionary<string, decimal> Groups, Dictionary<string, decimal> Indicators);

    private sealed class State
    {
        public required IReadOnlyDictionary<string, object> Values;
        public decimal Max;
        public decimal Best;
        public bool Missing;
        public bool ZeroDenominator;
        public bool Derived;
    }

    public Result[] Score(ScoringRequest request)
    {
        Validate(request);
        var bests = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var indicator in Indicators(definition.Groups))
        {
            if (FindBest(Rule(indicator)) is not { } bestRule) continue;
            decimal? best = null;
            foreach (var unit in request.Units)
            {
                var state = new State { Values = unit.Values, Max = indicator.Max };
                var value = Value(bestRule, state);
                if (state.Missing || state.ZeroDenominator) continue;
                if (best is null || value > best) best = value;
            }
            bests[indicator.Code] = request.References is not null && request.References.TryGetValue(indicator.Code, out var r) && (best is null || r > best) ? r : best ?? 0m;
        }

        var results = new List<Result>(request.Units.Count);
        foreach (var unit in request.Units)
        {
            var scores = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var groups = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var sum = 0m;
            foreach (var group in definition.Groups)
            {
                var g = GroupScore(group, unit, bests, scores);
                groups[group.Code] = g;
                sum += g;
            }
            var bonus = definition.Bonus is null ? 0m : unit.Bonus;
            var unrounded = Math.Clamp(sum + bonus, 0m, definition.MaxPoints);
            var total = Math.Clamp(Math.Round(Math.Round(sum + bonus, 20, MidpointRounding.AwayFromZero), definition.Precision, MidpointRounding.AwayFromZero), 0m, definition.MaxPoints);
            var classification = definition.Classes.FirstOrDefault(c => total >= c.Min)?.Code;
            results.Add(new Result(unit.Unit, total, unrounded, classification, 0, groups, scores));
        }
        var ordered = results.OrderByDescending(r => r.Total).ThenBy(r => r.Unit, StringComparer.Ordinal).ToList();
        var ranked = new Result[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            ranked[i] = ordered[i] with { Rank = i > 0 && ordered[i].Total == ordered[i - 1].Total ? ranked[i - 1].Rank : i + 1 };
        }
        return ranked;
    }

    private decimal GroupScore(GroupDefinition group, UnitValues unit, Dictionary<string, decimal> bests, Dictionary<string, decimal> scores)
    {
        var sum = 0m;
        foreach (var indicator in group.Indicators)
        {
            var state = new State { Values = unit.Values, Max = indicator.Max, Best = bests.GetValueOrDefault(indicator.Code) };
            var raw = Eval(Rule(indicator), state);
            var score = state.Missing ? 0m
                : state.ZeroDenominator ? indicator.ZeroDenominator switch { "full" => indicator.Max, "excluded" => 0m, _ => Math.Clamp(raw, 0m, indicator.Max) }
                : Math.Clamp(raw, 0m, indicator.Max);
            scores[indicator.Code] = score;
            sum += score;
        }
        foreach (var child in group.Groups) sum += GroupScore(child, unit, bests, scores);
        return Math.Clamp(sum, 0m, group.Max);
    }

    private void Validate(ScoringRequest request)
    {
        foreach (var unit in request.Units)
        {
            foreach (var (key, value) in unit.Values)
            {
                if (!_inputs.TryGetValue(key, out var input)) throw new InvalidOperationException($"{unit.Unit}: {key} không có trong khung");
                var ok = input.Type switch
                {
                    "boolean" => value is bool,
                    "choice" => value is string s && input.Options!.ContainsKey(s),
                    _ => value is decimal d && d >= (input.Min ?? 0m) && d <= (input.Max ?? decimal.MaxValue)
                        && (input.Type != "count" || decimal.Truncate(d) == d) && (input.Type != "fraction" || d <= 1m),
                };
                if (!ok) throw new InvalidOperationException($"{unit.Unit}: {key} không hợp lệ");
            }
            foreach (var check in definition.Checks)
            {
                // A check applies once its reference inputs are reported (or have a default); unreported others count as 0.
                if (check.Requires.Any(k => !unit.Values.ContainsKey(k) && _inputs[k].WhenMissing is null)) continue;
                var state = new State { Values = unit.Values };
                if (!Test(check.Rule, state)) throw new InvalidOperationException($"{unit.Unit}: {check.Message}");
            }
        }
    }

    private static IEnumerable<IndicatorDefinition> Indicators(IEnumerable<GroupDefinition> groups) =>
        groups.SelectMany(g => g.Indicators.Concat(Indicators(g.Groups)));

    private static JsonElement Rule(IndicatorDefinition indicator) =>
        indicator.Variant is { } v ? indicator.Variants![v] : indicator.Rule;

    private static JsonElement? FindBest(JsonElement rule)
    {
        if (rule.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in rule.EnumerateObject())
            {
                if (p.Name == "op" && p.Value.GetString() == "best") return rule;
                if (FindBest(p.Value) is { } found) return found;
            }
        }
        else if (rule.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in rule.EnumerateArray())
            {
                if (FindBest(e) is { } found) return found;
            }
        }
        return null;
    }

    /// <summary>The ratio a rule measures, when it is one: "num" / "den", or a "value" that is a ratio.</summary>
    private static (JsonElement Num, JsonElement Den)? MeasuredRatio(JsonElement rule) =>
        rule.TryGetProperty("value", out var v) ? OpRatio(v)
        : rule.TryGetProperty("num", out var n) && rule.TryGetProperty("den", out var d) ? (n, d) : null;

    private static (JsonElement Num, JsonElement Den)? OpRatio(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("op", out var op) && op.GetString() == "ratio" ? (e.GetProperty("num"), e.GetProperty("den")) : null;

    /// <summary>num × multiplier / (den × divisor): multiplied before dividing, as the engine does.</summary>
    private decimal Scaled((JsonElement Num, JsonElement Den) ratio, decimal multiplier, decimal divisor, State s)
    {
        var d = Eval(ratio.Den, s);
        var n = Eval(ratio.Num, s);
        if (d == 0m)
        {
            s.ZeroDenominator = true;
            return 0m;
        }
        return n * multiplier / (d * divisor);
    }

    /// <summary>Whether num / den satisfies the bound, compared as num against bound × den.</summary>
    private bool Satisfies((JsonElement Num, JsonElement Den) ratio, string op, decimal bound, State s)
    {
        var d = Eval(ratio.Den, s);
        var n = Eval(ratio.Num, s);
        if (d == 0m)
        {
            s.ZeroDenominator = true;
            return Holds(op, 0m, bound);
        }
        return d > 0m ? Holds(op, n, bound * d) : Holds(op, -n, bound * -d);
    }

    private decimal Value(JsonElement rule, State s) =>
        rule.TryGetProperty("value", out var v) ? Eval(v, s) : Ratio(rule.GetProperty("num"), rule.GetProperty("den"), s);

    private decimal Ratio(JsonElement num, JsonElement den, State s)
    {
        var d = Eval(den, s);
        var n = Eval(num, s);
        if (d == 0m)
        {
            s.ZeroDenominator = true;
            return 0m;
        }
        return n / d;
    }

    private decimal Input(string key, State s)
    {
        if (s.Values.TryGetValue(key, out var value))
        {
            return value switch { bool b => b ? 1m : 0m, string o => Option(key, o), _ => (decimal)value };
        }
        if (_inputs[key].WhenMissing is { } fallback)
        {
            s.Derived = true;
            return fallback.Value;
        }
        s.Missing = true;
        return 0m;
    }

    private decimal Option(string key, string option) => _inputs[key].Options!.Keys.ToList().IndexOf(option);

    private decimal Eval(JsonElement rule, State s)
    {
        switch (rule.ValueKind)
        {
            case JsonValueKind.Number: return rule.GetDecimal();
            case JsonValueKind.String: return Input(rule.GetString()!, s);
        }
        var op = rule.GetProperty("op");
        switch (op.GetString())
        {
            case "input": return Input(rule.GetProperty("key").GetString()!, s);
            case "max": return s.Max;
            case "share": return rule.GetProperty("of").GetDecimal() * s.Max;
            case "sum": return rule.GetProperty("of").EnumerateArray().Aggregate(0m, (a, e) => a + Eval(e, s));
            case "mul":
                {
                    // A ratio among the factors is divided last.
                    var parts = rule.GetProperty("of").EnumerateArray().ToList();
                    var ratio = parts.FindIndex(e => OpRatio(e) is not null);
                    var total = 1m;
                    for (var i = 0; i < parts.Count; i++)
                    {
                        if (i != ratio) total *= Eval(parts[i], s);
                    }
                    return ratio < 0 ? total : Scaled(OpRatio(parts[ratio])!.Value, total, 1m, s);
                }
            case "min": return rule.GetProperty("of").EnumerateArray().Select(e => Eval(e, s)).ToList().Min();
            case "maxOf": return rule.GetProperty("of").EnumerateArray().Select(e => Eval(e, s)).ToList().Max();
            case "ratio": return Ratio(rule.GetProperty("num"), rule.GetProperty("den"), s);
            case "linear": return MeasuredRatio(rule) is { } lr ? Scaled(lr, s.Max, 1m, s) : Value(rule, s) * s.Max;
            case "threshold":
                {
                    var (bop, bound) = rule.TryGetProperty("above", out var a) ? ("above", a.GetDecimal()) : ("atLeast", rule.GetProperty("atLeast").GetDecimal());
                    if (MeasuredRatio(rule) is { } tr) return Satisfies(tr, bop, bound, s) ? s.Max : 0m;
                    return Holds(bop, Value(rule, s), bound) ? s.Max : 0m;
                }
            case "capped":
                {
                    var target = rule.GetProperty("target").GetDecimal();
                    var literal = rule.TryGetProperty("below", out var b) && b.GetString() == "literal";
                    if (MeasuredRatio(rule) is { } cr)
                    {
                        if (Satisfies(cr, "atLeast", target, s)) return s.Max;
                        return literal ? Scaled(cr, s.Max, 1m, s) : Scaled(cr, s.Max, target, s);
                    }
                    var v = Value(rule, s);
                    if (v >= target) return s.Max;
                    return literal ? v * s.Max : v * s.Max / target;
                }
            case "tiers":
                {
                    var v = Value(rule, s);
                    foreach (var tier in rule.GetProperty("tiers").EnumerateArray())
                    {
                        if (!tier.EnumerateObject().All(p => Holds(p.Name, v, p.Value))) continue;
                        if (tier.TryGetProperty("upTo", out _)) return 0m;
                        return tier.TryGetProperty("points", out var p) ? p.GetDecimal() : tier.GetProperty("share").GetDecimal() * s.Max;
                    }
                    return 0m;
                }
            case "when": return Test(rule.GetProperty("cond"), s) ? s.Max : 0m;
            case "if": return Test(rule.GetProperty("when"), s) ? Eval(rule.GetProperty("then"), s) : rule.TryGetProperty("else", out var e2) ? Eval(e2, s) : 0m;
            case "best":
                {
                    var v = Value(rule, s);
                    return s.Best == 0m ? 0m : v * s.Max / s.Best;
                }
            default: throw new NotSupportedException($"op {op.GetString()} is not in the baseline");
        }
    }

    private static bool Holds(string op, decimal v, JsonElement bound) => op is "above" or "atLeast" or "below" or "atMost" or "equals"
        ? Holds(op, v, bound.GetDecimal())
        : true;

    private static bool Holds(string op, decimal v, decimal bound) => op switch
    {
        "above" => v > bound,
        "atLeast" => v >= bound,
        "below" => v < bound,
        "atMost" => v <= bound,
        _ => v == bound,
    };

    private bool Test(JsonElement cond, State s)
    {
        var p = cond.EnumerateObject().First();
        switch (p.Name)
        {
            case "isTrue": return Input(p.Value.GetString()!, s) != 0m;
            case "isFalse": return Input(p.Value.GetString()!, s) == 0m;
            case "and": return p.Value.EnumerateArray().Select(c => Test(c, s)).ToList().All(x => x);
            case "or": return p.Value.EnumerateArray().Select(c => Test(c, s)).ToList().Any(x => x);
            case "not": return !Test(p.Value, s);
            case "is":
                {
                    var key = p.Value[0].GetString()!;
                    if (!s.Values.TryGetValue(key, out var o))
                    {
                        s.Missing = true;
                        return false;
                    }
                    return (string)o == p.Value[1].GetString();
                }
            default:
                return OpRatio(p.Value[0]) is { } ratio
                    ? Satisfies(ratio, p.Name, p.Value[1].GetDecimal(), s)
                    : Holds(p.Name, Eval(p.Value[0], s), p.Value[1]);
        }
    }
}
