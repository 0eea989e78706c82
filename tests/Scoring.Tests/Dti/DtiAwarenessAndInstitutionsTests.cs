namespace Platform.Scoring.Tests.Dti;

/// <summary>
/// Pillars 1 (Nhận thức số, 50) and 2 (Thể chế số, 50), worked out by hand from frameworks.md §2.
/// These indicators are yes/no or tiered: there is no ratio except 1.2, so only 1.2 has a zero-denominator case.
/// </summary>
public sealed class DtiAwarenessAndInstitutionsTests
{
    [Theory]
    // 1.1 (10): head is chair AND leads DX activity → 10; either missing → 0.
    [InlineData("1.1", "1.1.chair=true; 1.1.active=true", "10", "")]
    [InlineData("1.1", "1.1.chair=true; 1.1.active=false", "0", "")] // chair without activity: 0
    [InlineData("1.1", "1.1.chair=false; 1.1.active=true", "0", "")]
    [InlineData("1.1", "1.1.chair=true", "0", "missing")]
    // 1.2 (10): a/b ≥ 100% → 10, else 0 (interpretation dti-1.2: more than required still reaches it).
    [InlineData("1.2", "1.2.a=5; 1.2.b=5", "10", "")] // exactly 100%
    [InlineData("1.2", "1.2.a=6; 1.2.b=5", "10", "")] // 120%
    [InlineData("1.2", "1.2.a=9999; 1.2.b=10000", "0", "")] // 99.99%: below the threshold
    [InlineData("1.2", "1.2.a=4; 1.2.b=5", "0", "")] // 80%: partial gives nothing
    [InlineData("1.2", "1.2.a=0; 1.2.b=0", "0", "zero-denominator")]
    [InlineData("1.2", "1.2.a=5", "0", "missing")]
    // 1.3 (10): section and ≥ 52 posts → 10; section and < 52 → 5; no section → 0 (posts not needed).
    [InlineData("1.3", "1.3.section=true; 1.3.posts=52", "10", "")] // exactly 52
    [InlineData("1.3", "1.3.section=true; 1.3.posts=51", "5", "")] // ½ × 10
    [InlineData("1.3", "1.3.section=true; 1.3.posts=0", "5", "")]
    [InlineData("1.3", "1.3.section=false", "0", "")]
    [InlineData("1.3", "1.3.section=true", "0", "missing")]
    [InlineData("1.3", "1.3.posts=60", "0", "missing")]
    // 1.4 (10): same tiers as 1.3 with ≥ 52 news items a year.
    [InlineData("1.4", "1.4.section=true; 1.4.posts=100", "10", "")]
    [InlineData("1.4", "1.4.section=true; 1.4.posts=52", "10", "")]
    [InlineData("1.4", "1.4.section=true; 1.4.posts=51", "5", "")]
    [InlineData("1.4", "1.4.section=false; 1.4.posts=80", "0", "")]
    [InlineData("1.4", "1.4.section=true", "0", "missing")]
    // 1.5 (10): same tiers with ≥ 12 broadcasts a year.
    [InlineData("1.5", "1.5.section=true; 1.5.broadcasts=12", "10", "")]
    [InlineData("1.5", "1.5.section=true; 1.5.broadcasts=11", "5", "")]
    [InlineData("1.5", "1.5.section=false", "0", "")]
    [InlineData("1.5", "1.5.section=true", "0", "missing")]
    // 2.1–2.3 (10 each): issued → 10, else 0.
    [InlineData("2.1", "2.1.issued=true", "10", "")]
    [InlineData("2.1", "2.1.issued=false", "0", "")]
    [InlineData("2.1", "", "0", "missing")]
    [InlineData("2.2", "2.2.issued=true", "10", "")]
    [InlineData("2.2", "2.2.issued=false", "0", "")]
    [InlineData("2.2", "", "0", "missing")]
    [InlineData("2.3", "2.3.issued=true", "10", "")]
    [InlineData("2.3", "2.3.issued=false", "0", "")]
    [InlineData("2.3", "", "0", "missing")]
    // 2.4 (20): fee reduction → ½ × 20 = 10, plus time reduction → 10.
    [InlineData("2.4", "2.4.fees=true; 2.4.time=true", "20", "")]
    [InlineData("2.4", "2.4.fees=true; 2.4.time=false", "10", "")]
    [InlineData("2.4", "2.4.fees=false; 2.4.time=true", "10", "")]
    [InlineData("2.4", "2.4.fees=false; 2.4.time=false", "0", "")]
    [InlineData("2.4", "2.4.fees=true", "0", "missing")]
    public void Indicator_scores_as_worked_out_by_hand(string code, string values, string expected, string flags) =>
        DtiRequests.AssertScore(code, values, expected, flags);
}
