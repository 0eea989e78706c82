using System.Globalization;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;
using static Platform.Scoring.Tests.Monthly.MonthlyRun;

namespace Platform.Scoring.Tests.Monthly;

/// <summary>Submissions the monthly framework rejects, each with a Vietnamese problem naming the unit and the key.</summary>
public sealed class MonthlyInputValidationTests
{
    private const string TaskCheck =
        "“Số nhiệm vụ hoàn thành đúng hạn trong tháng” cộng “Số nhiệm vụ quá hạn đã hoàn thành trong tháng” không được vượt quá "
        + "“Số nhiệm vụ đến hạn trong tháng (Hệ thống 57)” cộng “Số nhiệm vụ quá hạn chưa hoàn thành đầu tháng” (số này, nếu không báo cáo, được lấy từ tháng trước)";

    private static IReadOnlyList<ScoringProblem> Validate(params UnitValues[] units) => new Scorer(Framework).Validate(Request(units));

    [Fact]
    public void More_tasks_completed_than_tasks_to_perform_is_rejected_naming_the_unit_and_key()
    {
        // onTime + late = 10 + 3 = 13 > T = 10 + 2 = 12.
        var unit = Unit("ha-noi", ("A.due", 10m), ("A.backlog", 2m), ("A.onTime", 10m), ("A.late", 3m));

        var problem = Assert.Single(Validate(unit));
        Assert.Equal(new ScoringProblem("ha-noi", "A.onTime", TaskCheck), problem);
        Assert.Equal($"ha-noi, A.onTime: {TaskCheck}", problem.ToString());
        var thrown = Assert.Throws<ScoringInputException>(() => Score(unit));
        Assert.Equal([problem], thrown.Problems);
    }

    [Fact]
    public void Completing_exactly_the_tasks_to_perform_is_accepted()
    {
        // onTime + late = 9 + 3 = 12 = T: A1 = 9/12 × 18 = 13.5, A2 = 3/12 × 9 = 2.25 → A1 + A2 = 15.75 ≤ 18.
        var unit = Unit("ha-noi", ("A.due", 10m), ("A.backlog", 2m), ("A.onTime", 9m), ("A.late", 3m));

        Assert.Empty(Validate(unit));
        Assert.Equal(13.5m, Score(unit).Result("ha-noi").ScoreOf("A1"));
        Assert.Equal(2.25m, Score(unit).Result("ha-noi").ScoreOf("A2"));
    }

    [Fact]
    public void The_task_check_uses_the_derived_backlog_when_none_is_reported()
    {
        // No backlog → 0: onTime 6 > T = 5 + 0.
        var unit = Unit("hue", ("A.backlog", null), ("A.due", 5m), ("A.onTime", 6m), ("A.late", 0m));

        Assert.Equal([new ScoringProblem("hue", "A.onTime", TaskCheck)], Validate(unit));
    }

    [Theory]
    [InlineData("A.due", "-1", "phải là số nguyên không âm (nhận được -1)")]
    [InlineData("C1.records", "2.5", "phải là số nguyên không âm (nhận được 2,5)")]
    [InlineData("D2.rate", "1.2", "phải là tỷ lệ từ 0 đến 1 (nhận được 1,2)")]
    [InlineData("E3.completion", "-0.1", "phải là tỷ lệ từ 0 đến 1 (nhận được -0,1)")]
    [InlineData("B.B1", "19", "không được vượt quá 18 (nhận được 19)")]
    [InlineData("B.B2", "-1", "phải từ 0 trở lên (nhận được -1)")]
    [InlineData("E3.onTime", "1", "phải là đúng/sai (true/false)")]
    public void Numbers_out_of_range_or_of_the_wrong_kind_are_rejected(string key, string value, string message)
    {
        var unit = Unit("da-nang", (key, decimal.Parse(value, CultureInfo.InvariantCulture)));

        Assert.Equal([new ScoringProblem("da-nang", key, message)], Validate(unit));
    }

    [Fact]
    public void Text_and_booleans_where_numbers_are_expected_are_rejected()
    {
        var unit = Unit("da-nang", ("A.due", "mười"), ("D1.total", true), ("E3.onTime", "có"));

        Assert.Equal(
            [
                new ScoringProblem("da-nang", "A.due", "phải là số"),
                new ScoringProblem("da-nang", "D1.total", "phải là số"),
                new ScoringProblem("da-nang", "E3.onTime", "phải là đúng/sai (true/false)"),
            ],
            Validate(unit));
    }

    [Fact]
    public void An_unknown_key_is_rejected()
    {
        var unit = Unit("can-tho", ("A.dueDate", 3m));

        Assert.Equal([new ScoringProblem("can-tho", "A.dueDate", "chỉ số đầu vào không có trong khung monthly-4585")], Validate(unit));
    }

    [Fact]
    public void A_unit_listed_twice_is_rejected()
    {
        Assert.Equal([new ScoringProblem("can-tho", null, "đơn vị xuất hiện hai lần trong lượt chấm")], Validate(Unit("can-tho"), Unit("can-tho")));
    }

    [Fact]
    public void A_period_that_is_not_a_month_is_rejected()
    {
        var problems = new Scorer(Framework).Validate(new ScoringRequest("2026", null, [Unit("u")]));

        Assert.Equal([new ScoringProblem(null, "period", "kỳ \"2026\" phải có dạng YYYY-MM")], problems);
    }

    [Fact]
    public void Every_problem_of_a_run_is_listed_not_only_the_first()
    {
        var problems = Validate(Unit("a", ("A.due", -2m)), Unit("b", ("D2.rate", 2m)), Unit("b"));

        Assert.Equal(3, problems.Count);
        Assert.Equal(["a", "b", "b"], problems.Select(p => p.Unit));
    }

    [Fact]
    public void A_value_of_the_wrong_JSON_type_is_kept_and_refused_by_validation_instead_of_read_as_not_reported()
    {
        const string json = """
            { "framework": "monthly-4585", "period": "2026-01",
              "units": [ { "unit": "ha-noi", "values": { "A.due": [10], "A.onTime": null, "E3.onTime": {} }, "bonus": "5" } ] }
            """;

        var (input, problems) = ScoringRunJson.Read(json);

        Assert.NotNull(input);
        Assert.Equal([new ScoringProblem("ha-noi", "bonus", "điểm thưởng phải là số")], problems);
        // null = not reported: the key is left out, not read as 0.
        Assert.False(input.Request.Units[0].Values.ContainsKey("A.onTime"));
        // An array or an object is no value of any input: validation says what the input needs.
        Assert.Equal(
            [
                new ScoringProblem("ha-noi", "A.due", "phải là số"),
                new ScoringProblem("ha-noi", "E3.onTime", "phải là đúng/sai (true/false)"),
            ],
            new Scorer(Framework).Validate(input.Request));
    }
}
