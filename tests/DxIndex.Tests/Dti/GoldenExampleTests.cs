using System.Text.Json;
using Platform.TestSupport;

namespace Platform.DxIndex.Tests.Dti;

/// <summary>
/// The DTI worked out by hand from frameworks.md §2 (never by calling the engine), for <see cref="Example.Provinces"/>:
///
/// Lào Cai
///   1.1 chair and active both true → max 10
///   1.2 a/b = 3/4 = 75 % — "= 100 % → max, else 0" → 0
///   1.3 section, posts 40 &lt; 52 → ½ × 10 = 5
///   1.4, 1.5 not reported → 0 (missing)            pillar 1 = 10 + 0 + 5 = 15
///   2.1 issued → 10; 2.4 fees → ½ × 20 = 10, time false → +0; 2.2, 2.3 missing → 0   pillar 2 = 20
///   7.5 ratio a/b = 300 / 1000 = 0.3, relative to best among provinces
/// Thanh Hóa
///   1.1 active false → 0; 1.2 5/4 = 125 % ≥ 100 % → 10; 1.3 section, posts 52 ≥ 52 → 10   pillar 1 = 20
///   2.1 not issued → 0; others missing                                                   pillar 2 = 0
///   7.5 ratio 600 / 1200 = 0.5 — the best of the group
/// 7.5 = ratio / best × 30: Lào Cai 0.3 / 0.5 × 30 = 18, Thanh Hóa 0.5 / 0.5 × 30 = 30 (pillar 7, nothing else reported there).
/// Totals: Lào Cai 15 + 20 + 18 = 53.00 (rank 1); Thanh Hóa 20 + 0 + 30 = 50.00 (rank 2); Cao Bằng nothing → "chưa báo cáo".
/// Pillar 1 best 20, median (15 + 20) / 2 = 17.5; pillar 7 best 30, median 24.
///
/// With an external reference best of 0.6 for 7.5 (it counts as one more peer value, and it is the largest):
/// Lào Cai 0.3 / 0.6 × 30 = 15, Thanh Hóa 0.5 / 0.6 × 30 = 25 → totals 50.00 and 45.00.
/// </summary>
public sealed class GoldenExampleTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task The_provisional_ranking_and_profile_give_the_hand_worked_totals_pillars_and_ranks()
    {
        await using var host = await DtiHost.StartAsync(infrastructure, "dti-golden");
        await host.SeedAsync(Example.Provinces);
        using var client = host.Client(DtiHost.NationalLeader);

        var ranking = await client.GetJsonAsync("/api/dx-index/dti/2025/ranking");
        Assert.Equal(("provisional", JsonValueKind.Null, false, 1), (ranking.GetProperty("kind").GetString(), ranking.GetProperty("revision").ValueKind,
            ranking.GetProperty("demo").GetBoolean(), ranking.GetProperty("notReported").GetInt32()));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], ranking.GetProperty("pillars").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal([50m, 50m, 200m, 100m, 100m, 200m, 150m, 150m], ranking.GetProperty("pillars").EnumerateArray().Select(p => p.GetProperty("max").GetDecimal()));
        var results = ranking.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["lao-cai|Tỉnh Lào Cai|True|53|1", "thanh-hoa|Tỉnh Thanh Hóa|True|50|2", "cao-bang|Tỉnh Cao Bằng|False||"], results.Select(Describe));
        Assert.Equal((15m, 20m, 18m, 0m), Pillars(results[0]));
        Assert.Equal((20m, 0m, 30m, 0m), Pillars(results[1]));
        Assert.Empty(results[2].GetProperty("pillars").EnumerateObject());
        // 96 inputs; Lào Cai reported 11, Thanh Hóa 9, Cao Bằng none.
        Assert.Equal([85, 87, 96], results.Select(r => r.GetProperty("missingInputs").GetInt32()));

        var profile = await client.GetJsonAsync("/api/dx-index/dti/2025/provinces/lao-cai");
        Assert.Equal((true, 53m, 1, 2), (profile.GetProperty("reported").GetBoolean(), profile.GetProperty("total").GetDecimal(),
            profile.GetProperty("rank").GetInt32(), profile.GetProperty("ranked").GetInt32()));
        var pillars = profile.GetProperty("pillars").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
        Assert.Equal((15m, 20m, 17.5m), (pillars["1"].GetProperty("score").GetDecimal(), pillars["1"].GetProperty("nationalBest").GetDecimal(),
            pillars["1"].GetProperty("nationalMedian").GetDecimal()));
        Assert.Equal((18m, 30m, 24m), (pillars["7"].GetProperty("score").GetDecimal(), pillars["7"].GetProperty("nationalBest").GetDecimal(),
            pillars["7"].GetProperty("nationalMedian").GetDecimal()));
        var indicators = profile.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!);
        Assert.Equal(47, indicators.Count); // 5 + 4 + 7 + 6 + 8 + 9 + 5 + 3
        var i75 = indicators["7.5"];
        Assert.Equal((18m, 30m, 30m, "thanh-hoa", false, "7"), (i75.GetProperty("score").GetDecimal(), i75.GetProperty("max").GetDecimal(),
            i75.GetProperty("best").GetDecimal(), i75.GetProperty("bestUnit").GetString(), i75.GetProperty("weak").GetBoolean(), i75.GetProperty("pillar").GetString()));
        Assert.Equal("Sở Khoa học và Công nghệ", i75.GetProperty("leadAgency").GetString());
        Assert.NotEmpty(i75.GetProperty("cooperatingAgencies").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(i75.GetProperty("frequency").GetString()));
        Assert.False(string.IsNullOrEmpty(i75.GetProperty("proposedAction").GetString()));
        Assert.Contains("405", i75.GetProperty("legalReference").GetString());
        // 1.2 scored 0 of 10: weak; 1.3 scored 5 of 10: exactly half, not weak; 1.4 missing: weak.
        Assert.Equal((true, false, true), (indicators["1.2"].GetProperty("weak").GetBoolean(), indicators["1.3"].GetProperty("weak").GetBoolean(),
            indicators["1.4"].GetProperty("weak").GetBoolean()));
        Assert.Contains("missing", indicators["1.4"].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        var explanation = await client.GetJsonAsync("/api/dx-index/dti/2025/provinces/lao-cai/explanation");
        var e75 = explanation.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "7.5");
        Assert.Equal((18m, 0.5m, "thanh-hoa", JsonValueKind.Null), (e75.GetProperty("score").GetDecimal(), e75.GetProperty("best").GetDecimal(),
            e75.GetProperty("bestUnit").GetString(), explanation.GetProperty("runId").ValueKind));
        Assert.Equal(300m, e75.GetProperty("inputs").GetProperty("7.5.a").GetDecimal());
    }

    [Fact]
    public async Task A_configured_external_reference_counts_as_one_more_peer_value_for_7_5()
    {
        await using var host = await DtiHost.StartAsync(infrastructure, "dti-reference",
            new Dictionary<string, string> { ["DxIndex:Dti:References:7.5"] = "0.6" });
        await host.SeedAsync(Example.Provinces);
        using var client = host.Client(DtiHost.NationalLeader);

        var results = (await client.GetJsonAsync("/api/dx-index/dti/2025/ranking")).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["lao-cai|Tỉnh Lào Cai|True|50|1", "thanh-hoa|Tỉnh Thanh Hóa|True|45|2", "cao-bang|Tỉnh Cao Bằng|False||"], results.Select(Describe));
        Assert.Equal((15m, 20m, 15m, 0m), Pillars(results[0]));
        var explanation = await client.GetJsonAsync("/api/dx-index/dti/2025/provinces/thanh-hoa/explanation");
        var e75 = explanation.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "7.5");
        Assert.Equal((25m, 0.6m), (e75.GetProperty("score").GetDecimal(), e75.GetProperty("best").GetDecimal()));
        Assert.Contains("reference-best", e75.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }

    private static string Describe(JsonElement r) =>
        $"{r.GetProperty("unit").GetString()}|{r.GetProperty("name").GetString()}|{r.GetProperty("reported").GetBoolean()}|" +
        $"{(r.GetProperty("total").ValueKind == JsonValueKind.Null ? "" : r.GetProperty("total").GetDecimal().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture))}|" +
        $"{(r.GetProperty("rank").ValueKind == JsonValueKind.Null ? "" : r.GetProperty("rank").GetInt32())}";

    private static (decimal, decimal, decimal, decimal) Pillars(JsonElement r)
    {
        var p = r.GetProperty("pillars");
        return (p.GetProperty("1").GetDecimal(), p.GetProperty("2").GetDecimal(), p.GetProperty("7").GetDecimal(), p.GetProperty("8").GetDecimal());
    }
}
