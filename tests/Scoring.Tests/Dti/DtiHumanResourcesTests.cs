namespace Platform.Scoring.Tests.Dti;

/// <summary>
/// Pillar 4 (Nhân lực số, 100), worked out by hand from frameworks.md §2. Civil servants (4,000) and public
/// employees (6,000) come from the general information block: c + d = 10,000.
/// </summary>
public sealed class DtiHumanResourcesTests
{
    private const string Staff = "info.civilServants=4000; info.publicEmployees=6000";

    [Theory]
    // 4.1 (10): units with a DX focal point / (agencies + communes) ≥ 100% → 10 (interpretation dti-4.1).
    [InlineData("4.1", "4.1.a=124; info.agencies=20; info.communes=104", "10", "")] // 124/124 exactly
    [InlineData("4.1", "4.1.a=123; info.agencies=20; info.communes=104", "0", "")] // 99.19%
    [InlineData("4.1", "4.1.a=62; info.agencies=20; info.communes=104", "0", "")] // 50%
    [InlineData("4.1", "4.1.a=0; info.agencies=0; info.communes=0", "0", "zero-denominator")]
    [InlineData("4.1", "4.1.a=124; info.agencies=20", "0", "missing")]
    // 4.2 (30): (a + b) / (c + d) ≥ 10% → 30, else 0.
    [InlineData("4.2", "4.2.a=2000; 4.2.b=3000; " + Staff, "30", "")] // 50%
    [InlineData("4.2", "4.2.a=400; 4.2.b=600; " + Staff, "30", "")] // 1,000/10,000 = 10% exactly
    [InlineData("4.2", "4.2.a=400; 4.2.b=599; " + Staff, "0", "")] // 9.99%
    [InlineData("4.2", "4.2.a=0; 4.2.b=0; info.civilServants=0; info.publicEmployees=0", "0", "zero-denominator")]
    [InlineData("4.2", "4.2.a=400; " + Staff, "0", "missing")]
    // 4.3 (20): a / (c + d) ≥ 1% → 20, else 0.
    [InlineData("4.3", "4.3.a=100; " + Staff, "20", "")] // 1% exactly
    [InlineData("4.3", "4.3.a=99; " + Staff, "0", "")] // 0.99%
    [InlineData("4.3", "4.3.a=500; " + Staff, "20", "")]
    [InlineData("4.3", "4.3.a=1; info.civilServants=0; info.publicEmployees=0", "0", "zero-denominator")]
    [InlineData("4.3", "4.3.a=100; info.civilServants=4000", "0", "missing")]
    // 4.4 (20): trained / (c + d) × 20.
    [InlineData("4.4", "4.4.a=10000; " + Staff, "20", "")]
    [InlineData("4.4", "4.4.a=2500; " + Staff, "5", "")] // 0.25 × 20
    [InlineData("4.4", "4.4.a=0; " + Staff, "0", "")]
    [InlineData("4.4", "4.4.a=0; info.civilServants=0; info.publicEmployees=0", "0", "zero-denominator")]
    [InlineData("4.4", Staff, "0", "missing")]
    // 4.5 (10): community digital team members / population ≥ 5% → 10, else 0.
    [InlineData("4.5", "4.5.a=50000; info.population=1000000", "10", "")] // 5% exactly
    [InlineData("4.5", "4.5.a=49999; info.population=1000000", "0", "")] // 4.9999%
    [InlineData("4.5", "4.5.a=80000; info.population=1000000", "10", "")]
    [InlineData("4.5", "4.5.a=10; info.population=0", "0", "zero-denominator")]
    [InlineData("4.5", "4.5.a=50000", "0", "missing")]
    // 4.6 (10): people given digital skills / population aged 15+ × 10.
    [InlineData("4.6", "4.6.a=800000; info.population15=800000", "10", "")]
    [InlineData("4.6", "4.6.a=200000; info.population15=800000", "2.5", "")] // 0.25 × 10
    [InlineData("4.6", "4.6.a=0; info.population15=0", "0", "zero-denominator")]
    [InlineData("4.6", "info.population15=800000", "0", "missing")]
    public void Indicator_scores_as_worked_out_by_hand(string code, string values, string expected, string flags) =>
        DtiRequests.AssertScore(code, values, expected, flags);
}
