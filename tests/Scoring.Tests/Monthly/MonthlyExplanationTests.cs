using Platform.Scoring.Engine;
using static Platform.Scoring.Tests.Monthly.MonthlyRun;

namespace Platform.Scoring.Tests.Monthly;

/// <summary>Every computed score can be traced: the rule, the inputs used, the peer best and who held it, the flags.</summary>
public sealed class MonthlyExplanationTests
{
    [Fact]
    public void The_explanation_of_C1_names_the_rule_the_inputs_and_the_peer_best_with_its_holder()
    {
        // Best records = 12,000 (quang-ninh); hai-phong 3,000 / 12,000 × 10 = 2.5.
        var request = Request(Unit("hai-phong", ("C1.records", 3000m)), Unit("quang-ninh", ("C1.records", 12000m)));

        var explanation = new Scorer(Framework).Explain(request, "hai-phong", "C1");

        Assert.Equal("C1", explanation.Code);
        Assert.Equal("Dữ liệu được số hoá, tạo lập", explanation.Name);
        Assert.Equal("C1.records / cao nhất nhóm × max", explanation.Rule);
        Assert.Equal(new Dictionary<string, object?> { ["C1.records"] = 3000m }, explanation.Inputs);
        Assert.Equal(new PeerBest(12000m, "quang-ninh", FromReference: false), explanation.Best);
        Assert.Equal(["C1.records = 3000", "giá trị cao nhất nhóm = 12000"], explanation.Steps);
        Assert.Equal(2.5m, Exact(explanation.Score.Score));
        Assert.Equal(10m, explanation.Score.Max);
    }

    [Fact]
    public void The_explanation_agrees_with_the_scored_result()
    {
        var request = Request(Unit("hai-phong", ("C1.records", 3000m)), Unit("quang-ninh", ("C1.records", 12000m)));
        var scorer = new Scorer(Framework);

        var scored = scorer.Score(request).Result("hai-phong");

        Assert.All(Framework.Indicators, i => Assert.Equal(scored.Indicator(i.Code), scorer.Explain(request, "hai-phong", i.Code).Score));
    }

    [Fact]
    public void The_explanation_of_A1_with_nothing_to_do_shows_the_zero_denominator()
    {
        // T = 0 + 0: the ratio is undefined, policy full → 18, flagged.
        var request = Request(Unit("idle", ("A.due", 0m), ("A.backlog", 0m), ("A.onTime", 0m)));

        var explanation = new Scorer(Framework).Explain(request, "idle", "A1");

        Assert.Equal("A.onTime / (A.due + A.backlog) × max", explanation.Rule);
        Assert.Equal(new Dictionary<string, object?> { ["A.due"] = 0m, ["A.backlog"] = 0m, ["A.onTime"] = 0m }, explanation.Inputs);
        Assert.Contains("(A.due + A.backlog) = 0 (mẫu số bằng 0)", explanation.Steps);
        Assert.Null(explanation.Best);
        Assert.Equal(18m, Exact(explanation.Score.Score));
        Assert.Equal(["zero-denominator"], explanation.Score.Flags.ToNames());
    }

    [Fact]
    public void The_explanation_shows_an_unreported_backlog_as_not_reported_and_the_score_as_derived()
    {
        var request = Request(Unit("u", ("A.backlog", null), ("A.onTime", 8m)));

        var explanation = new Scorer(Framework).Explain(request, "u", "A1");

        Assert.Null(explanation.Inputs["A.backlog"]);
        Assert.Equal(14.4m, Exact(explanation.Score.Score)); // 8 / (10 + 0) × 18
        Assert.Equal(["derived"], explanation.Score.Flags.ToNames());
    }

    [Fact]
    public void An_unreported_ratio_is_explained_as_not_reported_never_as_a_zero_denominator()
    {
        // E1 = attended / held × 5 with neither reported: not computed, 0 points, flagged missing (not zero-denominator).
        var request = Request(Unit("silent", ("E1.attended", null), ("E1.held", null)), Unit("other", ("E1.attended", 1m), ("E1.held", 2m)));

        var explanation = new Scorer(Framework).Explain(request, "silent", "E1");

        Assert.Equal(["E1.held = (chưa báo cáo)", "E1.attended = (chưa báo cáo)", "E1.attended / E1.held: không tính được vì chưa báo cáo đủ số liệu"],
            explanation.Steps);
        Assert.DoesNotContain(explanation.Steps, s => s.Contains("mẫu số", StringComparison.Ordinal));
        Assert.Equal(0m, Exact(explanation.Score.Score));
        Assert.Equal(["missing"], explanation.Score.Flags.ToNames());
    }

    [Fact]
    public void The_explanation_of_E2_states_the_interpretation_as_a_readable_rule()
    {
        var explanation = new Scorer(Framework).Explain(Request(Unit("u", ("E2.reports", 0m), ("E2.speeches", 3m))), "u", "E2");

        Assert.Equal("nếu E2.reports ≥ 1 thì max, ngược lại min(E2.speeches, 5)", explanation.Rule);
        Assert.Equal(3m, Exact(explanation.Score.Score));
    }

    [Fact]
    public void Explaining_an_unknown_unit_or_indicator_fails_in_Vietnamese()
    {
        var scorer = new Scorer(Framework);
        var request = Request(Unit("u"));

        Assert.Equal("Không có đơn vị x trong lượt chấm (Parameter 'unit')", Assert.Throws<ArgumentException>(() => scorer.Explain(request, "x", "C1")).Message);
        Assert.StartsWith("Không có chỉ tiêu Z9 trong monthly-4585", Assert.Throws<ArgumentException>(() => scorer.Explain(request, "u", "Z9")).Message, StringComparison.Ordinal);
    }
}
