using Platform.TestSupport;
using Platform.Scoring.Engine;

namespace Platform.Scoring.Tests.Monthly;

/// <summary>The worked example of scoring-io.md, computed by hand from frameworks.md §1.</summary>
public sealed class MonthlyWorkedExampleTests
{
    [Fact]
    public void The_scoring_io_example_scores_as_worked_out_by_hand()
    {
        var framework = ShippedFrameworks.Catalog.Find("monthly-4585", null, "2026-01")!;
        var laoCai = new UnitValues("lao-cai", new Dictionary<string, object>
        {
            ["A.due"] = 10m, ["A.backlog"] = 2m, ["A.onTime"] = 8m, ["A.late"] = 1m,
            ["B.B1"] = 17m, ["B.B2"] = 18.5m, ["B.B3"] = 20m, ["B.B4"] = 16m, ["B.B5"] = 12m,
            ["C1.records"] = 12000m, ["C2.transactions"] = 5400m,
            ["D1.accepted"] = 3m, ["D1.total"] = 12m, ["D2.rate"] = 0.41m,
            ["E1.attended"] = 2m, ["E1.held"] = 2m, ["E2.speeches"] = 1m, ["E2.reports"] = 0m,
            ["E3.onTime"] = true, ["E3.completion"] = 1m,
        });
        var request = new ScoringRequest("2026-01", "provinces", [laoCai], new Dictionary<string, decimal> { ["C1"] = 250000m });

        var result = new Scorer(framework).Score(request).Results.Single();

        // T = 10 + 2 = 12. A1 = 8/12 × 18 = 12; A2 = 1/12 × 0.5 × 18 = 0.75; A3 = 12 / best(12, alone) × 2 = 2 → A = 14.75.
        // B = (17 + 18.5 + 20 + 16 + 12) / 100 × 20 = 83.5 × 0.2 = 16.7.
        // C1 = 12,000 / 250,000 (reference best) × 10 = 0.48; C2 = 5,400 / 5,400 (alone) × 10 = 10 → C = 10.48.
        // D1 = 3/12 × 10 = 2.5; D2 = 0.41 × 10 = 4.1 → D = 6.6.
        // E1 = 2/2 × 5 = 5; E2 = no report → min(1, 5) = 1; E3 = on time → 1 × 5 = 5 → E = 11.
        // Total = 14.75 + 16.7 + 10.48 + 6.6 + 11 = 59.53 → 60, class C (50 ≤ 60 < 70).
        Assert.Equal(59.53m, result.Unrounded);
        Assert.Equal(60m, result.Total);
        Assert.Equal("C", result.Classification);
        Assert.Equal(14.75m, result.Groups["A"]);
        Assert.Equal(10.48m, result.Groups["C"]);
        var c1 = result.Indicators.Single(i => i.Code == "C1");
        Assert.Equal(0.48m, c1.Score);
        Assert.Contains("reference-best", c1.Flags.ToNames());
    }
}
