using Platform.Scoring.Engine;

namespace Platform.Scoring.Tests.Documents;

/// <summary>
/// Random but deterministic runs for any framework, typed from each input's definition (bench/ScoringBench's
/// AnyFrameworkData, with the previous month and units that reported nothing): values missing or zero, reviewer scores,
/// bonuses, references to the peer best.
/// </summary>
internal static class GeneratedRuns
{
    public static ScoringRequest Request(CompiledFramework framework, int units, int seed)
    {
        var random = new Random(seed);
        var definition = framework.Definition;
        var list = new List<UnitValues>(units);
        for (var u = 0; u < units; u++)
        {
            var values = random.NextDouble() < 0.03 ? new Dictionary<string, object>(StringComparer.Ordinal) : Values(framework, random);
            var previous = random.NextDouble() < 0.2 ? Values(framework, random) : null;
            Dictionary<string, decimal>? reviewer = null;
            if (definition.ReviewerScores && random.NextDouble() < 0.3)
            {
                reviewer = framework.Indicators.Where(_ => random.NextDouble() < 0.2)
                    .ToDictionary(i => i.Code, i => Math.Round(i.Max * (decimal)random.NextDouble(), 1));
            }
            var bonus = definition.Bonus is { } b && random.NextDouble() < 0.1 ? Math.Round(b.Min + (b.Max - b.Min) * (decimal)random.NextDouble(), random.Next(0, 3)) : 0m;
            list.Add(new UnitValues($"u{u:D5}-{(char)('a' + random.Next(26))}", values, bonus, reviewer, previous));
        }
        var references = framework.Indicators.Where(i => i.Best is not null && random.NextDouble() < 0.5)
            .ToDictionary(i => i.Code, i => random.NextDouble() < 0.5 ? random.Next(0, 60) : 1_000_000m); // some above every unit (reference-best)
        var period = definition.PeriodType == "month" ? "2026-03" : "2026";
        return new ScoringRequest(period, definition.PeerGroups.Count > 0 ? definition.PeerGroups[0] : null, list, references);
    }

    private static Dictionary<string, object> Values(CompiledFramework framework, Random random)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var input in framework.Inputs)
        {
            if (random.NextDouble() < 0.05) continue;
            var zero = random.NextDouble() < 0.1;
            object value = input.Type switch
            {
                "boolean" => random.NextDouble() < 0.6,
                "choice" => input.Options!.Keys.ElementAt(random.Next(input.Options.Count)),
                "fraction" => zero ? 0m : Math.Round((decimal)random.NextDouble(), random.Next(1, 4)),
                "score" => zero ? 0m : Math.Round((input.Min ?? 0m) + ((input.Max ?? 100m) - (input.Min ?? 0m)) * (decimal)random.NextDouble(), 1),
                "amount" => zero ? 0m : Math.Round((decimal)(random.NextDouble() * 100000), random.Next(0, 3)),
                _ => zero ? 0m : (decimal)random.Next(0, random.NextDouble() < 0.1 ? 5000 : 40),
            };
            if (value is decimal d && input.Max is { } max && d > max) value = max;
            values[input.Key] = value;
        }
        return values;
    }

    /// <summary>The request without the units the engine finds a problem with, so it can be scored.</summary>
    public static ScoringRequest Valid(CompiledFramework framework, ScoringRequest request)
    {
        var bad = new Scorer(framework).Validate(request).Select(p => p.Unit).ToHashSet();
        return request with { Units = [.. request.Units.Where(u => !bad.Contains(u.Unit))] };
    }
}
