using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestSupport;

namespace Platform.DxIndex.Tests.Dti;

public sealed class ReadApiTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bad_years_kinds_and_unknown_provinces_are_answered_in_vietnamese_naming_the_field_never_500()
    {
        await using var host = await DtiHost.StartAsync(infrastructure, "dti-bad-input");
        await host.SeedAsync(Example.Provinces);
        using var client = host.Client(DtiHost.NationalLeader);
        using var publisher = host.Client(DtiHost.Publisher);
        using var anonymous = host.Client(null);

        var malformed = await ErrorsAsync(await client.GetAsync("/api/dx-index/dti/20x5/ranking?kind=latest", Ct));
        Assert.Equal("Năm \"20x5\" không hợp lệ: cần một năm dạng YYYY, ví dụ 2025.", malformed.GetProperty("year")[0].GetString());
        Assert.Equal("Loại kết quả \"latest\" không hợp lệ: chỉ nhận provisional (tạm tính) hoặc official (chính thức).", malformed.GetProperty("kind")[0].GetString());
        var early = await ErrorsAsync(await client.GetAsync("/api/dx-index/dti/2019/provinces/lao-cai", Ct));
        Assert.Equal("Năm 2019 chưa áp dụng Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (Quyết định số 405/QĐ-BKHCN áp dụng từ năm 2025).",
            early.GetProperty("year")[0].GetString());
        Assert.True((await ErrorsAsync(await client.GetAsync("/api/dx-index/dti/2025-01/provinces/lao-cai/explanation", Ct))).TryGetProperty("year", out _));
        Assert.True((await ErrorsAsync(await publisher.GetAsync("/api/dx-index/dti/19/publication/preview", Ct))).TryGetProperty("year", out _));
        var both = await ErrorsAsync(await publisher.PostAsJsonAsync("/api/dx-index/dti/abcd/publications", new { }, Ct));
        Assert.Equal(["fingerprint", "year"], both.EnumerateObject().Select(p => p.Name).Order());
        Assert.True((await ErrorsAsync(await anonymous.GetAsync("/api/dx-index/public/dti/2O25", Ct))).TryGetProperty("year", out _));

        var unknown = await client.GetAsync("/api/dx-index/dti/2025/provinces/atlantis", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("Không tìm thấy", "Không tìm thấy tỉnh, thành phố \"atlantis\" trong chỉ số chuyển đổi số năm 2025 trong phạm vi của bạn."),
            (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/dx-index/dti/2025/provinces/atlantis/explanation", Ct)).StatusCode);
        var notPublished = await client.GetAsync("/api/dx-index/dti/2025/ranking?kind=official", Ct);
        Assert.Equal(HttpStatusCode.NotFound, notPublished.StatusCode);
        Assert.Equal("Chỉ số chuyển đổi số cấp tỉnh năm 2025 chưa được công bố.", (await notPublished.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/dx-index/public/dti/2025", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/dx-index/dti/2025/ranking", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_province_sees_only_itself_in_the_provisional_index_and_every_province_once_published()
    {
        await using var host = await DtiHost.StartAsync(infrastructure, "dti-scope");
        await host.SeedAsync(Example.Provinces);
        await host.CloseAsync();
        using var laoCai = host.Client(DtiHost.LaoCaiReviewer);
        using var reporter = host.Client(DtiHost.LaoCaiReporter);

        var provisional = await laoCai.GetJsonAsync("/api/dx-index/dti/2025/ranking");
        Assert.Equal(["lao-cai"], provisional.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("unit").GetString()));
        Assert.Equal(1, provisional.GetProperty("results")[0].GetProperty("rank").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await laoCai.GetAsync("/api/dx-index/dti/2025/provinces/thanh-hoa", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync("/api/dx-index/dti/2025/provinces/thanh-hoa/explanation", Ct)).StatusCode);
        // The best of 7.5 is shown (the score is worked out from it), not which province holds it.
        var explanation = await reporter.GetJsonAsync("/api/dx-index/dti/2025/provinces/lao-cai/explanation");
        var e75 = explanation.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "7.5");
        Assert.Equal((0.5m, JsonValueKind.Null), (e75.GetProperty("best").GetDecimal(), e75.GetProperty("bestUnit").ValueKind));
        var profile = await laoCai.GetJsonAsync("/api/dx-index/dti/2025/provinces/lao-cai");
        var i75 = profile.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "7.5");
        Assert.Equal((30m, JsonValueKind.Null), (i75.GetProperty("best").GetDecimal(), i75.GetProperty("bestUnit").ValueKind));

        using var publisher = host.Client(DtiHost.Publisher);
        var preview = await publisher.GetJsonAsync("/api/dx-index/dti/2025/publication/preview");
        Assert.Equal(HttpStatusCode.Created, (await publisher.PostAsJsonAsync("/api/dx-index/dti/2025/publications",
            new { fingerprint = preview.GetProperty("fingerprint").GetString(), acknowledgeMissing = true }, Ct)).StatusCode);

        var official = await reporter.GetJsonAsync("/api/dx-index/dti/2025/ranking");
        Assert.Equal(["lao-cai", "thanh-hoa", "cao-bang"], official.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("unit").GetString()));
        var thanhHoa = await laoCai.GetJsonAsync("/api/dx-index/dti/2025/provinces/thanh-hoa");
        Assert.Equal(("official", 1, 50m, 2), (thanhHoa.GetProperty("kind").GetString(), thanhHoa.GetProperty("revision").GetInt32(),
            thanhHoa.GetProperty("total").GetDecimal(), thanhHoa.GetProperty("rank").GetInt32()));
        Assert.Equal(["2025|official|1|50"], thanhHoa.GetProperty("history").EnumerateArray().Select(h =>
            $"{h.GetProperty("year").GetString()}|{h.GetProperty("kind").GetString()}|{h.GetProperty("revision").GetInt32()}|{h.GetProperty("total").GetDecimal():0}"));
        // The provisional index is still there on request, limited as before.
        Assert.Single((await laoCai.GetJsonAsync("/api/dx-index/dti/2025/ranking?kind=provisional")).GetProperty("results").EnumerateArray());
        var years = await laoCai.GetJsonAsync("/api/dx-index/dti/years");
        Assert.Equal(["2025|True|1|False"], years.EnumerateArray().Select(y =>
            $"{y.GetProperty("year").GetString()}|{y.GetProperty("closed").GetBoolean()}|{y.GetProperty("revision").GetInt32()}|{y.GetProperty("demo").GetBoolean()}"));
    }

    [Fact]
    public async Task The_history_shows_a_published_year_officially_and_a_year_in_collection_provisionally()
    {
        await using var host = await DtiHost.StartAsync(infrastructure, "dti-history");
        await host.SeedAsync(Example.Provinces);
        await host.CloseAsync();
        using var publisher = host.Client(DtiHost.Publisher);
        var preview = await publisher.GetJsonAsync("/api/dx-index/dti/2025/publication/preview");
        Assert.Equal(HttpStatusCode.Created, (await publisher.PostAsJsonAsync("/api/dx-index/dti/2025/publications",
            new { fingerprint = preview.GetProperty("fingerprint").GetString(), acknowledgeMissing = true }, Ct)).StatusCode);
        // 2026, collected during the year: Lào Cai alone, as in 2025 plus 1.4 (section, 52 posts → 10); alone, its 7.5 ratio 0.3 is
        // the group's best → 30. Total 15 + 10 + 20 + 30 = 75.
        await host.SeedAsync(new Dictionary<string, IReadOnlyDictionary<string, object>>
        {
            ["lao-cai"] = new Dictionary<string, object>(Example.Provinces["lao-cai"]) { ["1.4.section"] = true, ["1.4.posts"] = 52 },
        }, year: "2026");

        var profile = await publisher.GetJsonAsync("/api/dx-index/dti/2026/provinces/lao-cai");
        Assert.Equal(("provisional", 75m), (profile.GetProperty("kind").GetString(), profile.GetProperty("total").GetDecimal()));
        Assert.Equal(["2025|official|53|1", "2026|provisional|75|1"], profile.GetProperty("history").EnumerateArray().Select(h =>
            $"{h.GetProperty("year").GetString()}|{h.GetProperty("kind").GetString()}|{h.GetProperty("total").GetDecimal():0}|{h.GetProperty("rank").GetInt32()}"));
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        return problem.GetProperty("errors");
    }
}
