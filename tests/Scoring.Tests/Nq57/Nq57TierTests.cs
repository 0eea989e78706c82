using Platform.Scoring.Engine;
using static Platform.Scoring.Tests.Nq57.Nq57Rubric;

namespace Platform.Scoring.Tests.Nq57;

/// <summary>
/// Every tier of every criterion of nq57-self-2026, read by hand from the table of frameworks.md §3 and
/// the seed's "Mô tả/hướng dẫn đánh giá" column. Boundary values go to the lower tier (interpretation 6),
/// and decimal comparison is exact: 0.9501 is above 0.95, 0.95 is not.
/// </summary>
public sealed class Nq57TierTests
{
    [Theory]
    // A.I.2.1 (3): > 0.95 → 3 · 0.90 ≤ r ≤ 0.95 → 1.5 · < 0.90 → 0.
    [InlineData("A.I.2.1", "1", "3")]
    [InlineData("A.I.2.1", "0.9501", "3")]     // just above 95%
    [InlineData("A.I.2.1", "0.95", "1.5")]     // exactly 95%: "trên 95%" not reached, lower tier
    [InlineData("A.I.2.1", "0.92", "1.5")]
    [InlineData("A.I.2.1", "0.90", "1.5")]     // "từ 90%" includes 90%
    [InlineData("A.I.2.1", "0.8999", "0")]
    [InlineData("A.I.2.1", "0", "0")]
    // A.I.3.1 (2): = 1 → 2 · 0.95 ≤ r < 1 → 1 · < 0.95 → 0.
    [InlineData("A.I.3.1", "1", "2")]
    [InlineData("A.I.3.1", "0.9999", "1")]
    [InlineData("A.I.3.1", "0.95", "1")]
    [InlineData("A.I.3.1", "0.9499", "0")]
    // A.II.1 (7): = 1 → 7 · 0.80 ≤ r < 1 → 3.5 · < 0.80 → 2 (the seed gives 2 points even below 80%).
    [InlineData("A.II.1", "1", "7")]
    [InlineData("A.II.1", "0.99", "3.5")]
    [InlineData("A.II.1", "0.80", "3.5")]
    [InlineData("A.II.1", "0.7999", "2")]
    [InlineData("A.II.1", "0", "2")]
    // A.II.2 (9): ≥ 0.20 → 9 · 0.10 ≤ r < 0.20 → 4.5 · < 0.10 → 0.
    [InlineData("A.II.2", "0.5", "9")]
    [InlineData("A.II.2", "0.20", "9")]        // "từ 20% trở lên" includes 20%
    [InlineData("A.II.2", "0.1999", "4.5")]
    [InlineData("A.II.2", "0.10", "4.5")]
    [InlineData("A.II.2", "0.0999", "0")]
    // A.III.1.1 (1): > 0.80 → 1 · 0.60 ≤ r ≤ 0.80 → 0.5 · else 0.
    [InlineData("A.III.1.1", "0.8001", "1")]
    [InlineData("A.III.1.1", "0.80", "0.5")]   // exactly 80%: lower tier (interpretation 6)
    [InlineData("A.III.1.1", "0.60", "0.5")]
    [InlineData("A.III.1.1", "0.5999", "0")]
    // A.III.1.2 (1): = 1 → 1 · 0.80 ≤ r < 1 → 0.5 · else 0.
    [InlineData("A.III.1.2", "1", "1")]
    [InlineData("A.III.1.2", "0.9999", "0.5")]
    [InlineData("A.III.1.2", "0.80", "0.5")]
    [InlineData("A.III.1.2", "0.7999", "0")]
    // A.III.1.3 (2): > 0.80 → 2 · 0.50 ≤ r ≤ 0.80 → 1 · else 0.
    [InlineData("A.III.1.3", "0.8001", "2")]
    [InlineData("A.III.1.3", "0.80", "1")]
    [InlineData("A.III.1.3", "0.50", "1")]
    [InlineData("A.III.1.3", "0.4999", "0")]
    // A.III.1.4 (1): > 0.70 → 1 · 0.50 ≤ r ≤ 0.70 → 0.5 · else 0.
    [InlineData("A.III.1.4", "0.7001", "1")]
    [InlineData("A.III.1.4", "0.70", "0.5")]
    [InlineData("A.III.1.4", "0.50", "0.5")]
    [InlineData("A.III.1.4", "0.4999", "0")]
    // A.III.2.1 (1): > 0.80 → 1 · 0.50 ≤ r ≤ 0.80 → 0.5 · else 0.
    [InlineData("A.III.2.1", "0.8001", "1")]
    [InlineData("A.III.2.1", "0.80", "0.5")]
    [InlineData("A.III.2.1", "0.50", "0.5")]
    [InlineData("A.III.2.1", "0.4999", "0")]
    // A.III.3.1 (0.5): > 0.90 → 0.5 · 0.70 ≤ r ≤ 0.90 → 0.25 · else 0.
    [InlineData("A.III.3.1", "0.9001", "0.5")]
    [InlineData("A.III.3.1", "0.90", "0.25")]
    [InlineData("A.III.3.1", "0.70", "0.25")]
    [InlineData("A.III.3.1", "0.6999", "0")]
    // A.III.3.2 (0.8): > 0.90 → 0.8 (the other tier is discretionary, see Nq57ReviewTests).
    [InlineData("A.III.3.2", "0.9001", "0.8")]
    [InlineData("A.III.3.2", "1", "0.8")]
    // A.III.3.3 (0.8): = 1 → 0.8 (below 1 is discretionary).
    [InlineData("A.III.3.3", "1", "0.8")]
    // A.III.4.1 (2): > 0.80 → 2 · 0.50 ≤ r ≤ 0.80 → 1 · else 0.
    [InlineData("A.III.4.1", "0.8001", "2")]
    [InlineData("A.III.4.1", "0.80", "1")]
    [InlineData("A.III.4.1", "0.50", "1")]
    [InlineData("A.III.4.1", "0.4999", "0")]
    // A.III.5.1 (1.5): = 1 → 1.5 · 0.80 ≤ r < 1 → 0.75 · else 0.
    [InlineData("A.III.5.1", "1", "1.5")]
    [InlineData("A.III.5.1", "0.9999", "0.75")]
    [InlineData("A.III.5.1", "0.80", "0.75")]
    [InlineData("A.III.5.1", "0.7999", "0")]
    // A.III.5.2 (0.5): > 0.80 → 0.5 · 0.50 ≤ r ≤ 0.80 → 0.25 · else 0.
    [InlineData("A.III.5.2", "0.8001", "0.5")]
    [InlineData("A.III.5.2", "0.80", "0.25")]
    [InlineData("A.III.5.2", "0.50", "0.25")]
    [InlineData("A.III.5.2", "0.4999", "0")]
    // A.III.8.2 (1): > 0.50 → 1 · else 0 (exactly 50% is "not above 50%").
    [InlineData("A.III.8.2", "0.5001", "1")]
    [InlineData("A.III.8.2", "0.50", "0")]
    [InlineData("A.III.8.2", "0", "0")]
    // A.III.9.1 (1): > 0.85 → 1 · 0.70 ≤ r ≤ 0.85 → 0.5 · else 0 (the seed names no tier below 70%).
    [InlineData("A.III.9.1", "0.8501", "1")]
    [InlineData("A.III.9.1", "0.85", "0.5")]
    [InlineData("A.III.9.1", "0.70", "0.5")]
    [InlineData("A.III.9.1", "0.6999", "0")]
    // A.III.9.2 (1): > 0.80 → 1 · 0.60 ≤ r ≤ 0.80 → 0.5 · else 0.
    [InlineData("A.III.9.2", "0.8001", "1")]
    [InlineData("A.III.9.2", "0.80", "0.5")]
    [InlineData("A.III.9.2", "0.60", "0.5")]
    [InlineData("A.III.9.2", "0.5999", "0")]
    // A.III.9.3 (1): > 0.50 → 1 · 0.30 ≤ r ≤ 0.50 → 0.5 · else 0.
    [InlineData("A.III.9.3", "0.5001", "1")]
    [InlineData("A.III.9.3", "0.50", "0.5")]
    [InlineData("A.III.9.3", "0.30", "0.5")]
    [InlineData("A.III.9.3", "0.2999", "0")]
    public void A_measured_rate_gets_the_points_of_its_tier(string code, string rate, string points)
    {
        var score = ScoreOne(code, D(rate));

        Assert.Equal(D(points), score.Score);
        Assert.Empty(score.Flags.ToNames());
    }

