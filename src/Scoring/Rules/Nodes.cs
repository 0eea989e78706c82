using System.Globalization;

namespace Platform.Scoring.Rules;

/// <summary>
/// The state one indicator evaluation works on: the unit's values by slot, and what the evaluation met
/// on its way (a missing input, a zero denominator, a discretionary tier). Reused across units, so
/// scoring allocates nothing per indicator.
/// </summary>
#pragma warning disable CA1051 // Plain fields: this is the hot path of scoring, read and written per node.
public sealed class EvalContext
{
    public decimal[] Values = [];
    public bool[] Present = [];

    /// <summary>Where the unit's slots start in <see cref="Values"/> and <see cref="Present"/> (a run lays all units out in one array).</summary>
    public int Offset;
    public decimal Max;
    public decimal PeerBest;
    public bool Missing;
    public bool ZeroDenominator;

    /// <summary>A part of the rule went over its own share and was held to it (<see cref="CapNode"/>).</summary>
    public bool Clamped;
    public bool NeedsReview;
    public decimal ReviewLimit;

    /// <summary>Null on the fast path; explanations pass a list to collect the steps.</summary>
    public List<string>? Trace;

    public void Reset(decimal max, decimal peerBest)
    {
        Max = max;
        PeerBest = peerBest;
        Missing = false;
        ZeroDenominator = false;
        Clamped = false;
        NeedsReview = false;
        ReviewLimit = 0;
    }
}
#pragma warning restore CA1051

/// <summary>A numeric node of a rule tree. The vocabulary is closed: nothing here evaluates user text.</summary>
public abstract class Node
{
    public abstract decimal Eval(EvalContext c);

    /// <summary>The rule in readable form, e.g. <c>A.onTime / (A.due + A.backlog) × max</c>.</summary>
    public abstract string Describe();

    public virtual IEnumerable<Node> Children => [];

    internal static string Num(decimal v) => v.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>A number as people read it in a Vietnamese message: 1,5 · 1.234,5 (vi-VN).</summary>
    internal static string Vn(decimal v) => v.ToString("#,##0.############################", VietnameseNumbers);

    private static readonly NumberFormatInfo VietnameseNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" };
}

public abstract class Condition
{
    public abstract bool Test(EvalContext c);
    public abstract string Describe();
    public virtual IEnumerable<Node> Nodes => [];
}

public sealed class InputNode(int slot, string key) : Node
{
    public int Slot { get; } = slot;
    public string Key { get; } = key;

    public override decimal Eval(EvalContext c)
    {
        var at = c.Offset + Slot;
        if (!c.Present[at])
        {
            c.Missing = true;
            c.Trace?.Add($"{Key} = (chưa báo cáo)");
            return 0m;
        }
        var v = c.Values[at];
        c.Trace?.Add($"{Key} = {Num(v)}");
        return v;
    }

    public override string Describe() => Key;
}

public sealed class ConstNode(decimal value) : Node
{
    public decimal Value { get; } = value;
    public override decimal Eval(EvalContext c) => Value;
    public override string Describe() => Num(Value);
}

/// <summary>A share of the indicator's maximum: <c>max</c> itself is share 1.</summary>
public sealed class ShareNode(decimal share) : Node
{
    public override decimal Eval(EvalContext c) => share == 1m ? c.Max : share * c.Max;
    public override string Describe() => share == 1m ? "max" : $"{Num(share)} × max";
}

public sealed class SumNode(Node[] parts) : Node
{
    public override decimal Eval(EvalContext c)
    {
        var total = 0m;
        foreach (var p in parts) total += p.Eval(c);
        return total;
    }

    public override string Describe() => "(" + string.Join(" + ", parts.Select(p => p.Describe())) + ")";
    public override IEnumerable<Node> Children => parts;
}

public sealed class ProductNode(Node[] parts) : Node
{
    // A ratio among the factors is divided last, so exact results stay exact (1/12 × 0.5 × 18 = 0.75).
    private readonly int _ratio = Array.FindIndex(parts, p => p is RatioNode);

    public override decimal Eval(EvalContext c)
    {
        var total = 1m;
        for (var i = 0; i < parts.Length; i++)
        {
            if (i != _ratio) total *= parts[i].Eval(c);
        }
        return _ratio < 0 ? total : ((RatioNode)parts[_ratio]).EvalScaled(c, total);
    }

