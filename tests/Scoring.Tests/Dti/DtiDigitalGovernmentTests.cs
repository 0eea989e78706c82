namespace Platform.Scoring.Tests.Dti;

/// <summary>Pillar 6 (Hoạt động chính quyền số, 200), worked out by hand from frameworks.md §2.</summary>
public sealed class DtiDigitalGovernmentTests
{
    [Theory]
    // 6.1 (20): four portal criteria, ¼ × 20 = 5 each.
    [InlineData("6.1", "6.1.c1=true; 6.1.c2=true; 6.1.c3=true; 6.1.c4=true", "20", "")]
    [InlineData("6.1", "6.1.c1=true; 6.1.c2=true; 6.1.c3=true; 6.1.c4=false", "15", "")]
    [InlineData("6.1", "6.1.c1=true; 6.1.c2=false; 6.1.c3=false; 6.1.c4=false", "5", "")]
    [InlineData("6.1", "6.1.c1=false; 6.1.c2=false; 6.1.c3=false; 6.1.c4=false", "0", "")]
    [InlineData("6.1", "6.1.c1=true; 6.1.c2=true; 6.1.c3=true", "0", "missing")]
    // 6.2 (20): level A → 20, level B → ½ × 20 = 10, below B → 0.
    [InlineData("6.2", "6.2.level=A", "20", "")]
    [InlineData("6.2", "6.2.level=B", "10", "")]
    [InlineData("6.2", "6.2.level=none", "0", "")]
    [InlineData("6.2", "", "0", "missing")]
    // 6.3 (20): data services in use / data services on NDXP × 20.
    [InlineData("6.3", "6.3.a=30; 6.3.b=30", "20", "")]
    [InlineData("6.3", "6.3.a=12; 6.3.b=30", "8", "")] // 0.4 × 20
    [InlineData("6.3", "6.3.a=0; 6.3.b=0", "0", "zero-denominator")]
    [InlineData("6.3", "6.3.b=30", "0", "missing")]
    // 6.4 (20): full-process online services / public services ≥ 60% → 20 (interpretation dti-4), else 0.
    [InlineData("6.4", "6.4.a=1800; 6.4.b=2000", "20", "")] // 90%
    [InlineData("6.4", "6.4.a=3; 6.4.b=5", "20", "")] // 60% exactly reaches it
    [InlineData("6.4", "6.4.a=5999; 6.4.b=10000", "0", "")] // 59.99% does not
    [InlineData("6.4", "6.4.a=0; 6.4.b=0", "0", "zero-denominator")]
    [InlineData("6.4", "6.4.a=3", "0", "missing")]
    // 6.5 (20): (b + c) / a ≥ 80% → 20, else ratio / 80% × 20.
    [InlineData("6.5", "6.5.a=1000; 6.5.b=300; 6.5.c=500", "20", "")] // 800/1000 = 80% exactly
    [InlineData("6.5", "6.5.a=1000; 6.5.b=450; 6.5.c=500", "20", "")] // 95%
    [InlineData("6.5", "6.5.a=1000; 6.5.b=200; 6.5.c=400", "15", "")] // 0.6 / 0.8 × 20
    [InlineData("6.5", "6.5.a=10000; 6.5.b=3999; 6.5.c=4000", "19.9975", "")] // 0.7999 / 0.8 × 20
    [InlineData("6.5", "6.5.a=0; 6.5.b=0; 6.5.c=0", "0", "zero-denominator")]
    [InlineData("6.5", "6.5.a=1000; 6.5.b=300", "0", "missing")]
    // 6.6 (50): b / a ≥ 70% → 50, else ratio / 70% × 50.
    [InlineData("6.6", "6.6.a=1000; 6.6.b=700", "50", "")] // 70% exactly
    [InlineData("6.6", "6.6.a=1000; 6.6.b=900", "50", "")]
    [InlineData("6.6", "6.6.a=1000; 6.6.b=350", "25", "")] // 0.35 / 0.7 × 50
    [InlineData("6.6", "6.6.a=0; 6.6.b=0", "0", "zero-denominator")]
    [InlineData("6.6", "6.6.b=700", "0", "missing")]
    // 6.7 (10): (a + b) / (c + d) × 10.
    [InlineData("6.7", "6.7.a=900; 6.7.b=100; 6.7.c=900; 6.7.d=100", "10", "")]
    [InlineData("6.7", "6.7.a=600; 6.7.b=200; 6.7.c=900; 6.7.d=100", "8", "")] // 800/1000 × 10
    [InlineData("6.7", "6.7.a=0; 6.7.b=0; 6.7.c=0; 6.7.d=0", "0", "zero-denominator")]
    [InlineData("6.7", "6.7.a=600; 6.7.b=200; 6.7.c=900", "0", "missing")]
    // 6.8 (10): (b + d) / (a + c) × 10 — satisfied over all who rated.
    [InlineData("6.8", "6.8.a=800; 6.8.b=800; 6.8.c=200; 6.8.d=200", "10", "")]
    [InlineData("6.8", "6.8.a=800; 6.8.b=700; 6.8.c=200; 6.8.d=150", "8.5", "")] // 850/1000 × 10
    [InlineData("6.8", "6.8.a=0; 6.8.b=0; 6.8.c=0; 6.8.d=0", "0", "zero-denominator")]
    [InlineData("6.8", "6.8.a=800; 6.8.b=700; 6.8.c=200", "0", "missing")]
    // 6.9 (30): (a + b) / c ≥ 1% → 30, else ratio / 1% × 30 (amounts in billion VND, decimals allowed).
    [InlineData("6.9", "6.9.a=60; 6.9.b=40; 6.9.c=10000", "30", "")] // 100/10,000 = 1% exactly
    [InlineData("6.9", "6.9.a=30; 6.9.b=20; 6.9.c=10000", "15", "")] // 0.005 / 0.01 × 30
    [InlineData("6.9", "6.9.a=12.5; 6.9.b=7.5; 6.9.c=10000", "6", "")] // 20/10,000 = 0.002 / 0.01 × 30
    [InlineData("6.9", "6.9.a=1; 6.9.b=1; 6.9.c=0", "0", "zero-denominator")]
    [InlineData("6.9", "6.9.a=60; 6.9.c=10000", "0", "missing")]
    public void Indicator_scores_as_worked_out_by_hand(string code, string values, string expected, string flags) =>
        DtiRequests.AssertScore(code, values, expected, flags);
}
