using Platform.Scoring.Engine;

namespace Platform.Bench.ScoringBench;

/// <summary>
/// Deterministic monthly-4585 values for a national instance (scale.md): ministries and provinces,
/// each province's departments and communes, in those proportions (22 : 34 : 680 : 3,321 per ~4,100
/// units). The same seed and size always give the same request. About 3% of values are not reported,
/// a third of units leave the backlog to be derived, and some months have nothing due, no yearly task
/// list or no meeting (zero denominators).
/// </summary>
public static class MonthlyData
{
    private const int NationalUnits = 22 + 34 + 680 + 3_321;

    public static ScoringRequest Request(int units, int seed = 4585)
    {
        var random = new Random(seed);
        var list = new UnitValues[units];
        for (var i = 0; i < units; i++) list[i] = Unit(random, i);
        return new ScoringRequest("2026-03", null, list);
    }

    private static UnitValues Unit(Random random, int index)
    {
        // Which copy of the national instance, and which unit within it.
        var copy = index / NationalUnits;
        var k = index % NationalUnits;
        var (kind, id, scale) = k switch
        {
            < 22 => ("ministry", $"bo-{k + 1:D2}", 4.0),
            < 56 => ("province", $"tinh-{k - 21:D2}", 3.0),
            < 736 => ("department", $"tinh-{(k - 56) / 20 + 1:D2}/so-{(k - 56) % 20 + 1:D2}", 1.0),
            _ => ("commune", $"tinh-{(k - 736) % 34 + 1:D2}/xa-{(k - 736) / 34 + 1:D3}", 0.3),
        };
        _ = kind;
        var name = copy == 0 ? id : $"n{copy:D3}/{id}";

        var values = new Dictionary<string, object>(24, StringComparer.Ordinal);
        void Put(string key, object value)
        {
            // About 3% of values are simply not reported this month.
            if (random.NextDouble() >= 0.03) values[key] = value;
        }

        // A third of units leave the backlog out (derived as 0), so what they finish fits within what was due.
        var due = Count(random, 12 * scale);
        var backlog = random.NextDouble() < 0.65 ? Count(random, 3 * scale) : -1;
        var open = due + Math.Max(backlog, 0);
        var onTime = random.Next(0, open + 1);
        var late = random.Next(0, open - onTime + 1);
        Put("A.due", (decimal)due);
        if (backlog >= 0) values["A.backlog"] = (decimal)backlog;
        Put("A.onTime", (decimal)onTime);
        Put("A.late", (decimal)late);

        Put("B.B1", Score(random, 18));
        Put("B.B2", Score(random, 20));
        Put("B.B3", Score(random, 22));
        Put("B.B4", Score(random, 18));
        Put("B.B5", Score(random, 22));

        // Data created and shared: heavy-tailed, from nothing to hundreds of thousands.
        Put("C1.records", (decimal)Math.Round(Math.Exp(random.NextDouble() * 12) * scale));
        Put("C2.transactions", (decimal)Math.Round(Math.Exp(random.NextDouble() * 10) * scale));

        var total = random.NextDouble() < 0.08 ? 0 : Count(random, 10 * scale) + 1;
        Put("D1.total", (decimal)total);
        Put("D1.accepted", (decimal)random.Next(0, total + 1));
        Put("D2.rate", Math.Round((decimal)random.NextDouble(), 2));

        var held = random.NextDouble() < 0.1 ? 0 : random.Next(1, 7);
        Put("E1.held", (decimal)held);
        Put("E1.attended", (decimal)random.Next(0, held + 1));
        Put("E2.speeches", (decimal)random.Next(0, 9));
        Put("E2.reports", (decimal)(random.NextDouble() < 0.7 ? 0 : random.Next(1, 3)));
        Put("E3.onTime", random.NextDouble() < 0.85);
        Put("E3.completion", Math.Round((decimal)random.NextDouble(), 2));

        // The steering committee's bonus goes to a few units.
        var bonus = random.NextDouble() < 0.02 ? random.Next(1, 6) : 0;
        return new UnitValues(name, values, bonus);
    }

    private static int Count(Random random, double mean) => (int)Math.Round(random.NextDouble() * 2 * mean);

    /// <summary>A component score in half points, mostly in the upper half of its range.</summary>
    private static decimal Score(Random random, int max) => Math.Round((decimal)(max * (0.4 + 0.6 * random.NextDouble())) * 2) / 2;
}