    public override string Describe() => string.Join(" × ", parts.Select(p => p.Describe()));
    public override IEnumerable<Node> Children => parts;
}

public sealed class MinNode(Node[] parts, bool takeMax) : Node
{
    public override decimal Eval(EvalContext c)
    {
        var result = parts[0].Eval(c);
        for (var i = 1; i < parts.Length; i++)
        {
            var v = parts[i].Eval(c);
            if (takeMax ? v > result : v < result) result = v;
        }
        return result;
    }

    public override string Describe() => (takeMax ? "max(" : "min(") + string.Join(", ", parts.Select(p => p.Describe())) + ")";
    public override IEnumerable<Node> Children => parts;
}

/// <summary><c>num / den</c>; a zero denominator yields 0 and is reported to the indicator, whose policy decides.</summary>
public sealed class RatioNode(Node numerator, Node denominator) : Node
{
    public override decimal Eval(EvalContext c) => Operands(c, out var num, out var den) ? num / den : 0m;

    /// <summary>
    /// <c>num × multiplier / (den × divisor)</c>, multiplying before dividing so that results that are
    /// exact (8/12 × 18 = 12) stay exact instead of carrying the rounding of 8/12.
    /// </summary>
    public decimal EvalScaled(EvalContext c, decimal multiplier, decimal divisor = 1m) =>
        Operands(c, out var num, out var den) ? num * multiplier / (den * divisor) : 0m;

    /// <summary>Whether <c>num / den</c> satisfies the bound, compared exactly as <c>num</c> against <c>bound × den</c>.</summary>
    public bool Satisfies(EvalContext c, Bound bound)
    {
        if (!Operands(c, out var num, out var den)) return bound.Holds(0m);
        // Denominators are counts and amounts, never negative; a negative one flips the comparison.
        return den > 0m ? bound.Holds(num, den) : bound.Holds(-num, -den);
    }

    /// <summary>
    /// Evaluates both sides; a zero denominator is reported to the indicator (whose policy decides) and gives false.
    /// An input not reported is not a zero: the ratio is not computed at all (the indicator is scored as missing), and
    /// the working says so instead of "mẫu số bằng 0".
    /// </summary>
    private bool Operands(EvalContext c, out decimal num, out decimal den)
    {
        den = denominator.Eval(c);
        num = numerator.Eval(c);
        if (c.Missing)
        {
            c.Trace?.Add($"{Describe()}: không tính được vì chưa báo cáo đủ số liệu");
            return false;
        }
        if (den == 0m)
        {
            c.ZeroDenominator = true;
            c.Trace?.Add($"{denominator.Describe()} = 0 (mẫu số bằng 0)");
            return false;
        }
        c.Trace?.Add($"{Describe()} = {Num(Math.Round(num / den, 6))}");
        return true;
    }

    public override string Describe() => $"{Wrap(numerator)} / {Wrap(denominator)}";
    public override IEnumerable<Node> Children => [numerator, denominator];

    private static string Wrap(Node n) => n is InputNode or ConstNode or SumNode ? n.Describe() : "(" + n.Describe() + ")";
}

/// <summary>
/// A part of a rule held to its own share: <c>min(value, atMost)</c>, telling the indicator when it had to hold it
/// (DTI 3.5: the shared-systems ratio part never exceeds its ½ of the maximum, even with a &gt; b).
/// </summary>
public sealed class CapNode(Node value, Node atMost) : Node
{
    public override decimal Eval(EvalContext c)
    {
        var v = value.Eval(c);
        var limit = atMost.Eval(c);
        if (v <= limit) return v;
        c.Clamped = true;
        c.Trace?.Add($"{value.Describe()} = {Num(Math.Round(v, 6))} > {atMost.Describe()}: giữ ở {Num(limit)}");
        return limit;
    }

    public override string Describe() => $"min({value.Describe()}, {atMost.Describe()})";
    public override IEnumerable<Node> Children => [value, atMost];
}

