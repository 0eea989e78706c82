using Platform.Scoring.Engine;

namespace Platform.Scoring.Tests.Monthly;

/// <summary>Cross-field rules of monthly-4585: values that cannot both be true are refused, naming unit and key.</summary>
public sealed class MonthlyCrossFieldCheckTests
{
    [Theory]
    // onTime 11 > T = 10 + 0 even with A.late not reported (it can only add to the left side).
    [InlineData("A.onTime", 11, "A.late", null, "A.onTime")]
    // accepted 11 > total 10.
    [InlineData("D1.accepted", 11, null, null, "D1.accepted")]
    // attended 3 > held 2.
    [InlineData("E1.attended", 3, null, null, "E1.attended")]
    public void Values_that_break_a_cross_field_rule_are_refused(string key, int value, string? removed, object? _, string problemKey)
    {
        var changes = new List<(string, object?)> { (key, (decimal)value) };
        if (removed is not null) changes.Add((removed, null));
        var request = new ScoringRequest(MonthlyRun.RunPeriod, "provinces", [MonthlyRun.Unit("lao-cai", [.. changes])]);

        var problems = new Scorer(MonthlyRun.Framework).Validate(request);

        var problem = Assert.Single(problems);
        Assert.Equal("lao-cai", problem.Unit);
        Assert.Equal(problemKey, problem.Key);
        Assert.Contains("không được vượt quá", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_does_not_apply_until_the_side_it_is_measured_against_is_reported()
    {
        // D1.total not reported: D1 scores 0 with the missing flag instead of being refused.
        var request = new ScoringRequest(MonthlyRun.RunPeriod, "provinces", [MonthlyRun.Unit("lao-cai", ("D1.accepted", 11m), ("D1.total", null))]);

        Assert.Empty(new Scorer(MonthlyRun.Framework).Validate(request));
        var d1 = new Scorer(MonthlyRun.Framework).Score(request).Results.Single().Indicators.Single(i => i.Code == "D1");
        Assert.Equal(0m, d1.Score);
        Assert.Contains("missing", d1.Flags.ToNames());
    }
}
