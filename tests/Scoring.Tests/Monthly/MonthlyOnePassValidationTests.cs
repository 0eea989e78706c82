using Platform.TestSupport;
using Platform.Scoring.Engine;
using static Platform.Scoring.Tests.Monthly.MonthlyRun;

namespace Platform.Scoring.Tests.Monthly;

/// <summary>
/// Every problem of a unit comes back in one answer: values wrong in themselves (type, range) and the cross-field rules
/// over the values that are right. A rule is skipped only when a value it reads is itself wrong (that value's problem is
/// told), and a wrong value is never replaced by its default to judge a rule.
/// </summary>
public sealed class MonthlyOnePassValidationTests
{
    private const string Accepted = "“Số nhiệm vụ KHCN, ĐMST đã nghiệm thu từ đầu năm” không được vượt quá “Tổng số nhiệm vụ KHCN, ĐMST của năm”";
    private const string Attended = "“Số cuộc họp có đúng thành phần được mời tham dự” không được vượt quá “Số cuộc họp đã tổ chức”";

    private static IReadOnlyList<ScoringProblem> Validate(UnitValues unit) => new Scorer(Framework).Validate(Request(unit));

    [Fact]
    public void A_type_error_a_range_error_and_broken_cross_field_rules_are_all_told_at_once()
    {
        var unit = Unit("lao-cai",
            ("E3.onTime", "có"),         // type: a boolean written as text
            ("D2.rate", 1.5m),           // range: a fraction above 1
            ("C1.records", -3m),         // range: a negative count
            ("D1.accepted", 11m),        // cross-field: 11 accepted > 10 in the year
            ("E1.attended", 3m));        // cross-field: 3 attended > 2 held

        var problems = Validate(unit);

        Assert.Equal(
            [
                new ScoringProblem("lao-cai", "C1.records", "phải là số nguyên không âm (nhận được -3)"),
                new ScoringProblem("lao-cai", "D2.rate", "phải là tỷ lệ từ 0 đến 1 (nhận được 1,5)"),
                new ScoringProblem("lao-cai", "E3.onTime", "phải là đúng/sai (true/false)"),
                new ScoringProblem("lao-cai", "D1.accepted", Accepted),
                new ScoringProblem("lao-cai", "E1.attended", Attended),
            ],
            problems);
    }

    [Fact]
    public void A_rule_that_reads_a_wrong_value_is_skipped_while_the_others_still_apply()
    {
        // D1.total is text: the D1 rule cannot be judged (its own problem is told); 3 attended > 2 held still is.
        var unit = Unit("lao-cai", ("D1.total", "mười"), ("D1.accepted", 11m), ("E1.attended", 3m));

        Assert.Equal(
            [
                new ScoringProblem("lao-cai", "D1.total", "phải là số"),
                new ScoringProblem("lao-cai", "E1.attended", Attended),
            ],
            Validate(unit));
    }

    [Theory]
    // With the wrong backlog taken as its default 0: 10 + 2 done > 10 due + 0 would be told as well. It must not be.
    [InlineData(-1)]
    [InlineData(2.5)]
    public void A_wrong_backlog_is_not_replaced_by_its_default_to_judge_the_task_rule(double backlog)
    {
        var unit = Unit("lao-cai", ("A.backlog", (decimal)backlog), ("A.due", 10m), ("A.onTime", 10m), ("A.late", 2m));

        var problem = Assert.Single(Validate(unit));

        Assert.Equal(("lao-cai", "A.backlog"), (problem.Unit, problem.Key));
    }

    [Fact]
    public void A_backlog_to_derive_from_wrong_previous_values_is_not_judged_but_other_rules_are()
    {
        // No backlog reported; last month's due is text, so the backlog cannot be derived: the task rule
        // (11 done > 10 due + ?) is not judged. 11 accepted > 10 is.
        var values = Full();
        values.Remove("A.backlog");
        values["A.onTime"] = 11m;
        values["D1.accepted"] = 11m;
        var previous = new Dictionary<string, object> { ["A.due"] = "mười", ["A.onTime"] = 3m, ["A.late"] = 0m };
        var unit = new UnitValues("lao-cai", values, Previous: previous);

        Assert.Equal(
            [
                new ScoringProblem("lao-cai", "previous.A.due", "phải là số"),
                new ScoringProblem("lao-cai", "D1.accepted", Accepted),
            ],
            Validate(unit));
    }

    [Fact]
    public void Right_previous_values_still_give_the_backlog_the_task_rule_is_judged_with()
    {
        // Backlog derived from last month: 12 + 0 − 3 − 0 = 9; 11 + 0 done ≤ 10 + 9, so only the text in E3.onTime is told.
        var values = Full();
        values.Remove("A.backlog");
        values["A.onTime"] = 11m;
        values["E3.onTime"] = "có";
        var previous = new Dictionary<string, object> { ["A.due"] = 12m, ["A.backlog"] = 0m, ["A.onTime"] = 3m, ["A.late"] = 0m };

        Assert.Equal([new ScoringProblem("lao-cai", "E3.onTime", "phải là đúng/sai (true/false)")],
            Validate(new UnitValues("lao-cai", values, Previous: previous)));
    }

    [Fact]
    public void Every_check_message_names_its_inputs_by_label_and_quotes_no_key_or_formula()
    {
        foreach (var framework in ShippedFrameworks.Catalog.All)
        {
            var keys = framework.Inputs.Select(i => i.Key).ToList();
            foreach (var (rule, check) in framework.Checks)
            {
                var read = rule.Nodes.SelectMany(Walk).OfType<Rules.InputNode>().Select(n => n.Key).Distinct().ToList();
                Assert.Contains(check.Key, read);
                Assert.All(read, key => Assert.Contains($"“{framework.Slots[key].Input.Label}”", check.Message, StringComparison.Ordinal));
                Assert.DoesNotContain(keys, key => check.Message.Contains(key, StringComparison.Ordinal));
                Assert.DoesNotContain(["≤", "≥", "+", "<", ">", "="], symbol => check.Message.Contains(symbol, StringComparison.Ordinal));
            }
        }
    }

    private static IEnumerable<Rules.Node> Walk(Rules.Node node) => [node, .. node.Children.SelectMany(Walk)];
}
