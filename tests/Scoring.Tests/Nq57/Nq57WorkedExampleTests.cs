using Platform.Scoring.Engine;
using static Platform.Scoring.Tests.Nq57.Nq57Rubric;

namespace Platform.Scoring.Tests.Nq57;

/// <summary>A whole commune's self-assessment with two reviewer scores, worked out by hand from frameworks.md §3.</summary>
public sealed class Nq57WorkedExampleTests
{
    private static readonly UnitValues NhuThanh = new("nhu-thanh", new Dictionary<string, object>
    {
        ["A.I.1.1"] = "full", ["A.I.1.2"] = "in-progress",
        ["A.I.2.1"] = 0.95m, ["A.I.2.2"] = 1m,
        ["A.I.3.1"] = 0.97m, ["A.I.3.2"] = "applied",
        ["A.II.1"] = 0.85m, ["A.II.2"] = 0.20m,
        ["A.III.1.1"] = 0.80m, ["A.III.1.2"] = 1m, ["A.III.1.3"] = 0.62m, ["A.III.1.4"] = 0.45m,
        ["A.III.2.1"] = 0.90m, ["A.III.2.2"] = "partial", ["A.III.2.3"] = "late", ["A.III.2.4"] = 0.87m,
        ["A.III.3.1"] = 0.75m, ["A.III.3.2"] = 0.88m, ["A.III.3.3"] = 1m, ["A.III.3.4"] = 3m,
        ["A.III.4.1"] = 0.55m, ["A.III.4.2"] = "warning",
        ["A.III.5.1"] = 0.93m, ["A.III.5.2"] = 0.81m,
        ["A.III.6.1"] = true, ["A.III.6.2"] = 0.665m,
        ["A.III.7.1"] = 12m, ["A.III.7.2"] = true,
        ["A.III.8.1"] = 2m, ["A.III.8.2"] = 0.40m,
        ["A.III.9.1"] = 0.90m, ["A.III.9.2"] = 0.65m, ["A.III.9.3"] = 0.20m, ["A.III.9.4"] = false,
        ["B.I.1"] = "improved", ["B.I.2"] = "full",
        ["B.II.1"] = 0m, ["B.II.2"] = 6m,
    }, Reviewer: new Dictionary<string, decimal> { ["A.III.2.2"] = 0.7m, ["B.I.2"] = 3.5m });

    [Fact]
    public void A_whole_self_assessment_adds_up_as_worked_out_by_hand()
    {
        var result = Rubric.Score(Request(NhuThanh)).Results.Single();

        // A.I.1: full 1.5 + in-progress 0.75 = 2.25
        // A.I.2: 95% is not > 95% → 1.5; 1 late report → 1.5 = 3
        // A.I.3: 97% in [95%, 100%) → 1; applied → 1 = 2                                  A.I = 7.25
        // A.II: 85% in [80%, 100%) → 3.5; 20% ≥ 20% → 9                                   A.II = 12.5
        // A.III.1: 80% not > 80% → 0.5; 100% → 1; 62% in [50%, 80%] → 1; 45% < 50% → 0  = 2.5
        // A.III.2: 90% > 80% → 1; partial → 0 self, reviewer 0.7 ≤ 1 → 0.7; late → 0.5; 0.87 × 1 = 0.87   = 3.07
        // A.III.3: 75% in [70%, 90%] → 0.25; 88% not > 90% → up to 0.4, no reviewer → 0 (needs review);
        //          100% → 0.8; 3 processes → 0.45                                          = 1.5
        // A.III.4: 55% in [50%, 80%] → 1; warning → 0.5                                   = 1.5
        // A.III.5: 93% in [80%, 100%) → 0.75; 81% > 80% → 0.5                             = 1.25
        // A.III.6: plan issued → 2; 0.665 × 3 = 1.995                                     = 3.995
        // A.III.7: 12 datasets in 1–20 → 2.5; no incident → 5                             = 7.5
        // A.III.8: 2 problems → 4 (interpretation 7); 40% not > 50% → 0                   = 4
        // A.III.9: 90% > 85% → 1; 65% in [60%, 80%] → 0.5; 20% < 30% → 0; villages not all covered → 0 = 1.5
        // A.III = 2.5 + 3.07 + 1.5 + 1.5 + 1.25 + 3.995 + 7.5 + 4 + 1.5 = 26.815
        // A = 7.25 + 12.5 + 26.815 = 46.565
        // B.I: improved → 5; full → self 5, reviewer 3.5 → 3.5                            B.I = 8.5
        // B.II: no delegation → 0; 6 articles ≥ 5 → 10                                    B.II = 10
        // B = 18.5
        // Total = 46.565 + 18.5 = 65.065 → 2 decimals, half away from zero → 65.07 (banker's rounding would give 65.06).
        Assert.Equal(46.565m, result.Groups["A"]);
        Assert.Equal(18.5m, result.Groups["B"]);
        Assert.Equal(["A", "B"], result.Groups.Keys);
        Assert.Equal(65.065m, result.Unrounded);
        Assert.Equal(65.07m, result.Total);
        Assert.Null(result.Classification);
    }

    [Fact]
    public void The_worked_example_flags_what_a_reviewer_must_still_see()
    {
        var indicators = Rubric.Score(Request(NhuThanh)).Results.Single().Indicators.ToDictionary(i => i.Code);

        Assert.Equal(38, indicators.Count);
        Assert.Equal(["needs-review"], indicators["A.III.3.2"].Flags.ToNames());
        Assert.Equal((0m, 0.7m, 0.7m), (indicators["A.III.2.2"].Self!.Value, indicators["A.III.2.2"].Reviewer!.Value, indicators["A.III.2.2"].Score));
        Assert.Equal((5m, 3.5m, 3.5m), (indicators["B.I.2"].Self!.Value, indicators["B.I.2"].Reviewer!.Value, indicators["B.I.2"].Score));
        Assert.Equal(1.995m, indicators["A.III.6.2"].Score);
        Assert.DoesNotContain(indicators.Values, i => i.Flags.HasFlag(ScoreFlags.Missing));
    }
}
