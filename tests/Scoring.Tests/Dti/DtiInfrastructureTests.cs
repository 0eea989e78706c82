namespace Platform.Scoring.Tests.Dti;

/// <summary>Pillar 3 (Hạ tầng số, 200), worked out by hand from frameworks.md §2 and seed 004.</summary>
public sealed class DtiInfrastructureTests
{
    [Theory]
    // 3.1 (30): villages with mobile broadband / villages (general information) × 30.
    [InlineData("3.1", "3.1.a=100; info.villages=100", "30", "")]
    [InlineData("3.1", "3.1.a=75; info.villages=100", "22.5", "")] // 0.75 × 30
    [InlineData("3.1", "3.1.a=0; info.villages=100", "0", "")]
    [InlineData("3.1", "3.1.a=0; info.villages=0", "0", "zero-denominator")]
    [InlineData("3.1", "3.1.a=80", "0", "missing")] // the villages figure of the general information is missing
    // 3.2 (30): villages with fixed broadband / villages × 30.
    [InlineData("3.2", "3.2.a=120; info.villages=120", "30", "")]
    [InlineData("3.2", "3.2.a=48; info.villages=120", "12", "")] // 0.4 × 30
    [InlineData("3.2", "3.2.a=0; info.villages=0", "0", "zero-denominator")]
    [InlineData("3.2", "info.villages=120", "0", "missing")]
    // 3.3 (30): mobile broadband subscriptions / population aged 15+ × 30; the ratio may exceed 1 and is clamped.
    [InlineData("3.3", "3.3.a=900000; info.population15=1000000", "27", "")] // 0.9 × 30
    [InlineData("3.3", "3.3.a=1000000; info.population15=1000000", "30", "")]
    [InlineData("3.3", "3.3.a=1200000; info.population15=1000000", "30", "clamped")] // 1.2 × 30 = 36 → 30
    [InlineData("3.3", "3.3.a=5; info.population15=0", "0", "zero-denominator")]
    [InlineData("3.3", "3.3.a=900000", "0", "missing")]
    // 3.4 (30): households with Internet / households ≥ 80% → 30, else 0.
    [InlineData("3.4", "3.4.a=10000; info.households=10000", "30", "")]
    [InlineData("3.4", "3.4.a=8000; info.households=10000", "30", "")] // exactly 80% reaches it
    [InlineData("3.4", "3.4.a=7999; info.households=10000", "0", "")] // 79.99% does not
    [InlineData("3.4", "3.4.a=0; info.households=0", "0", "zero-denominator")]
    [InlineData("3.4", "info.households=10000", "0", "missing")]
    // 3.5 (30): data centre standard ½ × 30 = 15, non-standard ¼ × 30 = 7.5, none 0; plus a/b × ½ × 30.
    [InlineData("3.5", "3.5.dc=standard; 3.5.a=4; 3.5.b=4", "30", "")] // 15 + 1 × 15
    [InlineData("3.5", "3.5.dc=nonstandard; 3.5.a=1; 3.5.b=4", "11.25", "")] // 7.5 + 0.25 × 15 = 7.5 + 3.75
    [InlineData("3.5", "3.5.dc=none; 3.5.a=2; 3.5.b=4", "7.5", "")] // 0 + 0.5 × 15
    [InlineData("3.5", "3.5.dc=none; 3.5.a=0; 3.5.b=4", "0", "")]
    [InlineData("3.5", "3.5.dc=standard; 3.5.a=0; 3.5.b=0", "15", "zero-denominator")] // the shared-systems part is 0, the data-centre part stays
    [InlineData("3.5", "3.5.dc=standard", "0", "missing")]
    [InlineData("3.5", "3.5.a=2; 3.5.b=4", "0", "missing")]
    // 3.6 (30): platforms deployed / 7 required × 30; b is the fixed 7, so there is no zero denominator.
    [InlineData("3.6", "3.6.a=7", "30", "")]
    [InlineData("3.6", "3.6.a=5", "21.4285714286", "")] // 5/7 × 30 = 150/7 = 21.428571…
    [InlineData("3.6", "3.6.a=0", "0", "")]
    [InlineData("3.6", "3.6.a=8", "30", "clamped")] // 8/7 × 30 = 34.29 → 30
    [InlineData("3.6", "", "0", "missing")]
    // 3.7 (20): AI for civil servants ½ × 20 = 10, for citizens ¼ × 20 = 5, other advanced AI ¼ × 20 = 5.
    [InlineData("3.7", "3.7.civil=true; 3.7.citizen=true; 3.7.advanced=true", "20", "")]
    [InlineData("3.7", "3.7.civil=true; 3.7.citizen=false; 3.7.advanced=false", "10", "")]
    [InlineData("3.7", "3.7.civil=false; 3.7.citizen=true; 3.7.advanced=true", "10", "")]
    [InlineData("3.7", "3.7.civil=false; 3.7.citizen=true; 3.7.advanced=false", "5", "")]
    [InlineData("3.7", "3.7.civil=false; 3.7.citizen=false; 3.7.advanced=false", "0", "")]
    [InlineData("3.7", "3.7.citizen=true; 3.7.advanced=true", "0", "missing")]
    public void Indicator_scores_as_worked_out_by_hand(string code, string values, string expected, string flags) =>
        DtiRequests.AssertScore(code, values, expected, flags);
}
