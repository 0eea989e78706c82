using System.Collections.Frozen;
using System.Globalization;
using Platform.Scoring.Rules;

namespace Platform.Scoring.Engine;

/// <summary>A unit's values in slot order, ready for evaluation.</summary>
public sealed record EncodedUnit(decimal[] Values, bool[] Present, bool[] Derived);

/// <summary>
/// Every unit of a run laid out by slot in one set of arrays (unit <c>u</c>'s slots start at <c>u × Width</c>):
/// no per-unit arrays for the garbage collector to carry while the run is scored.
/// </summary>
internal sealed class EncodedRun(int units, int width)
{
    public readonly int Width = width;
    public readonly decimal[] Values = new decimal[units * width];
    public readonly bool[] Present = new bool[units * width];
    public readonly bool[] Derived = new bool[units * width];

    public static EncodedRun Of(CompiledFramework framework, IReadOnlyList<UnitValues> units)
    {
        var run = new EncodedRun(units.Count, framework.Inputs.Count);
        for (var u = 0; u < units.Count; u++) InputEncoder.Encode(framework, units[u], run, u * run.Width);
        return run;
    }
}

/// <summary>Checks reported values against the framework's input definitions and lays them out by slot.</summary>
public static class InputEncoder
{
    public static IReadOnlyList<ScoringProblem> Validate(CompiledFramework framework, ScoringRequest request) => Validate(framework, request, null);

    /// <summary>
    /// Validates, and lays out each valid unit's values into <paramref name="encoded"/> on the same pass,
    /// so a run reads every value once.
    /// </summary>
    internal static List<ScoringProblem> Validate(CompiledFramework framework, ScoringRequest request, EncodedRun? encoded)
    {
        var problems = new List<ScoringProblem>();
        var definition = framework.Definition;
        if (!Period.TryParse(request.Period, out var period) || (definition.PeriodType == "month") != (period.Month > 0))
        {
            problems.Add(new ScoringProblem(null, "period", definition.PeriodType == "month"
                ? $"kỳ \"{request.Period}\" phải có dạng YYYY-MM"
                : $"kỳ \"{request.Period}\" phải có dạng YYYY"));
        }
        if (definition.PeerGroups.Count > 0 && request.PeerGroup is { } peer && !definition.PeerGroups.Contains(peer))
        {
            problems.Add(new ScoringProblem(null, "peerGroup", $"nhóm so sánh \"{peer}\" không có trong khung (có: {string.Join(", ", definition.PeerGroups)})"));
        }
        if (request.References is not null)
        {
            foreach (var (code, value) in request.References)
            {
                var indicator = framework.Indicators.FirstOrDefault(i => i.Code == code);
                if (indicator?.Best is null) problems.Add(new ScoringProblem(null, $"references.{code}", "chỉ tiêu này không so sánh với giá trị cao nhất nhóm"));
                else if (value < 0) problems.Add(new ScoringProblem(null, $"references.{code}", "giá trị tham chiếu không được âm"));
            }
        }

        var seen = new HashSet<string>(request.Units.Count, StringComparer.Ordinal);
        var count = framework.Inputs.Count;
        var context = new EvalContext();
        // Validating alone reuses one unit's worth of slots.
        var scratch = encoded ?? new EncodedRun(1, count);
        var plan = PlanOf(framework);
        // The slots of the unit at hand whose reported value is wrong (or cannot be known): reused, cleared after a unit that had any.
        var invalid = new bool[count];
        for (var u = 0; u < request.Units.Count; u++)
        {
            var unit = request.Units[u];
            if (string.IsNullOrWhiteSpace(unit.Unit))
            {
                problems.Add(new ScoringProblem(null, "unit", "thiếu mã đơn vị"));
                continue;
            }
            if (!seen.Add(unit.Unit)) problems.Add(new ScoringProblem(unit.Unit, null, "đơn vị xuất hiện hai lần trong lượt chấm"));
            var typesOk = true;
            var previousOk = true;
            var offset = encoded is null ? 0 : u * count;
            if (encoded is null)
            {
                Array.Clear(scratch.Values);
                Array.Clear(scratch.Present);
                Array.Clear(scratch.Derived);
            }
            var present = scratch.Present;
            // The common case without the boxed enumerator of the interface.
            if (unit.Values is Dictionary<string, object> dictionary)
            {
                foreach (var (key, value) in dictionary) typesOk &= Read(framework, plan, unit.Unit, key, value, scratch, offset, invalid, problems);
            }
            else
            {
                foreach (var (key, value) in unit.Values) typesOk &= Read(framework, plan, unit.Unit, key, value, scratch, offset, invalid, problems);
            }
            if (definition.Bonus is { } bonus && (unit.Bonus < 0 || (unit.Bonus != 0 && (unit.Bonus < bonus.Min || unit.Bonus > bonus.Max))))
            {
                problems.Add(new ScoringProblem(unit.Unit, "bonus", $"điểm thưởng phải là 0 hoặc từ {Node.Vn(bonus.Min)} đến {Node.Vn(bonus.Max)}"));
            }
            else if (definition.Bonus is null && unit.Bonus != 0)
            {
                problems.Add(new ScoringProblem(unit.Unit, "bonus", $"khung {framework.Id} không có điểm thưởng"));
            }
            if (unit.Reviewer is not null)
            {
                foreach (var (code, score) in unit.Reviewer)
                {
                    var indicator = framework.Indicators.FirstOrDefault(i => i.Code == code);
                    if (!definition.ReviewerScores) problems.Add(new ScoringProblem(unit.Unit, $"reviewer.{code}", $"khung {framework.Id} không có điểm thẩm định"));
                    else if (indicator is null) problems.Add(new ScoringProblem(unit.Unit, $"reviewer.{code}", "tiêu chí không tồn tại"));
                    else if (score < 0 || score > indicator.Max) problems.Add(new ScoringProblem(unit.Unit, $"reviewer.{code}", $"điểm thẩm định phải từ 0 đến {Node.Vn(indicator.Max)}"));
                }
            }
            if (unit.Previous is not null)
            {
                foreach (var (key, value) in unit.Previous)
                {
                    if (!plan.Slots.TryGetValue(key, out var slot)) problems.Add(new ScoringProblem(unit.Unit, $"previous.{key}", $"chỉ số đầu vào không có trong khung {framework.Id}"));
                    else if (Check(plan.Kinds[slot], framework.Inputs[slot], value) is { } message) problems.Add(new ScoringProblem(unit.Unit, $"previous.{key}", message));
                    else continue;
                    previousOk = false;
                }
            }

            // Cross-field checks run in the same pass, on the values that are right in themselves: every problem of
            // the unit is told at once. A wrong value is left out, never replaced by its default, so a check that
            // reads it is skipped (its own problem is already told); so is any input that would be derived from
            // previous values that are themselves wrong.
            FillMissing(framework, plan, scratch, offset, unit, typesOk && previousOk ? null : invalid, previousOk);
            context.Values = scratch.Values;
            context.Present = present;
            context.Offset = offset;
            for (var c = 0; c < framework.Checks.Count; c++)
            {
                var (rule, check) = framework.Checks[c];
                // A check applies once the inputs it is measured against are reported; other unreported
                // inputs count as 0, so values already reported that break the rule are refused.
                if (!Reported(plan.Requires[c], present, offset)) continue;
                if ((!typesOk || !previousOk) && Any(plan.References[c], invalid)) continue;
                context.Reset(0m, 0m);
                if (!rule.Test(context)) problems.Add(new ScoringProblem(unit.Unit, check.Key, check.Message));
            }
            if (!typesOk || !previousOk) Array.Clear(invalid);
        }
        return problems;
    }

