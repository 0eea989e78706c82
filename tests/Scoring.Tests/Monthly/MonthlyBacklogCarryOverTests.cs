using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.Scoring.Tests.Monthly;

/// <summary>frameworks.md §1: an unreported A.backlog is T(m−1) − onTime(m−1) − late(m−1), flagged derived.</summary>
public sealed class MonthlyBacklogCarryOverTests
{
    private static readonly Dictionary<string, object> LastMonth = new()
    {
        ["A.due"] = 10m, ["A.backlog"] = 2m, ["A.onTime"] = 8m, ["A.late"] = 1m,
    };

    private static IndicatorScore Score(UnitValues unit, string code) =>
        new Scorer(MonthlyRun.Framework).Score(new ScoringRequest(MonthlyRun.RunPeriod, "provinces", [unit]))
            .Results.Single().Indicators.Single(i => i.Code == code);

    private static UnitValues ThisMonth(IReadOnlyDictionary<string, object>? previous) =>
        MonthlyRun.Unit("lao-cai", ("A.due", 5m), ("A.backlog", null), ("A.onTime", 6m), ("A.late", 1m)) with { Previous = previous };

    [Fact]
    public void An_unreported_backlog_is_carried_over_from_the_previous_month()
    {
        // Backlog = (10 + 2) − 8 − 1 = 3, so T = 5 + 3 = 8: A1 = 6/8 × 18 = 13.5; A2 = 1/8 × 0.5 × 18 = 1.125.
        var a1 = Score(ThisMonth(LastMonth), "A1");
        var a2 = Score(ThisMonth(LastMonth), "A2");

        Assert.Equal(13.5m, a1.Score);
        Assert.Equal(1.125m, a2.Score);
        Assert.Contains("derived", a1.Flags.ToNames());
    }

    [Fact]
    public void Without_history_the_backlog_is_zero_and_flagged()
    {
        // T = 5 + 0: onTime 6 would exceed it, so report 5 on time: A1 = 5/5 × 18 = 18.
        var unit = MonthlyRun.Unit("lao-cai", ("A.due", 5m), ("A.backlog", null), ("A.onTime", 5m), ("A.late", 0m));

        var a1 = Score(unit, "A1");

        Assert.Equal(18m, a1.Score);
        Assert.Contains("derived", a1.Flags.ToNames());
    }

    [Fact]
    public void A_reported_backlog_is_never_replaced_by_the_carried_over_one()
    {
        // Reported backlog 1 (and nothing late): T = 5 + 1 = 6; A1 = 6/6 × 18 = 18, not derived.
        var unit = ThisMonth(LastMonth) with { Values = new Dictionary<string, object>(ThisMonth(null).Values) { ["A.backlog"] = 1m, ["A.late"] = 0m } };

        var a1 = Score(unit, "A1");

        Assert.Equal(18m, a1.Score);
        Assert.DoesNotContain("derived", a1.Flags.ToNames());
    }

    [Fact]
    public void The_portable_json_carries_the_previous_month_and_its_values_are_checked()
    {
        var (input, problems) = ScoringRunJson.Read("""
            { "framework": "monthly-4585", "period": "2026-02", "units": [
              { "unit": "lao-cai", "values": { "A.due": 5, "A.onTime": 6, "A.late": 1 },
                "previous": { "values": { "A.due": 10, "A.backlog": 2, "A.onTime": 8, "A.late": 1, "A.bogus": 1, "D2.rate": 7 } } } ] }
            """);
        Assert.Empty(problems);

        var found = new Scorer(MonthlyRun.Framework).Validate(input!.Request);

        Assert.Equal(["previous.A.bogus", "previous.D2.rate"], found.Select(p => p.Key).Order(StringComparer.Ordinal));
    }
}
