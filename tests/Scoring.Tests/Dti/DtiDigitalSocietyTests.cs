namespace Platform.Scoring.Tests.Dti;

/// <summary>
/// Pillar 8 (Hoạt động xã hội số, 150), worked out by hand from frameworks.md §2. 8.1 and 8.2 report the
/// population aged 14+ themselves (the general information block has 15+); 8.3 divides by the population.
/// </summary>
public sealed class DtiDigitalSocietyTests
{
    [Theory]
    // 8.1 (50): people 14+ with level-2 e-ID / people 14+ × 50.
    [InlineData("8.1", "8.1.a=1000; 8.1.b=1000", "50", "")]
    [InlineData("8.1", "8.1.a=900; 8.1.b=1000", "45", "")] // 0.9 × 50
    [InlineData("8.1", "8.1.a=0; 8.1.b=1000", "0", "")]
    [InlineData("8.1", "8.1.a=0; 8.1.b=0", "0", "zero-denominator")]
    [InlineData("8.1", "8.1.a=900", "0", "missing")]
    // 8.2 (50): personal digital certificates / people 14+ ≥ 50% → 50, else ratio / 50% × 50.
    [InlineData("8.2", "8.2.a=500; 8.2.b=1000", "50", "")] // 50% exactly
    [InlineData("8.2", "8.2.a=250; 8.2.b=1000", "25", "")] // 0.25 / 0.5 × 50
    [InlineData("8.2", "8.2.a=499; 8.2.b=1000", "49.9", "")] // 0.499 / 0.5 × 50
    [InlineData("8.2", "8.2.a=0; 8.2.b=0", "0", "zero-denominator")]
    [InlineData("8.2", "8.2.b=1000", "0", "missing")]
    // 8.3 (50): people with basic ICT skills / population ≥ 70% → 50, else ratio / 70% × 50.
    [InlineData("8.3", "8.3.a=700; info.population=1000", "50", "")] // 70% exactly
    [InlineData("8.3", "8.3.a=350; info.population=1000", "25", "")] // 0.35 / 0.7 × 50
    [InlineData("8.3", "8.3.a=100; info.population=1000", "7.1428571429", "")] // 0.1 / 0.7 × 50 = 50/7 = 7.142857…
    [InlineData("8.3", "8.3.a=0; info.population=0", "0", "zero-denominator")]
    [InlineData("8.3", "8.3.a=700", "0", "missing")]
    public void Indicator_scores_as_worked_out_by_hand(string code, string values, string expected, string flags) =>
        DtiRequests.AssertScore(code, values, expected, flags);
}