/// <summary><c>value × max</c>: a linear share of the indicator's points.</summary>
public sealed class LinearNode(Node value) : Node
{
    public override decimal Eval(EvalContext c) => value is RatioNode ratio ? ratio.EvalScaled(c, c.Max) : value.Eval(c) * c.Max;
    public override string Describe() => $"{value.Describe()} × max";
    public override IEnumerable<Node> Children => [value];
}

/// <summary>Full points when the condition holds, else nothing.</summary>
public sealed class WhenNode(Condition condition) : Node
{
    public override decimal Eval(EvalContext c) => condition.Test(c) ? c.Max : 0m;
    public override string Describe() => $"{condition.Describe()} ? max : 0";
    public override IEnumerable<Node> Children => condition.Nodes;
}

/// <summary>
/// Reaching a target gives full points; below it, either the share of the target reached
/// (<c>value / target × max</c>) or, where the source says so literally, <c>value × max</c>.
/// </summary>
public sealed class CappedNode(Node value, decimal target, bool literalBelow) : Node
{
    private readonly Bound _reached = new("atLeast", target);

    public override decimal Eval(EvalContext c)
    {
        if (value is RatioNode ratio)
        {
            if (ratio.Satisfies(c, _reached)) return c.Max;
            return literalBelow ? ratio.EvalScaled(c, c.Max) : ratio.EvalScaled(c, c.Max, target);
        }
        var v = value.Eval(c);
        if (v >= target) return c.Max;
        return literalBelow ? v * c.Max : v * c.Max / target;
    }

    public override string Describe() => literalBelow
        ? $"{value.Describe()} ≥ {Num(target)} ? max : {value.Describe()} × max"
        : $"{value.Describe()} ≥ {Num(target)} ? max : {value.Describe()} / {Num(target)} × max";

    public override IEnumerable<Node> Children => [value];
}

/// <summary>One tier: all bounds must hold; it gives points, a share of max, or a discretionary "up to".</summary>
public sealed record Tier(Bound[] Bounds, decimal? Points, decimal? Share, decimal? UpTo)
{
    public bool Matches(decimal v)
    {
        foreach (var b in Bounds)
        {
            if (!b.Holds(v)) return false;
        }
        return true;
    }

    public string Describe() =>
        (Bounds.Length == 0 ? "còn lại" : string.Join(" và ", Bounds.Select(b => b.Describe())))
        + " → " + (UpTo is { } u ? $"tối đa {Node.Num(u)} (hội đồng chấm)" : Points is { } p ? Node.Num(p) : $"{Node.Num(Share!.Value)} × max");
}

public sealed record Bound(string Op, decimal Value)
{
    /// <summary>Whether <c>num / den</c> (den &gt; 0) satisfies the bound, without dividing.</summary>
    public bool Holds(decimal num, decimal den)
    {
        var scaled = Value * den;
        return Op switch
        {
            "above" => num > scaled,
            "atLeast" => num >= scaled,
            "below" => num < scaled,
            "atMost" => num <= scaled,
            "equals" => num == scaled,
            _ => false,
        };
    }

    public bool Holds(decimal v) => Op switch
    {
        "above" => v > Value,
        "atLeast" => v >= Value,
        "below" => v < Value,
        "atMost" => v <= Value,
        "equals" => v == Value,
        _ => false,
    };

    public string Describe() => Op switch
    {
        "above" => $"> {Node.Num(Value)}",
        "atLeast" => $"≥ {Node.Num(Value)}",
        "below" => $"< {Node.Num(Value)}",
        "atMost" => $"≤ {Node.Num(Value)}",
        _ => $"= {Node.Num(Value)}",
    };
}

/// <summary>The first tier whose bounds hold gives the points; no tier holding gives 0.</summary>
public sealed class TiersNode(Node value, Tier[] tiers) : Node
{
    public override decimal Eval(EvalContext c)
    {
        var v = value.Eval(c);
        foreach (var t in tiers)
        {
            if (!t.Matches(v)) continue;
            c.Trace?.Add($"bậc: {t.Describe()}");
            if (t.UpTo is { } limit)
            {
                c.NeedsReview = true;
                c.ReviewLimit = limit;
                return 0m;
            }
            return t.Points ?? t.Share!.Value * c.Max;
        }
        return 0m;
    }

    public override string Describe() => $"bậc theo {value.Describe()}: " + string.Join("; ", tiers.Select(t => t.Describe()));
    public override IEnumerable<Node> Children => [value];
}

