using System.Globalization;
using static Platform.Scoring.Tests.Monthly.MonthlyRun;

namespace Platform.Scoring.Tests.Monthly;

/// <summary>
/// Every indicator of monthly-4585 with full, partial and zero cases, expectations worked out by hand
/// from frameworks.md §1. Units start from <see cref="MonthlyRun.Full"/> and change only the inputs named.
/// </summary>
public sealed class MonthlyIndicatorTests
{
    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static string[] Flags(string names) => names.Length == 0 ? [] : names.Split(',');

    // A1 = A.onTime / T × 18 with T = A.due + A.backlog.
    [Theory]
    [InlineData(10, 2, 12, 0, "18")]   // 12 / 12 × 18 = 18 (all on time, nothing left over)
    [InlineData(10, 2, 8, 1, "12")]    // 8 / 12 × 18 = 12
    [InlineData(5, 0, 3, 0, "10.8")]   // 3 / 5 × 18 = 0.6 × 18 = 10.8
    [InlineData(10, 2, 0, 5, "0")]     // 0 / 12 × 18 = 0 (late completions count only in A2)
    public void A1_is_the_share_of_tasks_completed_on_time_times_18(int due, int backlog, int onTime, int late, string expected)
    {
        var unit = Score(Unit("u", ("A.due", (decimal)due), ("A.backlog", (decimal)backlog), ("A.onTime", (decimal)onTime), ("A.late", (decimal)late))).Result("u");

        Assert.Equal(D(expected), unit.ScoreOf("A1"));
        Assert.Empty(unit.FlagNames("A1"));
    }

    // A2 = A.late / T × 0.5 × 18 (at most 9, inside A's 18).
    [Theory]
    [InlineData(0, 4, 0, 4, "9")]      // 4 / 4 × 0.5 × 18 = 9 (only backlog, all of it completed late)
    [InlineData(10, 2, 8, 1, "0.75")]  // 1 / 12 × 9 = 0.75
    [InlineData(10, 2, 12, 0, "0")]    // 0 / 12 × 9 = 0
    public void A2_gives_half_points_for_tasks_completed_late(int due, int backlog, int onTime, int late, string expected)
    {
        var unit = Score(Unit("u", ("A.due", (decimal)due), ("A.backlog", (decimal)backlog), ("A.onTime", (decimal)onTime), ("A.late", (decimal)late))).Result("u");

        Assert.Equal(D(expected), unit.ScoreOf("A2"));
        Assert.Empty(unit.FlagNames("A2"));
    }

    [Fact]
    public void Set_A_adds_A1_A2_and_A3()
    {
        // T = 10 + 2 = 12: A1 = 8/12 × 18 = 12, A2 = 1/12 × 9 = 0.75, A3 = 12 / 12 (alone) × 2 = 2 → A = 14.75.
        var a = Score(Unit("u", ("A.due", 10m), ("A.backlog", 2m), ("A.onTime", 8m), ("A.late", 1m))).Result("u");
        // Only backlog, all late: A1 = 0, A2 = 4/4 × 9 = 9, A3 = 2 → A = 11.
        var b = Score(Unit("u", ("A.due", 0m), ("A.backlog", 4m), ("A.onTime", 0m), ("A.late", 4m))).Result("u");

        Assert.Equal(14.75m, a.GroupOf("A"));
        Assert.Equal(11m, b.GroupOf("A"));
    }

    [Fact]
    public void A3_scales_the_tasks_to_perform_against_the_unit_with_the_most()
    {
        // T: big 15 + 5 = 20 (the best), mid 10 + 0 = 10, small 5 + 0 = 5, none 0 + 0 = 0.
        // A3 = T / 20 × 2: big 2, mid 1, small 0.5, none 0.
        var result = Score(
            Unit("big", ("A.due", 15m), ("A.backlog", 5m), ("A.onTime", 20m)),
            Unit("mid", ("A.due", 10m), ("A.backlog", 0m), ("A.onTime", 10m)),
            Unit("small", ("A.due", 5m), ("A.backlog", 0m), ("A.onTime", 5m)),
            Unit("none", ("A.due", 0m), ("A.backlog", 0m), ("A.onTime", 0m)));

        Assert.Equal(2m, result.Result("big").ScoreOf("A3"));
        Assert.Equal(1m, result.Result("mid").ScoreOf("A3"));
        Assert.Equal(0.5m, result.Result("small").ScoreOf("A3"));
        Assert.Equal(0m, result.Result("none").ScoreOf("A3"));
        Assert.Equal(new Engine.PeerBest(20m, "big", FromReference: false), result.Bests["A3"]);
    }