    [Theory]
    // A.I.2.2 (3), late or corrected reports: 0 → 3 · 1–2 → 1.5 · ≥ 3 → 0.
    [InlineData("A.I.2.2", 0, "3")]
    [InlineData("A.I.2.2", 1, "1.5")]
    [InlineData("A.I.2.2", 2, "1.5")]
    [InlineData("A.I.2.2", 3, "0")]
    [InlineData("A.I.2.2", 10, "0")]
    // A.III.3.4 (0.9), closed-loop processes: "từ >5 … trở lên" read as ≥ 5 → 0.9 · "<5" as 1–4 → 0.45 · 0 → 0.
    [InlineData("A.III.3.4", 0, "0")]
    [InlineData("A.III.3.4", 1, "0.45")]
    [InlineData("A.III.3.4", 4, "0.45")]
    [InlineData("A.III.3.4", 5, "0.9")]
    [InlineData("A.III.3.4", 12, "0.9")]
    // A.III.7.1 (5), open datasets: > 20 → 5 · 1–20 → 2.5 (exactly 20 is "not above 20") · 0 → 0.
    [InlineData("A.III.7.1", 0, "0")]
    [InlineData("A.III.7.1", 1, "2.5")]
    [InlineData("A.III.7.1", 20, "2.5")]
    [InlineData("A.III.7.1", 21, "5")]
    // A.III.8.1 (4), registered big problems (interpretation 7): 3–5 → 4, fewer than 3 → 4 as well, none → 0.
    [InlineData("A.III.8.1", 0, "0")]
    [InlineData("A.III.8.1", 1, "4")]
    [InlineData("A.III.8.1", 2, "4")]
    [InlineData("A.III.8.1", 3, "4")]
    [InlineData("A.III.8.1", 5, "4")]
    [InlineData("A.III.8.1", 6, "4")]
    // B.II.1 (5), study delegations at province/ministry level: ≥ 1 → 5 · 0 → 0.
    [InlineData("B.II.1", 0, "0")]
    [InlineData("B.II.1", 1, "5")]
    [InlineData("B.II.1", 3, "5")]
    // B.II.2 (10), articles/reports: ≥ 5 → 10 · 1–4 → 5 · 0 → 0.
    [InlineData("B.II.2", 0, "0")]
    [InlineData("B.II.2", 1, "5")]
    [InlineData("B.II.2", 4, "5")]
    [InlineData("B.II.2", 5, "10")]
    [InlineData("B.II.2", 9, "10")]
    public void A_measured_count_gets_the_points_of_its_tier(string code, int count, string points)
    {
        var score = ScoreOne(code, (decimal)count);

        Assert.Equal(D(points), score.Score);
        Assert.Empty(score.Flags.ToNames());
    }

