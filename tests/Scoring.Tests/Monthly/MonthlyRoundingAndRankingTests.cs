using System.Globalization;
using Platform.Scoring.Engine;
using Platform.Scoring.Tests.DefinitionChecks;
using static Platform.Scoring.Tests.Monthly.MonthlyRun;

namespace Platform.Scoring.Tests.Monthly;

/// <summary>The boundary rules of frameworks.md §0 on monthly-4585: exact thresholds, rounding, classes, bonus, cap and ranking.</summary>
public sealed class MonthlyRoundingAndRankingTests
{
    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    [Fact]
    public void Three_of_five_is_exactly_sixty_percent()
    {
        // A1 = 3/5 × 18 = 10.8 and D1 = 3/5 × 10 = 6, both exact (no 10.79999…).
        var unit = Score(Unit("u", ("A.due", 5m), ("A.onTime", 3m), ("D1.accepted", 3m), ("D1.total", 5m))).Result("u");

        Assert.Equal(10.8m, unit.ScoreOf("A1"));
        Assert.Equal(6m, unit.ScoreOf("D1"));
    }

    /// <summary>A one-indicator framework T1 = threshold(a / b) with the bound given, scoring one unit.</summary>
    private static decimal Threshold(string bound, int a, int b)
    {
        var framework = CompiledFramework.Compile(FrameworkCatalog.Parse(DefinitionJson.Build(
            inputs: """[{ "key": "a", "label": "Tử số", "type": "count" }, { "key": "b", "label": "Mẫu số", "type": "count" }]""",
            groups: $$"""
                [{ "code": "G", "name": "Nhóm", "max": 10, "indicators": [
                    { "code": "T1", "name": "Ngưỡng", "max": 10, "rule": { "op": "threshold", "num": "a", "den": "b", {{bound}} } } ] }]
                """)));
        var request = new ScoringRequest("2026-01", null, [new UnitValues("u", new Dictionary<string, object> { ["a"] = (decimal)a, ["b"] = (decimal)b })]);
        return new Scorer(framework).Score(request).Results[0].ScoreOf("T1");
    }

    [Theory]
    [InlineData(3, 5, true)]    // 3/5 = 0.6 reaches "≥ 60%"
    [InlineData(2, 5, false)]   // 0.4
    public void A_threshold_of_at_least_sixty_percent_is_reached_by_three_of_five(int a, int b, bool reached)
    {
        Assert.Equal(reached ? 10m : 0m, Threshold(""" "atLeast": 0.6 """, a, b));
    }

    [Theory]
    [InlineData(19, 20, false)] // 19/20 = 95% does not reach "> 95%"
    [InlineData(20, 20, true)]
    public void A_threshold_above_ninety_five_percent_is_not_reached_by_nineteen_of_twenty(int a, int b, bool reached)
    {
        Assert.Equal(reached ? 10m : 0m, Threshold(""" "above": 0.95 """, a, b));
    }

    // From the full unit (95): B5 = 19.5 takes B to 97.5 × 0.2 = 19.5 (−0.5), B5 = 19 to 19.4 (−0.6);
    // D1.accepted 0 (−10), D2 0 (−10), E1 0/2 (−5), E2 no report nor speech (−5), E3 late (−5), C2 alone at 0 → best 0 (−10).
    [Theory]
    [InlineData("19.5", 10, "0", 2, 1, true, 1000, "84.5", 85, "A")]   // 95 − 0.5 − 10 = 84.5 → 85 (half away from zero) → A
    [InlineData("19", 10, "0", 2, 1, true, 1000, "84.4", 84, "B")]     // 95 − 0.6 − 10 = 84.4 → 84 → B
    [InlineData("22", 10, "0.5", 2, 1, true, 1000, "90", 90, "A")]
    [InlineData("22", 0, "0", 2, 1, true, 1000, "75", 75, "B")]
    [InlineData("22", 0, "0", 0, 1, true, 1000, "70", 70, "B")]        // 95 − 20 − 5 = 70 → B (70 is in "70–<85")
    [InlineData("19.5", 0, "0", 0, 1, true, 1000, "69.5", 70, "B")]    // 69.5 → 70 → B
    [InlineData("19", 0, "0", 0, 1, true, 1000, "69.4", 69, "C")]      // 69.4 → 69 → C
    [InlineData("19.5", 0, "0", 0, 0, false, 0, "49.5", 50, "C")]      // 95 − 0.5 − 20 − 15 − 10 = 49.5 → 50 → C
    [InlineData("19", 0, "0", 0, 0, false, 0, "49.4", 49, "D")]        // 49.4 → 49 → D
    public void Totals_round_half_away_from_zero_and_are_classified_after_rounding(
        string b5, int d1Accepted, string d2Rate, int e1Attended, int e2Reports, bool e3OnTime, int c2Transactions,
        string unrounded, int total, string classification)
    {
        var unit = Score(Unit("u",
            ("B.B5", D(b5)), ("D1.accepted", (decimal)d1Accepted), ("D2.rate", D(d2Rate)), ("E1.attended", (decimal)e1Attended),
            ("E2.reports", (decimal)e2Reports), ("E3.onTime", e3OnTime), ("C2.transactions", (decimal)c2Transactions))).Result("u");

        Assert.Equal(D(unrounded), Exact(unit.Unrounded));
        Assert.Equal(total, unit.Total);
        Assert.Equal(classification, unit.Classification);
    }