    // B (text, the default) = (B1 + B2 + B3 + B4 + B5) / 100 × 20.
    [Theory]
    [InlineData("18", "20", "22", "18", "22", "20")]   // 100 / 100 × 20 = 20
    [InlineData("17", "18.5", "20", "16", "12", "16.7")] // 83.5 / 100 × 20 = 16.7
    [InlineData("0", "0", "0", "0", "0", "0")]
    public void B_text_variant_maps_the_five_component_scores_out_of_100_onto_20(string b1, string b2, string b3, string b4, string b5, string expected)
    {
        var unit = Score(Unit("u", ("B.B1", D(b1)), ("B.B2", D(b2)), ("B.B3", D(b3)), ("B.B4", D(b4)), ("B.B5", D(b5)))).Result("u");

        Assert.Equal(D(expected), unit.ScoreOf("B"));
        Assert.Equal(D(expected), unit.GroupOf("B"));
        Assert.Equal(20m, unit.Indicator("B").Max);
    }

    // B (table, interpretation 2) = (B1 + B2 + B3 + B4) / 100 × 25; B5 is not used.
    [Theory]
    [InlineData("18", "20", "22", "18", "22", "19.5")]   // (18 + 20 + 22 + 18) = 78 × 0.25 = 19.5: the table's formula cannot reach 20
    [InlineData("17", "18.5", "20", "16", "12", "17.875")] // 71.5 × 0.25 = 17.875
    [InlineData("0", "0", "0", "0", "22", "0")]           // B5 alone counts for nothing
    public void B_table_variant_uses_B1_to_B4_times_a_quarter(string b1, string b2, string b3, string b4, string b5, string expected)
    {
        var unit = Score(TableVariant, Unit("u", ("B.B1", D(b1)), ("B.B2", D(b2)), ("B.B3", D(b3)), ("B.B4", D(b4)), ("B.B5", D(b5)))).Result("u");

        Assert.Equal(D(expected), unit.ScoreOf("B"));
        Assert.Equal(20m, unit.Indicator("B").Max);
        Assert.Equal(20m, TableVariant.Groups.Single(g => g.Code == "B").Max);
    }

    [Fact]
    public void B5_not_reported_is_missing_under_the_text_variant_but_not_needed_under_the_table_variant()
    {
        // Text: B uses B5 → 0 and flagged missing. Table: 78 × 0.25 = 19.5, nothing missing.
        var text = Score(Unit("u", ("B.B5", null))).Result("u");
        var table = Score(TableVariant, Unit("u", ("B.B5", null))).Result("u");

        Assert.Equal(0m, text.ScoreOf("B"));
        Assert.Equal(["missing"], text.FlagNames("B"));
        Assert.Equal(19.5m, table.ScoreOf("B"));
        Assert.Empty(table.FlagNames("B"));
    }

    [Fact]
    public void C1_and_C2_scale_against_the_best_unit_of_the_run()
    {
        // C1 best = 12,000 (u1): u1 12,000/12,000 × 10 = 10, u2 3,000/12,000 × 10 = 2.5, u3 0.
        // C2 best = 5,400 (u2): u1 1,350/5,400 × 10 = 2.5, u2 10, u3 0.
        var result = Score(
            Unit("u1", ("C1.records", 12000m), ("C2.transactions", 1350m)),
            Unit("u2", ("C1.records", 3000m), ("C2.transactions", 5400m)),
            Unit("u3", ("C1.records", 0m), ("C2.transactions", 0m)));

        Assert.Equal(10m, result.Result("u1").ScoreOf("C1"));
        Assert.Equal(2.5m, result.Result("u2").ScoreOf("C1"));
        Assert.Equal(0m, result.Result("u3").ScoreOf("C1"));
        Assert.Equal(2.5m, result.Result("u1").ScoreOf("C2"));
        Assert.Equal(10m, result.Result("u2").ScoreOf("C2"));
        Assert.Equal(0m, result.Result("u3").ScoreOf("C2"));
        // C = C1 + C2: u1 12.5, u2 12.5, u3 0.
        Assert.Equal(12.5m, result.Result("u1").GroupOf("C"));
        Assert.Equal(12.5m, result.Result("u2").GroupOf("C"));
        Assert.Equal(0m, result.Result("u3").GroupOf("C"));
        Assert.Equal(new Engine.PeerBest(12000m, "u1", false), result.Bests["C1"]);
        Assert.Equal(new Engine.PeerBest(5400m, "u2", false), result.Bests["C2"]);
    }