    [Theory]
    // A.III.2.4 (1): r × 1 ("dưới 100%: trừ điểm tỷ lệ thuận").
    [InlineData("A.III.2.4", "1", "1")]
    [InlineData("A.III.2.4", "0.75", "0.75")]
    [InlineData("A.III.2.4", "0", "0")]
    // A.III.6.2 (3): r × 3.
    [InlineData("A.III.6.2", "1", "3")]
    [InlineData("A.III.6.2", "0.5", "1.5")]
    [InlineData("A.III.6.2", "0.37", "1.11")]  // 0.37 × 3 = 1.11
    [InlineData("A.III.6.2", "0", "0")]
    public void A_proportional_criterion_gets_its_rate_times_its_max(string code, string rate, string points)
    {
        var score = ScoreOne(code, D(rate));

        Assert.Equal(D(points), score.Score);
        Assert.Empty(score.Flags.ToNames());
    }

    [Theory]
    [InlineData("A.I.1.1", "full", "1.5")]
    [InlineData("A.I.1.1", "partial", "0.75")]
    [InlineData("A.I.1.1", "none", "0")]
    [InlineData("A.I.1.2", "resolved", "1.5")]
    [InlineData("A.I.1.2", "in-progress", "0.75")]
    [InlineData("A.I.1.2", "none", "0")]
    [InlineData("A.I.3.2", "applied", "1")]
    [InlineData("A.I.3.2", "not-applied", "0.5")]
    [InlineData("A.I.3.2", "none", "0")]
    [InlineData("A.III.2.2", "full", "2")]      // "partial" is discretionary, see Nq57ReviewTests
    [InlineData("A.III.2.3", "on-schedule", "1")]
    [InlineData("A.III.2.3", "late", "0.5")]
    [InlineData("A.III.2.3", "none", "0")]
    [InlineData("A.III.4.2", "clean", "1")]
    [InlineData("A.III.4.2", "warning", "0.5")]
    [InlineData("A.III.4.2", "incident", "0")]
    [InlineData("B.I.1", "pioneering", "10")]
    [InlineData("B.I.1", "improved", "5")]
    [InlineData("B.I.1", "none", "0")]
    [InlineData("B.I.2", "full", "5")]
    [InlineData("B.I.2", "partial", "2.5")]
    [InlineData("B.I.2", "none", "0")]
    public void A_chosen_tier_gets_its_points(string code, string tier, string points)
    {
        var score = ScoreOne(code, tier);

        Assert.Equal(D(points), score.Score);
        Assert.Empty(score.Flags.ToNames());
    }

    [Theory]
    [InlineData("A.III.6.1", true, "2")]   // AI-First plan issued
    [InlineData("A.III.6.1", false, "0")]
    [InlineData("A.III.7.2", true, "5")]   // no data-security incident or warning
    [InlineData("A.III.7.2", false, "0")]
    [InlineData("A.III.9.4", true, "1")]   // every village has fibre and stable 4G
    [InlineData("A.III.9.4", false, "0")]  // "đạt tối đa 0 điểm" = 0
    public void A_yes_no_criterion_gets_its_max_or_nothing(string code, bool value, string points)
    {
        var score = ScoreOne(code, value);

        Assert.Equal(D(points), score.Score);
        Assert.Empty(score.Flags.ToNames());
    }
}
