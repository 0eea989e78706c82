using Platform.Scoring.Engine;
using static Platform.Scoring.Tests.Monthly.MonthlyRun;

namespace Platform.Scoring.Tests.Monthly;

/// <summary>The special cases frameworks.md names for monthly-4585: T = 0, the derived backlog, missing inputs and peer bests.</summary>
public sealed class MonthlyInterpretationTests
{
    [Fact]
    public void With_no_tasks_to_perform_A1_is_full_and_A2_and_A3_are_zero()
    {
        // Interpretation 1. "idle": T = 0 + 0 = 0. A1 = policy full → 18 (flagged zero-denominator);
        // A2 = policy zero → 0 (flagged zero-denominator); A3 = 0 / best 10 ("busy") × 2 = 0, an ordinary 0 (no flag).
        var result = Score(
            Unit("idle", ("A.due", 0m), ("A.backlog", 0m), ("A.onTime", 0m), ("A.late", 0m)),
            Unit("busy"));
        var idle = result.Result("idle");

        Assert.Equal(18m, idle.ScoreOf("A1"));
        Assert.Equal(["zero-denominator"], idle.FlagNames("A1"));
        Assert.Equal(0m, idle.ScoreOf("A2"));
        Assert.Equal(["zero-denominator"], idle.FlagNames("A2"));
        Assert.Equal(0m, idle.ScoreOf("A3"));
        Assert.Empty(idle.FlagNames("A3"));
        Assert.Equal(18m, idle.GroupOf("A"));
    }

    [Fact]
    public void With_no_tasks_anywhere_A3_is_zero_for_everyone_and_carries_no_flag()
    {
        // Alone with T = 0: best(T) = 0 → A3 = 0. The engine flags nothing for a zero best (only zero denominators).
        var idle = Score(Unit("idle", ("A.due", 0m), ("A.backlog", 0m), ("A.onTime", 0m))).Result("idle");

        Assert.Equal(0m, idle.ScoreOf("A3"));
        Assert.Empty(idle.FlagNames("A3"));
    }

    [Fact]
    public void An_unreported_backlog_counts_as_zero_and_flags_A1_A2_and_A3_as_derived()
    {
        // No A.backlog: T = 10 + 0 = 10. A1 = 8/10 × 18 = 14.4; A2 = 1/10 × 9 = 0.9; A3 = 10/10 × 2 = 2 (alone).
        var unit = Score(Unit("u", ("A.backlog", null), ("A.onTime", 8m), ("A.late", 1m))).Result("u");

        Assert.Equal(14.4m, unit.ScoreOf("A1"));
        Assert.Equal(0.9m, unit.ScoreOf("A2"));
        Assert.Equal(2m, unit.ScoreOf("A3"));
        foreach (var code in new[] { "A1", "A2", "A3" }) Assert.Equal(["derived"], unit.FlagNames(code));
        Assert.All(unit.Indicators.Where(i => !i.Code.StartsWith('A')), i => Assert.Equal(ScoreFlags.None, i.Flags));
    }

    [Fact]
    public void A_missing_input_scores_zero_with_a_flag_and_the_rest_of_the_run_goes_on()
    {
        // "gap" did not report D1.total: D1 = 0 flagged missing; D2 still 10; every other indicator full → 95 − 10 = 85.
        var unit = Score(Unit("gap", ("D1.total", null))).Result("gap");

        Assert.Equal(0m, unit.ScoreOf("D1"));
        Assert.Equal(["missing"], unit.FlagNames("D1"));
        Assert.Equal(10m, unit.ScoreOf("D2"));
        Assert.Equal(85m, unit.Total);
    }

