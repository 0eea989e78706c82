using System.Security.Cryptography;
using System.Text;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.Bench.ScoringBench;

/// <summary>
/// Random but deterministic runs for every shipped framework, typed from each input's definition
/// (with missing values, zeros, reviewer scores and bonuses), and one digest over their output JSON,
/// problems and explanations: an engine change that keeps the digest keeps every result identical.
/// </summary>
public static class AnyFrameworkData
{
    public static int Digest(int units, int seeds)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var framework in BenchFrameworks.Catalog.All)
        {
            using var one = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var scorer = new Scorer(framework);
            for (var seed = 1; seed <= seeds; seed++)
            {
                var request = Request(framework, units, seed);
                var problems = scorer.Validate(request);
                Append(one, string.Join("\n", problems));
                var bad = problems.Select(p => p.Unit).ToHashSet();
                request = request with { Units = request.Units.Where(u => !bad.Contains(u.Unit)).ToList() };
                var result = scorer.Score(request);
                Append(one, ScoringRunJson.WriteToString(result));
                foreach (var indicator in framework.Indicators.Take(40))
                {
                    var explanation = scorer.Explain(request, request.Units[seed % request.Units.Count].Unit, indicator.Code);
                    Append(one, string.Join("\n", explanation.Steps) + explanation.Rule + explanation.Score);
                }
            }
            var digest = one.GetHashAndReset();
            hash.AppendData(digest);
            Console.WriteLine($"{framework.Id,-20} {Convert.ToHexStringLower(digest)[..16]}");
        }
        Console.WriteLine($"{"all",-20} {Convert.ToHexStringLower(hash.GetHashAndReset())[..16]}");
        return 0;
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));

    public static ScoringRequest Request(CompiledFramework framework, int units, int seed)
    {
        var random = new Random(seed);
        var definition = framework.Definition;
        var list = new List<UnitValues>(units);
        for (var u = 0; u < units; u++)
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
                    "amount" => zero ? 0m : Math.Round((decimal)(random.NextDouble() * 1000), 2),
                    _ => zero ? 0m : (decimal)random.Next(0, 40),
                };
                if (value is decimal d && input.Max is { } max && d > max) value = max;
                values[input.Key] = value;
            }
            Dictionary<string, decimal>? reviewer = null;
            if (definition.ReviewerScores && random.NextDouble() < 0.3)
            {
                reviewer = framework.Indicators.Where(_ => random.NextDouble() < 0.2)
                    .ToDictionary(i => i.Code, i => Math.Round(i.Max * (decimal)random.NextDouble(), 1));
            }
            var bonus = definition.Bonus is { } b && random.NextDouble() < 0.1 ? Math.Round(b.Min + (b.Max - b.Min) * (decimal)random.NextDouble()) : 0m;
            list.Add(new UnitValues($"u{u:D5}", values, bonus, reviewer));
        }
        var references = framework.Indicators.Where(i => i.Best is not null && random.NextDouble() < 0.5)
            .ToDictionary(i => i.Code, i => (decimal)random.Next(0, 60));
        var period = definition.PeriodType == "month" ? "2026-03" : "2026";
        return new ScoringRequest(period, definition.PeerGroups.Count > 0 ? definition.PeerGroups[0] : null, list, references);
    }
}
