namespace Platform.Scoring.Tests.Dti;

/// <summary>A complete province scored by hand, indicator by indicator, to the 2-decimal total.</summary>
public sealed class DtiProvinceTotalTests
{
    private const string GeneralInformation =
        "info.population=1000000; info.population15=800000; info.households=250000; info.communes=104; info.villages=1000; " +
        "info.agencies=20; info.civilServants=4000; info.publicEmployees=6000; info.physicalServers=50; info.workstations=5000; " +
        "info.informationSystems=40; info.enterprises=10000; info.smes=9500; info.postalPoints=200; info.dxBudget=150.5; info.procedures=1800";

    private const string Indicators =
        "1.1.chair=true; 1.1.active=true; 1.2.a=3; 1.2.b=4; 1.3.section=true; 1.3.posts=60; 1.4.section=true; 1.4.posts=40; 1.5.section=false; " +
        "2.1.issued=true; 2.2.issued=true; 2.3.issued=false; 2.4.fees=true; 2.4.time=false; " +
        "3.1.a=950; 3.2.a=800; 3.3.a=720000; 3.4.a=190000; 3.5.dc=nonstandard; 3.5.a=3; 3.5.b=4; 3.6.a=6; " +
        "3.7.civil=true; 3.7.citizen=true; 3.7.advanced=false; " +
        "4.1.a=124; 4.2.a=300; 4.2.b=500; 4.3.a=120; 4.4.a=6000; 4.5.a=30000; 4.6.a=400000; " +
        "5.1.a=36; 5.2.a=27; 5.2.b=36; 5.3.a=40; 5.4.a=5; 5.4.b=8; 5.5.a=4; 5.5.b=8; 5.6.a=20; 5.7.certified=true; 5.8.certified=false; " +
        "6.1.c1=true; 6.1.c2=true; 6.1.c3=true; 6.1.c4=false; 6.2.level=B; 6.3.a=45; 6.3.b=60; 6.4.a=1100; 6.4.b=1800; " +
        "6.5.a=200000; 6.5.b=60000; 6.5.c=80000; 6.6.a=200000; 6.6.b=70000; " +
        "6.7.a=300000; 6.7.b=20000; 6.7.c=380000; 6.7.d=20000; 6.8.a=10000; 6.8.b=9000; 6.8.c=2000; 6.8.d=1800; " +
        "6.9.a=25; 6.9.b=15; 6.9.c=8000; " +
        "7.1.a=12000; 7.1.b=100000; 7.2.a=250; 7.3.a=3000; 7.4.a=150; 7.5.a=4000; " +
        "8.1.a=738000; 8.1.b=820000; 8.2.a=164000; 8.2.b=820000; 8.3.a=500000";

    [Fact]
    public void A_complete_province_totals_as_worked_out_by_hand_rounded_to_two_decimals()
    {
        var result = DtiRequests.Score(
            [DtiRequests.Unit("vinh-long", GeneralInformation + "; " + Indicators)],
            new Dictionary<string, decimal> { ["7.5"] = 0.5m }).Results.Single();

        // 1: 1.1 = 10; 1.2 = 3/4 < 100% → 0; 1.3 = 60 ≥ 52 → 10; 1.4 = 40 < 52 → 5; 1.5 = no section → 0.        = 25
        // 2: 10 + 10 + 0 + fees only 10.                                                                          = 30
        // 3: 3.1 = 0.95 × 30 = 28.5; 3.2 = 0.8 × 30 = 24; 3.3 = 720,000/800,000 = 0.9 × 30 = 27;
        //    3.4 = 190,000/250,000 = 76% < 80% → 0; 3.5 = ¼ × 30 + 3/4 × 15 = 7.5 + 11.25 = 18.75;
        //    3.6 = 6/7 × 30 = 180/7; 3.7 = 10 + 5 = 15.                                                   = 113.25 + 180/7
        // 4: 4.1 = 124/(20+104) = 100% → 10; 4.2 = 800/10,000 = 8% → 0; 4.3 = 1.2% → 20; 4.4 = 0.6 × 20 = 12;
        //    4.5 = 3% → 0; 4.6 = 0.5 × 10 = 5.                                                                   = 47
        // 5: 0.9 × 20 = 18; 0.75 × 20 = 15; 1 × 10 = 10; 0.625 × 10 = 6.25; 0.5 × 10 = 5; 0.5 × 10 = 5; 10; 0. = 69.25
        // 6: 6.1 = 15; 6.2 = B → 10; 6.3 = 0.75 × 20 = 15; 6.4 = 61.1% ≥ 60% → 20; 6.5 = 0.7/0.8 × 20 = 17.5;
        //    6.6 = 0.35/0.7 × 50 = 25; 6.7 = 320,000/400,000 × 10 = 8; 6.8 = 10,800/12,000 × 10 = 9;
        //    6.9 = 40/8,000 = 0.5% → 0.005/0.01 × 30 = 15.                                                       = 134.5
        // 7: 7.1 = 0.12 × 50 = 6 (literal); 7.2 = 250/1,000 = 0.25 × 30 = 7.5 (literal); 7.3 = 0.3/0.8 × 20 = 7.5;
        //    7.4 = 75% ≥ 50% → 20; 7.5 = 0.4 / 0.5 (reference) × 30 = 24.                                        = 65
        // 8: 8.1 = 0.9 × 50 = 45; 8.2 = 0.2/0.5 × 50 = 20; 8.3 = 0.5/0.7 × 50 = 250/7.                          = 65 + 250/7
        // Total = 25 + 30 + 113.25 + 47 + 69.25 + 134.5 + 65 + 65 + 430/7 = 549 + 61.428571… = 610.428571… → 610.43.
        Assert.Equal(610.43m, result.Total);
        Assert.Equal(610.4285714286m, Math.Round(result.Unrounded, 10));
        Assert.Equal(25m, result.Groups["1"]);
        Assert.Equal(30m, result.Groups["2"]);
        Assert.Equal(138.9642857143m, Math.Round(result.Groups["3"], 10)); // 113.25 + 25.714285…
        Assert.Equal(47m, result.Groups["4"]);
        Assert.Equal(69.25m, result.Groups["5"]);
        Assert.Equal(134.5m, result.Groups["6"]);
        Assert.Equal(65m, result.Groups["7"]);
        Assert.Equal(100.7142857143m, Math.Round(result.Groups["8"], 10)); // 65 + 35.714285…
        Assert.Equal(1, result.Rank);
        Assert.Null(result.Classification);
        Assert.All(result.Indicators.Where(i => i.Code != "7.5"), i => Assert.Equal("", i.FlagNames()));
    }
}
