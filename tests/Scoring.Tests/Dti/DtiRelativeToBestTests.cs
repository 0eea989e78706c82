using Platform.Scoring.Engine;

namespace Platform.Scoring.Tests.Dti;

/// <summary>
/// 7.5 (30): ratio = .vn domains / enterprises, scored as ratio / highest ratio among the provinces × 30
/// (frameworks.md §0 relative-to-best; an external reference counts as one more peer value).
/// </summary>
public sealed class DtiRelativeToBestTests
{
    // vinh-long 3,000 / 10,000 = 0.3; can-tho 5,000 / 12,500 = 0.4; ben-tre 1,000 / 10,000 = 0.1;
    // tra-vinh reports no domains (missing); soc-trang reports no enterprises (0 → zero denominator).
    private static readonly UnitValues[] Provinces =
    [
        DtiRequests.Unit("vinh-long", "7.5.a=3000; info.enterprises=10000"),
        DtiRequests.Unit("can-tho", "7.5.a=5000; info.enterprises=12500"),
        DtiRequests.Unit("ben-tre", "7.5.a=1000; info.enterprises=10000"),
        DtiRequests.Unit("tra-vinh", "info.enterprises=8000"),
        DtiRequests.Unit("soc-trang", "7.5.a=900; info.enterprises=0"),
    ];

    [Fact]
    public void Each_province_scores_against_the_highest_ratio_of_the_run()
    {
        var result = DtiRequests.Score(Provinces);

        // best = 0.4 (can-tho); missing and zero-denominator units take no part.
        // vinh-long 0.3 / 0.4 × 30 = 22.5; can-tho 30; ben-tre 0.1 / 0.4 × 30 = 7.5.
        Assert.Equal(new PeerBest(0.4m, "can-tho", FromReference: false), result.Bests["7.5"]);
        Assert.Equal((22.5m, ""), Score(result, "vinh-long"));
        Assert.Equal((30m, ""), Score(result, "can-tho"));
        Assert.Equal((7.5m, ""), Score(result, "ben-tre"));
        Assert.Equal((0m, "missing"), Score(result, "tra-vinh"));
        Assert.Equal((0m, "zero-denominator"), Score(result, "soc-trang"));
    }

    [Fact]
    public void An_external_reference_above_every_province_becomes_the_best_and_is_flagged()
    {
        var result = DtiRequests.Score(Provinces, new Dictionary<string, decimal> { ["7.5"] = 0.5m });

        // best = 0.5 (national reference) > 0.4: vinh-long 0.3 / 0.5 × 30 = 18; can-tho 0.4 / 0.5 × 30 = 24;
        // ben-tre 0.1 / 0.5 × 30 = 6.
        Assert.Equal(new PeerBest(0.5m, null, FromReference: true), result.Bests["7.5"]);
        Assert.Equal((18m, "reference-best"), Score(result, "vinh-long"));
        Assert.Equal((24m, "reference-best"), Score(result, "can-tho"));
        Assert.Equal((6m, "reference-best"), Score(result, "ben-tre"));
    }

    [Fact]
    public void A_province_scoring_alone_uses_the_national_reference_it_was_sent()
    {
        var result = DtiRequests.Score([Provinces[0]], new Dictionary<string, decimal> { ["7.5"] = 0.5m });

        // 0.3 / 0.5 × 30 = 18, not 30 as it would be as its own best.
        Assert.Equal((18m, "reference-best"), Score(result, "vinh-long"));
    }

    [Fact]
    public void A_reference_below_the_best_province_changes_nothing()
    {
        var result = DtiRequests.Score(Provinces, new Dictionary<string, decimal> { ["7.5"] = 0.35m });

        // 0.35 < 0.4: can-tho stays the best; vinh-long 0.3 / 0.4 × 30 = 22.5, no reference flag.
        Assert.Equal(new PeerBest(0.4m, "can-tho", FromReference: false), result.Bests["7.5"]);
        Assert.Equal((22.5m, ""), Score(result, "vinh-long"));
        Assert.Equal((30m, ""), Score(result, "can-tho"));
    }

    [Fact]
    public void When_the_best_ratio_is_zero_every_province_gets_zero()
    {
        var result = DtiRequests.Score(
        [
            DtiRequests.Unit("vinh-long", "7.5.a=0; info.enterprises=10000"),
            DtiRequests.Unit("can-tho", "7.5.a=0; info.enterprises=12500"),
        ]);

        Assert.Equal(0m, result.Bests["7.5"].Value);
        Assert.Equal((0m, ""), Score(result, "vinh-long"));
        Assert.Equal((0m, ""), Score(result, "can-tho"));
    }

    private static (decimal Score, string Flags) Score(ScoringResult result, string unit)
    {
        var score = result.Results.Single(r => r.Unit == unit).Indicators.Single(i => i.Code == "7.5");
        return (score.Score, score.FlagNames());
    }
}
