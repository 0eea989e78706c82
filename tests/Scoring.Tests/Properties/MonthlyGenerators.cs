using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Platform.Scoring.Engine;

namespace Platform.Scoring.Tests.Properties;

/// <summary>A generated monthly run; printed as the values of each unit so a failing case can be read and replayed.</summary>
internal sealed record MonthlyCase(UnitValues[] Units)
{
    public ScoringRequest Request => new("2026-01", null, Units);

    public override string ToString() => string.Join(" | ", Units.Select(u =>
        $"{u.Unit} (bonus {u.Bonus.ToString(CultureInfo.InvariantCulture)}): "
        + string.Join(", ", u.Values.Select(v => $"{v.Key}={Convert.ToString(v.Value, CultureInfo.InvariantCulture)}"))));
}

/// <summary>
/// Random valid monthly-4585 inputs: counts that satisfy onTime + late ≤ due + backlog, accepted ≤ total,
/// attended ≤ held; B components within their 766 maxima; fractions in 0..1 with two decimals; a bonus of
/// 0 or 1..5; and now and then some inputs not reported (a missing backlog is derived as 0).
/// </summary>
internal static class MonthlyGenerators
{
    private static readonly string[] Optional =
    [
        "A.due", "A.backlog", "A.onTime", "A.late", "B.B1", "B.B5", "C1.records", "C2.transactions",
        "D1.accepted", "D1.total", "D2.rate", "E1.attended", "E1.held", "E2.speeches", "E2.reports", "E3.onTime", "E3.completion",
    ];

    private static Gen<decimal> Count(int min, int max) => Gen.Choose(min, max).Select(x => (decimal)x);

    /// <summary>A score in half points from 0 to <paramref name="max"/>, as the portal publishes them.</summary>
    private static Gen<decimal> HalfPoints(int max) => Gen.Choose(0, 2 * max).Select(x => x / 2m);

    private static Gen<decimal> Fraction() => Gen.Choose(0, 100).Select(x => x / 100m);

    private static Gen<string[]> Dropped() => Gen.Frequency(
        (4, Gen.Constant(Array.Empty<string>())),
        (1, Gen.Elements(Optional).ArrayOf(1)),
        (1, Gen.SubListOf(Optional).Select(l => l.ToArray())));

    private static readonly Gen<(decimal Due, decimal Backlog, decimal OnTime, decimal Late)> Tasks =
        from due in Gen.Choose(0, 40)
        from backlog in Gen.Choose(0, 15)
        from onTime in Gen.Choose(0, due + backlog)
        from late in Gen.Choose(0, due + backlog - onTime)
        select ((decimal)due, (decimal)backlog, (decimal)onTime, (decimal)late);

    private static readonly Gen<decimal[]> Components =
        from b1 in HalfPoints(18)
        from b2 in HalfPoints(20)
        from b3 in HalfPoints(22)
        from b4 in HalfPoints(18)
        from b5 in HalfPoints(22)
        select new[] { b1, b2, b3, b4, b5 };

    private static readonly Gen<(decimal Accepted, decimal Total, decimal Attended, decimal Held)> Shares =
        from total in Gen.Choose(0, 30)
        from accepted in Gen.Choose(0, total)
        from held in Gen.Choose(0, 6)
        from attended in Gen.Choose(0, held)
        select ((decimal)accepted, (decimal)total, (decimal)attended, (decimal)held);

    public static Gen<UnitValues> Unit(string id) =>
        from tasks in Tasks
        from b in Components
        from records in Gen.Frequency((1, Gen.Constant(0m)), (5, Count(0, 200_000)))
        from transactions in Gen.Frequency((1, Gen.Constant(0m)), (5, Count(0, 50_000)))
        from shares in Shares
        from rate in Fraction()
        from speeches in Count(0, 8)
        from reports in Gen.Frequency((3, Gen.Constant(0m)), (1, Count(1, 2)))
        from onTime in Gen.Elements(true, false)
        from completion in Fraction()
        from bonus in Gen.Frequency((3, Gen.Constant(0m)), (1, Count(1, 5)))
        from dropped in Dropped()
        select Build(id, tasks, b, records, transactions, shares, rate, speeches, reports, onTime, completion, bonus, dropped);

    private static UnitValues Build(
        string id, (decimal Due, decimal Backlog, decimal OnTime, decimal Late) tasks, decimal[] b, decimal records, decimal transactions,
        (decimal Accepted, decimal Total, decimal Attended, decimal Held) shares, decimal rate, decimal speeches, decimal reports,
        bool onTime, decimal completion, decimal bonus, string[] dropped)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["A.due"] = tasks.Due, ["A.backlog"] = tasks.Backlog, ["A.onTime"] = tasks.OnTime, ["A.late"] = tasks.Late,
            ["B.B1"] = b[0], ["B.B2"] = b[1], ["B.B3"] = b[2], ["B.B4"] = b[3], ["B.B5"] = b[4],
            ["C1.records"] = records, ["C2.transactions"] = transactions,
            ["D1.accepted"] = shares.Accepted, ["D1.total"] = shares.Total, ["D2.rate"] = rate,
            ["E1.attended"] = shares.Attended, ["E1.held"] = shares.Held, ["E2.speeches"] = speeches, ["E2.reports"] = reports,
            ["E3.onTime"] = onTime, ["E3.completion"] = completion,
        };
        // Leaving out A.backlog alone can break onTime + late ≤ T (T shrinks to A.due): drop it only when the check still holds.
        foreach (var key in dropped)
        {
            if (key == "A.backlog" && tasks.OnTime + tasks.Late > tasks.Due) continue;
            values.Remove(key);
        }
        return new UnitValues(id, values, bonus);
    }

    /// <summary>One to six units with distinct ids, in generated order.</summary>
    public static Gen<MonthlyCase> Run() =>
        from count in Gen.Choose(1, 6)
        from units in Gen.CollectToArray(Enumerable.Range(0, count).Select(i => Unit($"u{i}")))
        select new MonthlyCase(units);

    public static Arbitrary<MonthlyCase> Runs() => Run().ToArbitrary();
}
