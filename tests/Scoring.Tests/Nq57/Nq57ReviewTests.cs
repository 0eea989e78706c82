using System.Text.Json;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;
using static Platform.Scoring.Tests.Nq57.Nq57Rubric;

namespace Platform.Scoring.Tests.Nq57;

/// <summary>
/// Self score vs reviewer score (frameworks.md §3, interpretation 8): discretionary "up to Y" tiers score
/// 0 and wait for a reviewer; a reviewer's score is final, within [0, max] or [0, Y] on such a tier.
/// </summary>
public sealed class Nq57ReviewTests
{
    [Theory]
    [InlineData("A.III.2.2", "partial")]       // "có đơn vị chưa kết nối …: đạt tối đa 1 điểm"
    [InlineData("A.III.3.2", "0.90")]          // exactly 90% is not "trên 90%": up to 0.4
    [InlineData("A.III.3.2", "0.10")]
    [InlineData("A.III.3.3", "0.9999")]        // below 100%: up to 0.4
    [InlineData("A.III.3.3", "0")]
    public void A_discretionary_tier_scores_nothing_and_waits_for_a_reviewer(string code, string value)
    {
        object reported = code == "A.III.2.2" ? value : D(value);

        var score = ScoreOne(code, reported);

        Assert.Equal(0m, score.Score);
        Assert.Equal(["needs-review"], score.Flags.ToNames());
        Assert.Null(score.Reviewer);
    }

    [Fact]
    public void A_reviewer_score_within_the_discretionary_limit_is_final()
    {
        // A.III.3.2 at 85%: not above 90% → up to 0.4; the reviewer gives 0.3 ≤ 0.4 → 0.3, the self score stays 0.
        var score = ScoreOne("A.III.3.2", 0.85m, reviewer: 0.3m);

        Assert.Equal(0.3m, score.Score);
        Assert.Equal(0m, score.Self);
        Assert.Equal(0.3m, score.Reviewer);
        Assert.Equal(["reviewed"], score.Flags.ToNames());
    }

    [Theory]
    // A.III.2.2 partial: up to 1; a reviewer's 1.5 (within max 2) is capped at 1.
    [InlineData("A.III.2.2", "partial", "1.5", "1")]
    // A.III.3.3 below 100%: up to 0.4; a reviewer's 0.8 (= max) is capped at 0.4.
    [InlineData("A.III.3.3", "0.5", "0.8", "0.4")]
    public void A_reviewer_score_above_the_discretionary_limit_is_capped_at_it(string code, string value, string reviewer, string final)
    {
        object reported = code == "A.III.2.2" ? value : D(value);

        var score = ScoreOne(code, reported, reviewer: D(reviewer));

        Assert.Equal(D(final), score.Score);
        Assert.Equal(D(final), score.Reviewer);
        Assert.Equal(0m, score.Self);
        Assert.Equal(["reviewed"], score.Flags.ToNames());
    }

    [Fact]
    public void A_reviewer_score_overrides_a_computed_self_score()
    {
        // A.I.2.1 at 97% > 95% → self 3; the reviewer gives 1.5, which counts.
        var score = ScoreOne("A.I.2.1", 0.97m, reviewer: 1.5m);

        Assert.Equal(1.5m, score.Score);
        Assert.Equal(3m, score.Self);
        Assert.Equal(1.5m, score.Reviewer);
    }

    [Fact]
    public void A_reviewer_may_score_a_criterion_the_unit_did_not_report()
    {
        // A.III.7.2 not reported → self 0 (missing); the reviewer gives the full 5 after checking the evidence.
        var unit = new UnitValues("nhu-thanh", new Dictionary<string, object>(), Reviewer: new Dictionary<string, decimal> { ["A.III.7.2"] = 5m });

        var score = Rubric.Score(Request(unit)).Results.Single().Indicators.Single(i => i.Code == "A.III.7.2");

        Assert.Equal(5m, score.Score);
        Assert.Equal(0m, score.Self);
        Assert.Contains("reviewed", score.Flags.ToNames());
    }