    private static bool Reported(int[] slots, bool[] present, int offset)
    {
        foreach (var slot in slots)
        {
            if (!present[offset + slot]) return false;
        }
        return true;
    }

    private static bool Any(int[] slots, bool[] marked)
    {
        foreach (var slot in slots)
        {
            if (marked[slot]) return true;
        }
        return false;
    }

    /// <summary>Checks one reported value and, when it fits, stores it in its slot; a problem is recorded otherwise.</summary>
    private static bool Read(CompiledFramework framework, Plan plan, string unit, string key, object value, EncodedRun run, int offset, bool[] invalid, List<ScoringProblem> problems)
    {
        if (!plan.Slots.TryGetValue(key, out var slot))
        {
            problems.Add(new ScoringProblem(unit, key, $"chỉ số đầu vào không có trong khung {framework.Id}"));
            return false;
        }
        var input = framework.Inputs[slot];
        if (Check(plan.Kinds[slot], input, value) is { } message)
        {
            problems.Add(new ScoringProblem(unit, key, message));
            invalid[slot] = true;
            return false;
        }
        run.Values[offset + slot] = ToDecimal(input, value);
        run.Present[offset + slot] = true;
        return true;
    }

    private static decimal ToDecimal(Definitions.InputDefinition input, object value) => value switch
    {
        decimal d => d,
        bool b => b ? 1m : 0m,
        string s => IndexOf(input, s),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Inputs not reported that have a default take it and are marked derived. Where the input is
    /// derived from the previous period (monthly backlog: T − onTime − late of last month) and the
    /// unit's previous values are given, the rule is evaluated over them; a previous period that lacks
    /// what the rule needs falls back to the default. With <paramref name="invalid"/> (validation), an input
    /// reported with a wrong value keeps no value at all, and so does one to be derived from previous values
    /// that are wrong (<paramref name="previousOk"/> false): both are marked there instead.
    /// </summary>
    private static void FillMissing(CompiledFramework framework, Plan plan, EncodedRun run, int offset, UnitValues unit,
        bool[]? invalid = null, bool previousOk = true)
    {
        EncodedRun? previous = null;
        EvalContext? context = null;
        for (var i = 0; i < run.Width; i++)
        {
            if (run.Present[offset + i] || plan.WhenMissing[i] is not { } fallback) continue;
            if (invalid is not null && invalid[i]) continue;
            var value = fallback.Value;
            if (framework.Derivations[i] is { } rule && unit.Previous is { Count: > 0 } earlier)
            {
                if (!previousOk)
                {
                    invalid![i] = true;
                    continue;
                }
                if (previous is null)
                {
                    previous = new EncodedRun(1, run.Width);
                    // The previous period's own unreported inputs take their plain defaults (no further history).
                    Encode(framework, new UnitValues(unit.Unit, earlier), previous, 0);
                    context = new EvalContext { Values = previous.Values, Present = previous.Present };
                }
                context!.Reset(0m, 0m);
                var derived = rule.Eval(context);
                if (!context.Missing && !context.ZeroDenominator) value = Math.Max(0m, derived);
            }
            run.Values[offset + i] = value;
            run.Present[offset + i] = true;
            run.Derived[offset + i] = true;
        }
    }

    public static EncodedUnit Encode(CompiledFramework framework, UnitValues unit)
    {
        var run = new EncodedRun(1, framework.Inputs.Count);
        Encode(framework, unit, run, 0);
        return new EncodedUnit(run.Values, run.Present, run.Derived);
    }

    /// <summary>Lays a unit's values out at <paramref name="offset"/>, without checking them (keys not in the framework are skipped).</summary>
    internal static void Encode(CompiledFramework framework, UnitValues unit, EncodedRun run, int offset)
    {
        foreach (var (key, value) in unit.Values)
        {
            if (!framework.Slots.TryGetValue(key, out var slot)) continue;
            run.Values[offset + slot.Slot] = ToDecimal(slot.Input, value);
            run.Present[offset + slot.Slot] = true;
        }
        FillMissing(framework, PlanOf(framework), run, offset, unit);
    }

    private static int IndexOf(Definitions.InputDefinition input, string option)
    {
        var i = 0;
        foreach (var key in input.Options!.Keys)
        {
            if (key == option) return i;
            i++;
        }
        return -1;
    }

    /// <summary>Null when the value fits the input's type and range, else what is wrong, in Vietnamese.</summary>
    public static string? Check(Definitions.InputDefinition input, object value) => Check(KindOf(input), input, value);

    /// <summary>An input's type, decided once per slot rather than by comparing strings for every value.</summary>
    private enum InputKind { Number, Boolean, Choice, Count, Amount, Fraction }

    private static InputKind KindOf(Definitions.InputDefinition input) => input.Type switch
    {
        "boolean" => InputKind.Boolean,
        "choice" => InputKind.Choice,
        "count" => InputKind.Count,
        "amount" => InputKind.Amount,
        "fraction" => InputKind.Fraction,
        _ => InputKind.Number,
    };

    /// <summary>
    /// What validation needs per slot and per check, looked up once per framework instead of per value. Per check,
    /// <see cref="Requires"/> are the slots that must be reported for it to apply and <see cref="References"/> every slot it reads.
    /// </summary>
    private sealed record Plan(FrozenDictionary<string, int> Slots, InputKind[] Kinds, Definitions.MissingDefault?[] WhenMissing, int[][] Requires, int[][] References);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CompiledFramework, Plan> Plans = [];

    private static Plan PlanOf(CompiledFramework framework) => Plans.GetValue(framework, f => new Plan(
        f.Slots.ToFrozenDictionary(s => s.Key, s => s.Value.Slot, StringComparer.Ordinal),
        f.Inputs.Select(KindOf).ToArray(),
        f.Inputs.Select(i => i.WhenMissing).ToArray(),
        f.Checks.Select(c => c.Check.Requires.Where(f.Slots.ContainsKey).Select(k => f.Slots[k].Slot).ToArray()).ToArray(),
        f.Checks.Select(c => CompiledFramework.SlotsOf(c.Rule.Nodes)).ToArray()));

    private static string? Check(InputKind kind, Definitions.InputDefinition input, object value)
    {
        switch (kind)
        {
            case InputKind.Boolean:
                return value is bool ? null : "phải là đúng/sai (true/false)";
            case InputKind.Choice:
                return value is string s && input.Options!.ContainsKey(s)
                    ? null
                    : $"phải là một trong: {string.Join(", ", input.Options!.Keys)}";
        }
        if (value is not decimal d)
            return value is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } ? "phải là số trong phạm vi cho phép (số quá lớn)" : "phải là số";
        switch (kind)
        {
            // A number without decimal places is whole; only 12.0-like values need truncating to tell.
            case InputKind.Count when d < 0 || (d.Scale != 0 && decimal.Truncate(d) != d):
                return $"phải là số nguyên không âm (nhận được {Node.Vn(d)})";
            case InputKind.Amount when d < 0:
                return $"không được âm (nhận được {Node.Vn(d)})";
            case InputKind.Fraction when d < 0 || d > 1:
                return $"phải là tỷ lệ từ 0 đến 1 (nhận được {Node.Vn(d)})";
        }
        if (input.Min is { } min && d < min) return $"phải từ {Node.Vn(min)} trở lên (nhận được {Node.Vn(d)})";
        if (input.Max is { } max && d > max) return $"không được vượt quá {Node.Vn(max)} (nhận được {Node.Vn(d)})";
        return null;
    }
}