    [Fact]
    public void A_unit_with_a_missing_input_takes_no_part_in_the_peer_best()
    {
        // "a-silent" did not report C1.records; the others report 500 and 250. Best = 500 ("b"):
        // b 500/500 × 10 = 10, c 250/500 × 10 = 5, a-silent 0 flagged missing.
        var result = Score(
            Unit("a-silent", ("C1.records", null)),
            Unit("b", ("C1.records", 500m)),
            Unit("c", ("C1.records", 250m)));

        Assert.Equal(new PeerBest(500m, "b", false), result.Bests["C1"]);
        Assert.Equal(10m, result.Result("b").ScoreOf("C1"));
        Assert.Equal(5m, result.Result("c").ScoreOf("C1"));
        Assert.Equal(0m, result.Result("a-silent").ScoreOf("C1"));
        Assert.Equal(["missing"], result.Result("a-silent").FlagNames("C1"));
    }

    [Fact]
    public void A_missing_unit_cannot_hold_the_best_even_on_a_tie_at_zero()
    {
        // "a-silent" would win an ordinal tie at 0 if it took part; it does not, so "b" (0 reported) holds the best.
        var result = Score(Unit("a-silent", ("C1.records", null)), Unit("b", ("C1.records", 0m)));

        Assert.Equal(new PeerBest(0m, "b", false), result.Bests["C1"]);
    }

    [Fact]
    public void When_the_best_is_zero_everyone_scores_zero()
    {
        // All report 0 records: best(records) = 0 → C1 = 0 for every unit, C2 unaffected (all 1,000 → 10).
        var result = Score(Unit("x", ("C1.records", 0m)), Unit("y", ("C1.records", 0m)));

        Assert.All(result.Results, r => Assert.Equal(0m, r.ScoreOf("C1")));
        Assert.All(result.Results, r => Assert.Equal(10m, r.ScoreOf("C2")));
        Assert.Equal(0m, result.Bests["C1"].Value);
    }

    [Fact]
    public void A_reference_best_above_the_run_counts_as_one_more_peer_and_is_flagged()
    {
        // Reference C1 = 4,000 > peer best 1,000: C1 = 1,000 / 4,000 × 10 = 2.5, flagged reference-best, best unit null.
        var request = new ScoringRequest(RunPeriod, "provinces", [Unit("lao-cai")], new Dictionary<string, decimal> { ["C1"] = 4000m });
        var result = new Scorer(Framework).Score(request);
        var unit = result.Result("lao-cai");

        Assert.Equal(2.5m, unit.ScoreOf("C1"));
        Assert.Equal(["reference-best"], unit.FlagNames("C1"));
        Assert.Equal(new PeerBest(4000m, null, FromReference: true), result.Bests["C1"]);
        Assert.Empty(unit.FlagNames("C2"));
        using var json = System.Text.Json.JsonDocument.Parse(Io.ScoringRunJson.WriteToString(result));
        var best = json.RootElement.GetProperty("results")[0].GetProperty("indicators").GetProperty("C1").GetProperty("best");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, best.GetProperty("unit").ValueKind);
        Assert.Equal(4000m, best.GetProperty("value").GetDecimal());
        Assert.True(best.GetProperty("reference").GetBoolean());
    }

    [Fact]
    public void A_reference_best_below_the_run_changes_nothing()
    {
        // Reference C1 = 400 < peer best 1,000 (held by "u"): C1 = 10, no flag.
        var request = new ScoringRequest(RunPeriod, null, [Unit("u")], new Dictionary<string, decimal> { ["C1"] = 400m });
        var result = new Scorer(Framework).Score(request);

        Assert.Equal(10m, result.Result("u").ScoreOf("C1"));
        Assert.Empty(result.Result("u").FlagNames("C1"));
        Assert.Equal(new PeerBest(1000m, "u", false), result.Bests["C1"]);
    }

    [Fact]
    public void An_old_result_names_the_framework_version_it_used()
    {
        var result = Score(Unit("u"));

        Assert.Equal("monthly-4585", result.Framework.Id);
        Assert.Equal("4585/QĐ-BKHCN (30/12/2025)", result.Framework.Version);
    }
}
