using System.Text.Json;
using Platform.Scoring.Engine;

namespace Platform.Intake.Submissions;

/// <summary>
/// Checks reported values against the framework definition in one pass: every value on its own (type, range) and
/// the framework's cross-field checks on the values that are right in themselves, so every problem is told at once.
/// A check that reads a wrong value is skipped (that value's own problem is told). Problems are keyed by input key
/// and say in Vietnamese what is wrong, naming the inputs by their labels.
/// </summary>
public static class ValueValidation
{
    public static Dictionary<string, string[]> Validate(CompiledFramework framework, string period, string targetUnit, IReadOnlyDictionary<string, JsonElement> values)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var typed = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (!framework.Slots.TryGetValue(key, out var slot))
            {
                Add(problems, key, $"Chỉ số đầu vào '{key}' không có trong khung {framework.Id}.");
                continue;
            }
            var input = slot.Input;
            var clr = ToClr(value);
            if (InputEncoder.Check(input, clr) is { } message) Add(problems, key, $"{input.Label}: {message}.");
            // Wrong values go to the engine too: it leaves them out of the checks instead of putting a default in their place.
            typed[key] = clr;
        }
        var request = new ScoringRequest(period, null, [new UnitValues(targetUnit, typed)]);
        foreach (var problem in new Scorer(framework).Validate(request))
        {
            // A value's own problem is already told above, with the input's label.
            if (problem.Key is { } key && framework.Slots.ContainsKey(key) && problems.ContainsKey(key)) continue;
            Add(problems, problem.Key ?? "values", Sentence(problem.Message));
        }
        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>JSON number → decimal, true/false → bool, string → string; anything else stays a JsonElement, which no input accepts.</summary>
    public static object ToClr(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()!,
        _ => value,
    };

    private static void Add(Dictionary<string, List<string>> problems, string key, string message)
    {
        if (!problems.TryGetValue(key, out var list)) problems[key] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    private static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
}
