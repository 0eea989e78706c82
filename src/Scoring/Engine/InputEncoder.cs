using System.Globalization;
using Platform.Scoring.Rules;

namespace Platform.Scoring.Engine;

/// <summary>A unit's values in slot order, ready for evaluation.</summary>
public sealed record EncodedUnit(decimal[] Values, bool[] Present, bool[] Derived);

/// <summary>Checks reported values against the framework's input definitions and lays them out by slot.</summary>
public static class InputEncoder
{
    public static IReadOnlyList<ScoringProblem> Validate(CompiledFramework framework, ScoringRequest request) => Validate(framework, request, null);

    /// <summary>
    /// Validates, and lays out each valid unit's values into <paramref name="encoded"/> (by unit index) on
    /// the same pass, so a run reads every value once.
    /// </summary>
    internal static List<ScoringProblem> Validate(CompiledFramework framework, ScoringRequest request, EncodedUnit[]? encoded)
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

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var count = framework.Inputs.Count;
        var context = new EvalContext();
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
            var values = new decimal[count];
            var present = new bool[count];
            // The common case without the boxed enumerator of the interface.
            if (unit.Values is Dictionary<string, object> dictionary)
            {
                foreach (var (key, value) in dictionary) typesOk &= Read(framework, unit.Unit, key, value, values, present, problems);
            }
            else
            {
                foreach (var (key, value) in unit.Values) typesOk &= Read(framework, unit.Unit, key, value, values, present, problems);
            }
            if (definition.Bonus is { } bonus && (unit.Bonus < 0 || (unit.Bonus != 0 && (unit.Bonus < bonus.Min || unit.Bonus > bonus.Max))))
            {
                problems.Add(new ScoringProblem(unit.Unit, "bonus", $"điểm thưởng phải là 0 hoặc từ {Node.Num(bonus.Min)} đến {Node.Num(bonus.Max)}"));
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
                    else if (score < 0 || score > indicator.Max) problems.Add(new ScoringProblem(unit.Unit, $"reviewer.{code}", $"điểm thẩm định phải từ 0 đến {Node.Num(indicator.Max)}"));
                }
            }
            if (!typesOk) continue;

            var derived = FillMissing(framework, values, present);
            context.Values = values;
            context.Present = present;
            for (var c = 0; c < framework.Checks.Count; c++)
            {
                var (rule, check) = framework.Checks[c];
                // A check applies once the inputs it is measured against are reported; other unreported
                // inputs count as 0, so values already reported that break the rule are refused.
                if (check.Requires.Any(k => framework.Slots.TryGetValue(k, out var r) && !present[r.Slot])) continue;
                context.Reset(0m, 0m);
                if (!rule.Test(context)) problems.Add(new ScoringProblem(unit.Unit, check.Key, check.Message));
            }
            if (encoded is not null) encoded[u] = new EncodedUnit(values, present, derived);
        }
        return problems;
    }

    /// <summary>Checks one reported value and, when it fits, stores it in its slot; a problem is recorded otherwise.</summary>
    private static bool Read(CompiledFramework framework, string unit, string key, object value, decimal[] values, bool[] present, List<ScoringProblem> problems)
    {
        if (!framework.Slots.TryGetValue(key, out var slot))
        {
            problems.Add(new ScoringProblem(unit, key, $"chỉ số đầu vào không có trong khung {framework.Id}"));
            return false;
        }
        if (Check(slot.Input, value) is { } message)
        {
            problems.Add(new ScoringProblem(unit, key, message));
            return false;
        }
        values[slot.Slot] = ToDecimal(slot.Input, value);
        present[slot.Slot] = true;
        return true;
    }

    private static decimal ToDecimal(Definitions.InputDefinition input, object value) => value switch
    {
        bool b => b ? 1m : 0m,
        string s => IndexOf(input, s),
        decimal d => d,
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Inputs not reported that have a default take it, and are marked derived.</summary>
    private static bool[] FillMissing(CompiledFramework framework, decimal[] values, bool[] present)
    {
        var derived = new bool[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (present[i] || framework.Inputs[i].WhenMissing is not { } fallback) continue;
            values[i] = fallback.Value;
            present[i] = true;
            derived[i] = true;
        }
        return derived;
    }

    public static EncodedUnit Encode(CompiledFramework framework, UnitValues unit)
    {
        var count = framework.Inputs.Count;
        var values = new decimal[count];
        var present = new bool[count];
        foreach (var (key, value) in unit.Values)
        {
            if (!framework.Slots.TryGetValue(key, out var slot)) continue;
            values[slot.Slot] = ToDecimal(slot.Input, value);
            present[slot.Slot] = true;
        }
        return new EncodedUnit(values, present, FillMissing(framework, values, present));
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
    public static string? Check(Definitions.InputDefinition input, object value)
    {
        switch (input.Type)
        {
            case "boolean":
                return value is bool ? null : "phải là đúng/sai (true/false)";
            case "choice":
                return value is string s && input.Options!.ContainsKey(s)
                    ? null
                    : $"phải là một trong: {string.Join(", ", input.Options!.Keys)}";
        }
        if (value is not decimal d) return "phải là số";
        switch (input.Type)
        {
            case "count" when d < 0 || decimal.Truncate(d) != d:
                return $"phải là số nguyên không âm (nhận được {Node.Num(d)})";
            case "amount" when d < 0:
                return $"không được âm (nhận được {Node.Num(d)})";
            case "fraction" when d < 0 || d > 1:
                return $"phải là tỷ lệ từ 0 đến 1 (nhận được {Node.Num(d)})";
        }
        if (input.Min is { } min && d < min) return $"phải từ {Node.Num(min)} trở lên (nhận được {Node.Num(d)})";
        if (input.Max is { } max && d > max) return $"không được vượt quá {Node.Num(max)} (nhận được {Node.Num(d)})";
        return null;
    }
}