    [Fact]
    public void Repeating_fractions_that_add_up_to_an_exact_half_round_up()
    {
        // T = 14: A1 = 1/14 × 18 = 9/7 = 1.285714…, A2 = 0, A3 = 14/14 × 2 = 2 (alone).
        // B all 0 → 0. C1 and C2 alone at 0 → best 0 → 0. D1 = 4/14 × 10 = 20/7 = 2.857142…, D2 = 0.
        // E1 = 1/14 × 5 = 5/14 = 0.357142…, E2 = 0 (no report, no speech), E3 = 0 (late).
        // Sum = (18 + 28 + 40 + 5) / 14 = 91/14 = 6.5 exactly → 7 (class D). In 28-digit decimals the parts add up
        // to 6.4999…9, which rounds to 6 unless the sum is first rounded to 20 places.
        var unit = Score(Unit("u",
            ("A.due", 14m), ("A.backlog", 0m), ("A.onTime", 1m), ("A.late", 0m),
            ("B.B1", 0m), ("B.B2", 0m), ("B.B3", 0m), ("B.B4", 0m), ("B.B5", 0m),
            ("C1.records", 0m), ("C2.transactions", 0m),
            ("D1.accepted", 4m), ("D1.total", 14m), ("D2.rate", 0m),
            ("E1.attended", 1m), ("E1.held", 14m), ("E2.speeches", 0m), ("E2.reports", 0m), ("E3.onTime", false))).Result("u");

        Assert.Equal(6.5m, Exact(unit.Unrounded));
        Assert.Equal(7m, unit.Total);
        Assert.Equal("D", unit.Classification);
    }

    [Theory]
    [InlineData("5", 100)]   // 95 + 5 = 100: the most a unit can get, never more
    [InlineData("4", 99)]
    [InlineData("1", 96)]
    [InlineData("0", 95)]    // 0 = no bonus
    public void The_bonus_adds_to_the_total_and_the_total_never_exceeds_100(string bonus, int total)
    {
        var unit = Score(Unit("u", D(bonus))).Result("u");

        Assert.Equal(total, unit.Total);
        Assert.Equal(D(bonus), unit.Bonus);
        Assert.InRange(unit.Unrounded, 0m, 100m);
    }

    [Fact]
    public void The_bonus_can_lift_an_x_point_5_total_across_a_class_boundary()
    {
        // 84.5 (B5 19.5, D2 0) + 1 = 85.5 → 86 → A.
        var unit = Score(Unit("u", 1m, ("B.B5", 19.5m), ("D2.rate", 0m))).Result("u");

        Assert.Equal(86m, unit.Total);
        Assert.Equal("A", unit.Classification);
    }

    [Theory]
    [InlineData("6")]
    [InlineData("5.5")]
    [InlineData("0.5")]
    [InlineData("-1")]
    public void A_bonus_outside_1_to_5_is_rejected(string bonus)
    {
        var problems = new Scorer(Framework).Validate(Request(Unit("ha-noi", D(bonus))));

        var problem = Assert.Single(problems);
        Assert.Equal(new ScoringProblem("ha-noi", "bonus", "điểm thưởng phải là 0 hoặc từ 1 đến 5"), problem);
        Assert.Throws<ScoringInputException>(() => Score(Unit("ha-noi", D(bonus))));
    }

    [Fact]
    public void Equal_rounded_totals_share_a_rank_and_the_next_rank_is_skipped()
    {
        // D2 moves the total from the full unit's 95: zeta 1 → 95; alpha 0.54 → 95 − 4.6 = 90.4 → 90;
        // beta 0.46 → 95 − 5.4 = 89.6 → 90; delta and gamma 0 → 85. Ranks 1, 2, 2, 4, 4 by rounded total;
        // equal ranks are listed by unit id.
        var result = Score(
            Unit("gamma", ("D2.rate", 0m)),
            Unit("beta", ("D2.rate", 0.46m)),
            Unit("zeta", ("D2.rate", 1m)),
            Unit("delta", ("D2.rate", 0m)),
            Unit("alpha", ("D2.rate", 0.54m)));

        Assert.Equal(["zeta", "alpha", "beta", "delta", "gamma"], result.Results.Select(r => r.Unit));
        Assert.Equal([1, 2, 2, 4, 4], result.Results.Select(r => r.Rank));
        Assert.Equal([95m, 90m, 90m, 85m, 85m], result.Results.Select(r => r.Total));
        Assert.Equal(90.4m, Exact(result.Result("alpha").Unrounded));
        Assert.Equal(89.6m, Exact(result.Result("beta").Unrounded));
    }
}