    // D1 = accepted / total × 10; total = 0 → 0 (policy zero), flagged zero-denominator.
    [Theory]
    [InlineData(12, 12, "10", "")]  // 12/12 × 10
    [InlineData(3, 12, "2.5", "")]  // 3/12 × 10 = 2.5
    [InlineData(3, 5, "6", "")]     // 3/5 = 60% exactly → 6
    [InlineData(0, 12, "0", "")]
    [InlineData(0, 0, "0", "zero-denominator")]
    public void D1_is_the_share_of_tasks_accepted_times_10(int accepted, int total, string expected, string flags)
    {
        var unit = Score(Unit("u", ("D1.accepted", (decimal)accepted), ("D1.total", (decimal)total))).Result("u");

        Assert.Equal(D(expected), unit.ScoreOf("D1"));
        Assert.Equal(Flags(flags), unit.FlagNames("D1"));
    }

    // D2 = rate × 10.
    [Theory]
    [InlineData("1", "10")]
    [InlineData("0.41", "4.1")]
    [InlineData("0", "0")]
    public void D2_is_the_disbursement_rate_times_10(string rate, string expected)
    {
        var unit = Score(Unit("u", ("D2.rate", D(rate)), ("D1.accepted", 3m), ("D1.total", 12m))).Result("u");

        Assert.Equal(D(expected), unit.ScoreOf("D2"));
        // D = D1 + D2 = 2.5 + rate × 10.
        Assert.Equal(2.5m + D(expected), unit.GroupOf("D"));
    }

    // E1 = attended / held × 5; held = 0 → full (nothing to attend), flagged zero-denominator.
    [Theory]
    [InlineData(2, 2, "5", "")]
    [InlineData(1, 2, "2.5", "")]   // 1/2 × 5
    [InlineData(0, 2, "0", "")]
    [InlineData(0, 0, "5", "zero-denominator")]
    public void E1_is_the_share_of_meetings_attended_times_5(int attended, int held, string expected, string flags)
    {
        var unit = Score(Unit("u", ("E1.attended", (decimal)attended), ("E1.held", (decimal)held))).Result("u");

        Assert.Equal(D(expected), unit.ScoreOf("E1"));
        Assert.Equal(Flags(flags), unit.FlagNames("E1"));
    }

    // E2 (interpretation 3): reports ≥ 1 → 5, else min(speeches, 5).
    [Theory]
    [InlineData(0, 1, "5")]   // one thematic report → 5 whatever the speeches
    [InlineData(2, 3, "5")]
    [InlineData(3, 0, "3")]   // no report: 1 point per speech
    [InlineData(5, 0, "5")]
    [InlineData(7, 0, "5")]   // min(7, 5) = 5
    [InlineData(0, 0, "0")]
    public void E2_gives_5_for_a_thematic_report_else_a_point_per_speech_up_to_5(int speeches, int reports, string expected)
    {
        var unit = Score(Unit("u", ("E2.speeches", (decimal)speeches), ("E2.reports", (decimal)reports))).Result("u");

        Assert.Equal(D(expected), unit.ScoreOf("E2"));
        Assert.Empty(unit.FlagNames("E2"));
    }

    // E3 = onTime ? completion × 5 : 0; completion is needed only when onTime is true.
    [Theory]
    [InlineData(true, "1", "5", "")]
    [InlineData(true, "0.6", "3", "")]     // 0.6 × 5
    [InlineData(true, "0", "0", "")]
    [InlineData(false, "1", "0", "")]      // late: 0 whatever was done
    [InlineData(false, null, "0", "")]     // late and no completion reported: 0, not missing
    [InlineData(true, null, "0", "missing")] // on time but the completion is not reported: missing
    public void E3_gives_the_completion_share_of_5_only_when_updated_on_time(bool onTime, string? completion, string expected, string flags)
    {
        var unit = Score(Unit("u", ("E3.onTime", onTime), ("E3.completion", completion is null ? null : D(completion)))).Result("u");

        Assert.Equal(D(expected), unit.ScoreOf("E3"));
        Assert.Equal(Flags(flags), unit.FlagNames("E3"));
    }

    [Fact]
    public void Set_E_adds_E1_E2_and_E3()
    {
        // E1 = 1/2 × 5 = 2.5, E2 = min(3, 5) = 3, E3 = 0.6 × 5 = 3 → E = 8.5.
        var unit = Score(Unit("u", ("E1.attended", 1m), ("E2.speeches", 3m), ("E2.reports", 0m), ("E3.completion", 0.6m))).Result("u");

        Assert.Equal(8.5m, unit.GroupOf("E"));
    }

    [Fact]
    public void A_unit_earning_everything_alone_scores_95_without_bonus()
    {
        // A 18 + 0 + 2, B 20, C 10 + 10, D 10 + 10, E 5 + 5 + 5 = 95 → class A (≥ 85).
        var unit = Score(Unit("u")).Result("u");

        Assert.Equal(95m, unit.Total);
        Assert.Equal("A", unit.Classification);
        Assert.All(unit.Indicators, i => Assert.Equal(i.Code == "A2" ? 0m : i.Max, Exact(i.Score)));
    }
}