/// <summary>Points for each allowed option of a choice input (options are stored by index).</summary>
public sealed class ChoiceNode(int slot, string key, string[] options, decimal?[] points, decimal?[] shares, decimal?[] upTo) : Node
{
    public int Slot => slot;

    public override decimal Eval(EvalContext c)
    {
        if (!c.Present[c.Offset + slot])
        {
            c.Missing = true;
            c.Trace?.Add($"{key} = (chưa báo cáo)");
            return 0m;
        }
        var i = (int)c.Values[c.Offset + slot];
        c.Trace?.Add($"{key} = {options[i]}");
        if (upTo[i] is { } limit)
        {
            c.NeedsReview = true;
            c.ReviewLimit = limit;
            return 0m;
        }
        return points[i] ?? (shares[i] ?? 0m) * c.Max;
    }

    public override string Describe() => $"{key}: " + string.Join("; ", options.Select((o, i) =>
        $"{o} → " + (upTo[i] is { } u ? $"tối đa {Num(u)} (hội đồng chấm)" : points[i] is { } p ? Num(p) : $"{Num(shares[i] ?? 0)} × max")));
}

public sealed class IfNode(Condition when, Node then, Node otherwise) : Node
{
    public override decimal Eval(EvalContext c) => when.Test(c) ? then.Eval(c) : otherwise.Eval(c);
    public override string Describe() => $"nếu {when.Describe()} thì {then.Describe()}, ngược lại {otherwise.Describe()}";
    public override IEnumerable<Node> Children => [.. when.Nodes, then, otherwise];
}

/// <summary>
/// Relative to the best of the peer group: <c>value / best × max</c>. The best is computed by the run
/// before scoring (units with a missing input take no part) and handed in through the context.
/// </summary>
public sealed class BestNode(Node value) : Node
{
    public Node Value { get; } = value;

    public override decimal Eval(EvalContext c)
    {
        var v = Value.Eval(c);
        if (c.PeerBest == 0m) return 0m;
        c.Trace?.Add($"giá trị cao nhất nhóm = {Num(c.PeerBest)}");
        return v * c.Max / c.PeerBest;
    }

    public override string Describe() => $"{Value.Describe()} / cao nhất nhóm × max";
    public override IEnumerable<Node> Children => [Value];
}

public sealed class IsTrueCondition(InputNode input, bool expected) : Condition
{
    public override bool Test(EvalContext c) => (input.Eval(c) != 0m) == expected;
    public override string Describe() => expected ? input.Key : $"không {input.Key}";
    public override IEnumerable<Node> Nodes => [input];
}

public sealed class ChoiceIsCondition(int slot, string key, int option, string optionName) : Condition
{
    public int Slot => slot;

    public override bool Test(EvalContext c)
    {
        if (!c.Present[c.Offset + slot])
        {
            c.Missing = true;
            return false;
        }
        return (int)c.Values[c.Offset + slot] == option;
    }

    public override string Describe() => $"{key} = {optionName}";

    public override IEnumerable<Node> Nodes => [new InputNode(slot, key)];
}

public sealed class CompareCondition(Node value, Bound bound) : Condition
{
    public override bool Test(EvalContext c) => value is RatioNode ratio ? ratio.Satisfies(c, bound) : bound.Holds(value.Eval(c));
    public override string Describe() => $"{value.Describe()} {bound.Describe()}";
    public override IEnumerable<Node> Nodes => [value];
}

public sealed class LogicCondition(string op, Condition[] parts) : Condition
{
    public override bool Test(EvalContext c)
    {
        switch (op)
        {
            case "and":
                // Evaluate every part so a missing input is always noticed, whatever the order.
                var all = true;
                foreach (var p in parts) all &= p.Test(c);
                return all;
            case "or":
                var any = false;
                foreach (var p in parts) any |= p.Test(c);
                return any;
            default:
                return !parts[0].Test(c);
        }
    }

    public override string Describe() => op == "not"
        ? $"không ({parts[0].Describe()})"
        : "(" + string.Join(op == "and" ? " và " : " hoặc ", parts.Select(p => p.Describe())) + ")";

    public override IEnumerable<Node> Nodes => parts.SelectMany(p => p.Nodes);
}
