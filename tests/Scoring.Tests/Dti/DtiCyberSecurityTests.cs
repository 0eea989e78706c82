namespace Platform.Scoring.Tests.Dti;

/// <summary>
/// Pillar 5 (An toàn thông tin mạng, 100), worked out by hand from frameworks.md §2. 5.1, 5.3 and 5.6 divide by
/// the information systems of the general information block; 5.2, 5.4 and 5.5 report their own b.
/// </summary>
public sealed class DtiCyberSecurityTests
{
    [Theory]
    // 5.1 (20): systems with an approved security level / information systems × 20.
    [InlineData("5.1", "5.1.a=40; info.informationSystems=40", "20", "")]
    [InlineData("5.1", "5.1.a=30; info.informationSystems=40", "15", "")] // 0.75 × 20
    [InlineData("5.1", "5.1.a=0; info.informationSystems=40", "0", "")]
    [InlineData("5.1", "5.1.a=0; info.informationSystems=0", "0", "zero-denominator")]
    [InlineData("5.1", "5.1.a=30", "0", "missing")]
    // 5.2 (20): a / b × 20.
    [InlineData("5.2", "5.2.a=10; 5.2.b=10", "20", "")]
    [InlineData("5.2", "5.2.a=7; 5.2.b=10", "14", "")] // 0.7 × 20
    [InlineData("5.2", "5.2.a=0; 5.2.b=0", "0", "zero-denominator")]
    [InlineData("5.2", "5.2.b=10", "0", "missing")]
    // 5.3 (10): monitored systems / information systems × 10.
    [InlineData("5.3", "5.3.a=40; info.informationSystems=40", "10", "")]
    [InlineData("5.3", "5.3.a=10; info.informationSystems=40", "2.5", "")] // 0.25 × 10
    [InlineData("5.3", "5.3.a=0; info.informationSystems=0", "0", "zero-denominator")]
    [InlineData("5.3", "info.informationSystems=40", "0", "missing")]
    // 5.4 (10): level-3 systems audited / level-3 systems × 10.
    [InlineData("5.4", "5.4.a=8; 5.4.b=8", "10", "")]
    [InlineData("5.4", "5.4.a=6; 5.4.b=8", "7.5", "")] // 0.75 × 10
    [InlineData("5.4", "5.4.a=0; 5.4.b=0", "0", "zero-denominator")]
    [InlineData("5.4", "5.4.a=6", "0", "missing")]
    // 5.5 (10): level-3 systems audited in full / level-3 systems × 10.
    [InlineData("5.5", "5.5.a=8; 5.5.b=8", "10", "")]
    [InlineData("5.5", "5.5.a=2; 5.5.b=8", "2.5", "")] // 0.25 × 10
    [InlineData("5.5", "5.5.a=0; 5.5.b=0", "0", "zero-denominator")]
    [InlineData("5.5", "5.5.b=8", "0", "missing")]
    // 5.6 (10): systems with incident-response plans / information systems × 10.
    [InlineData("5.6", "5.6.a=40; info.informationSystems=40", "10", "")]
    [InlineData("5.6", "5.6.a=36; info.informationSystems=40", "9", "")] // 0.9 × 10
    [InlineData("5.6", "5.6.a=0; info.informationSystems=0", "0", "zero-denominator")]
    [InlineData("5.6", "5.6.a=36", "0", "missing")]
    // 5.7, 5.8 (10 each): certified → 10, else 0.
    [InlineData("5.7", "5.7.certified=true", "10", "")]
    [InlineData("5.7", "5.7.certified=false", "0", "")]
    [InlineData("5.7", "", "0", "missing")]
    [InlineData("5.8", "5.8.certified=true", "10", "")]
    [InlineData("5.8", "5.8.certified=false", "0", "")]
    [InlineData("5.8", "", "0", "missing")]
    public void Indicator_scores_as_worked_out_by_hand(string code, string values, string expected, string flags) =>
        DtiRequests.AssertScore(code, values, expected, flags);
}