    [Theory]
    [InlineData("A.I.2.1", "4", "điểm thẩm định phải từ 0 đến 3")]    // max of A.I.2.1 is 3
    [InlineData("B.II.2", "-1", "điểm thẩm định phải từ 0 đến 10")]
    [InlineData("A.I.9", "1", "tiêu chí không tồn tại")]
    public void A_reviewer_score_outside_the_criterion_is_rejected_naming_it(string code, string reviewer, string message)
    {
        var unit = new UnitValues("nhu-thanh", new Dictionary<string, object>(), Reviewer: new Dictionary<string, decimal> { [code] = D(reviewer) });

        var problem = Assert.Single(Rubric.Validate(Request(unit)));

        Assert.Equal($"reviewer.{code}", problem.Key);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void A_criterion_that_was_not_reported_scores_zero_and_is_flagged_missing()
    {
        var unit = new UnitValues("nhu-thanh", new Dictionary<string, object> { ["A.I.2.1"] = 0.97m });

        var result = Rubric.Score(Request(unit)).Results.Single();

        var reported = result.Indicators.Single(i => i.Code == "A.I.2.1");
        Assert.Equal(3m, reported.Score);
        Assert.Empty(reported.Flags.ToNames());
        foreach (var code in new[] { "A.I.2.2", "A.I.1.1", "A.III.6.1", "A.III.2.4" })
        {
            var missing = result.Indicators.Single(i => i.Code == code);
            Assert.Equal(0m, missing.Score);
            Assert.Equal(["missing"], missing.Flags.ToNames());
        }
        Assert.Equal(3m, result.Total);
    }

    [Fact]
    public void A_reported_zero_is_not_missing()
    {
        // B.II.1 = 0 delegations is a reported value: 0 points and no flag.
        var score = ScoreOne("B.II.1", 0m);

        Assert.Equal(0m, score.Score);
        Assert.Empty(score.Flags.ToNames());
    }

    [Theory]
    [InlineData("A.I.1.1", "done", "phải là một trong: full, partial, none")]
    [InlineData("A.I.1.2", "full", "phải là một trong: resolved, in-progress, none")]
    [InlineData("A.III.2.2", "none", "phải là một trong: full, partial")]
    [InlineData("A.III.4.2", "Clean", "phải là một trong: clean, warning, incident")]
    [InlineData("B.I.1", "pioneer", "phải là một trong: pioneering, improved, none")]
    public void A_choice_outside_the_listed_tiers_is_rejected_in_vietnamese_naming_the_key(string code, string tier, string message)
    {
        var unit = new UnitValues("nhu-thanh", new Dictionary<string, object> { [code] = tier });

        var problem = Assert.Single(Rubric.Validate(Request(unit)));

        Assert.Equal("nhu-thanh", problem.Unit);
        Assert.Equal(code, problem.Key);
        Assert.Equal(message, problem.Message);
        Assert.Equal($"nhu-thanh, {code}: {message}", problem.ToString());
        Assert.Throws<ScoringInputException>(() => Rubric.Score(Request(unit)));
    }

    [Theory]
    [InlineData("A.I.1.1", true, "phải là một trong: full, partial, none")]   // a choice is not a yes/no
    [InlineData("A.III.6.1", "yes", "phải là đúng/sai (true/false)")]
    public void A_value_of_the_wrong_kind_is_rejected(string code, object value, string message)
    {
        var unit = new UnitValues("nhu-thanh", new Dictionary<string, object> { [code] = value });

        var problem = Assert.Single(Rubric.Validate(Request(unit)));

        Assert.Equal(code, problem.Key);
        Assert.Equal(message, problem.Message);
    }

    [Theory]
    [InlineData("A.I.2.1", "95", "phải là tỷ lệ từ 0 đến 1 (nhận được 95)")]   // a percentage, not a fraction
    [InlineData("A.III.7.1", "2.5", "phải là số nguyên không âm (nhận được 2,5)")]
    [InlineData("B.II.2", "-1", "phải là số nguyên không âm (nhận được -1)")]
    public void A_measured_value_out_of_range_is_rejected(string code, string value, string message)
    {
        var unit = new UnitValues("nhu-thanh", new Dictionary<string, object> { [code] = D(value) });

        var problem = Assert.Single(Rubric.Validate(Request(unit)));

        Assert.Equal(code, problem.Key);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void The_output_json_shows_self_and_reviewer_scores_of_a_reviewed_criterion()
    {
        // A.III.2.2 partial → self 0, needs review; reviewer 0.6 ≤ 1 → final 0.6.
        var unit = new UnitValues("nhu-thanh", new Dictionary<string, object> { ["A.III.2.2"] = "partial", ["A.III.3.2"] = 0.5m },
            Reviewer: new Dictionary<string, decimal> { ["A.III.2.2"] = 0.6m });

        var json = ScoringRunJson.WriteToString(Rubric.Score(Request(unit)));

        using var document = JsonDocument.Parse(json);
        var indicators = document.RootElement.GetProperty("results")[0].GetProperty("indicators");
        var reviewed = indicators.GetProperty("A.III.2.2");
        Assert.Equal(0.6m, reviewed.GetProperty("score").GetDecimal());
        Assert.Equal(0m, reviewed.GetProperty("self").GetDecimal());
        Assert.Equal(0.6m, reviewed.GetProperty("reviewer").GetDecimal());
        Assert.Equal("reviewed", reviewed.GetProperty("flags")[0].GetString());
        var waiting = indicators.GetProperty("A.III.3.2");
        Assert.Equal(0m, waiting.GetProperty("score").GetDecimal());
        Assert.Equal("needs-review", waiting.GetProperty("flags")[0].GetString());
        Assert.False(waiting.TryGetProperty("reviewer", out _));
    }
}
