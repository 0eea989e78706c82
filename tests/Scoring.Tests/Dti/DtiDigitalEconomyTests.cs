namespace Platform.Scoring.Tests.Dti;

/// <summary>
/// Pillar 7 (Hoạt động kinh tế số, 150), worked out by hand from frameworks.md §2. 7.1 and 7.2 apply the
/// literal "below the threshold: max × ratio" (interpretation dti-5). 7.5 across provinces is in
/// <see cref="DtiRelativeToBestTests"/>; here a province scores alone, so it is its own best.
/// </summary>
public sealed class DtiDigitalEconomyTests
{
    [Theory]
    // 7.1 (50): digital economy / GRDP ≥ 20% → 50, else ratio × 50 (literal, not ratio / 20%).
    [InlineData("7.1", "7.1.a=20000; 7.1.b=100000", "50", "")] // 20% exactly
    [InlineData("7.1", "7.1.a=30000; 7.1.b=100000", "50", "")]
    [InlineData("7.1", "7.1.a=10000; 7.1.b=100000", "5", "")] // 0.1 × 50 (the scaled reading would give 25)
    [InlineData("7.1", "7.1.a=19999; 7.1.b=100000", "9.9995", "")] // 0.19999 × 50: just below the threshold
    [InlineData("7.1", "7.1.a=1.5; 7.1.b=0", "0", "zero-denominator")]
    [InlineData("7.1", "7.1.b=100000", "0", "missing")]
    // 7.2 (30): digital-tech firms / (population / 1,000) ≥ 0.5 → 30, else ratio × 30 (literal).
    [InlineData("7.2", "7.2.a=500; info.population=1000000", "30", "")] // 500 / 1,000 = 0.5 exactly
    [InlineData("7.2", "7.2.a=300; info.population=1000000", "9", "")] // 0.3 × 30
    [InlineData("7.2", "7.2.a=499; info.population=1000000", "14.97", "")] // 0.499 × 30
    [InlineData("7.2", "7.2.a=10; info.population=0", "0", "zero-denominator")]
    [InlineData("7.2", "7.2.a=500", "0", "missing")]
    // 7.3 (20): firms with e-contracts / enterprises ≥ 80% → 20, else ratio / 80% × 20.
    [InlineData("7.3", "7.3.a=8000; info.enterprises=10000", "20", "")] // 80% exactly
    [InlineData("7.3", "7.3.a=4000; info.enterprises=10000", "10", "")] // 0.4 / 0.8 × 20
    [InlineData("7.3", "7.3.a=7999; info.enterprises=10000", "19.9975", "")] // 0.7999 / 0.8 × 20
    [InlineData("7.3", "7.3.a=0; info.enterprises=0", "0", "zero-denominator")]
    [InlineData("7.3", "info.enterprises=10000", "0", "missing")]
    // 7.4 (20): postal points with fixed broadband / postal points ≥ 50% → 20, else ratio / 50% × 20.
    [InlineData("7.4", "7.4.a=100; info.postalPoints=200", "20", "")] // 50% exactly
    [InlineData("7.4", "7.4.a=50; info.postalPoints=200", "10", "")] // 0.25 / 0.5 × 20
    [InlineData("7.4", "7.4.a=0; info.postalPoints=0", "0", "zero-denominator")]
    [InlineData("7.4", "7.4.a=50", "0", "missing")]
    // 7.5 (30): .vn domains / enterprises relative to the best; alone, the province is the best.
    [InlineData("7.5", "7.5.a=4000; info.enterprises=10000", "30", "")] // 0.4 / 0.4 × 30
    [InlineData("7.5", "7.5.a=0; info.enterprises=10000", "0", "")] // best = 0 → 0
    [InlineData("7.5", "7.5.a=10; info.enterprises=0", "0", "zero-denominator")]
    [InlineData("7.5", "info.enterprises=10000", "0", "missing")]
    public void Indicator_scores_as_worked_out_by_hand(string code, string values, string expected, string flags) =>
        DtiRequests.AssertScore(code, values, expected, flags);
}
