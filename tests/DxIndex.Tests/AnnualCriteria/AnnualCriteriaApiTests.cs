using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.DxIndex.AnnualCriteria;
using Platform.TestSupport;
using static Platform.DxIndex.Tests.AnnualCriteria.AnnualCriteriaBench;

namespace Platform.DxIndex.Tests.AnnualCriteria;

public sealed class AnnualCriteriaApiTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Lào Cai, worked by hand: 0418 (higher is better) 0,62 in 2025 and 0,71 in 2026 → cải thiện; 0101 (higher is better)
    /// 1.250 → 1.200 people → kém đi; 0201 reported only in 2026 → chưa có số liệu; 0426 EGDI reported for 2026 refers to 2025.
    /// </summary>
    [Fact]
    public async Task A_provinces_year_shows_each_criterion_with_its_previous_years_and_the_trend_by_its_direction()
    {
        await using var host = await StartAsync(infrastructure, "qd2244year");
        await host.DeliverAsync(Approval(Guid.NewGuid(), "lao-cai.so-khcn", "lao-cai", 2025, 1, T0, ("0101", 1250m)));
        await host.DeliverAsync(Approval(Guid.NewGuid(), "lao-cai.cong-an", "lao-cai", 2025, 1, T0, ("0418", 0.62m)));
        await host.DeliverAsync(Approval(Guid.NewGuid(), "lao-cai.so-khcn", "lao-cai", 2026, 1, T0.AddYears(1), ("0101", 1200m), ("0201", 40m), ("0426", 0.7709m)));
        await host.DeliverAsync(Approval(Guid.NewGuid(), "lao-cai.cong-an", "lao-cai", 2026, 1, T0.AddYears(1), ("0418", 0.71m)));
        using var reviewer = host.Client(LaoCaiReviewer);

        var view = (await reviewer.GetFromJsonAsync<ProvinceYearView>("/api/dx-index/annual-criteria/provinces/lao-cai/2026", Json, Ct))!;

        Assert.Equal(("Tỉnh Lào Cai", 2026, false, 4, 46), (view.Name, view.Year, view.Demo, view.Reported, view.Total));
        Assert.Equal(["01", "02", "03", "04"], view.Groups.Select(g => g.Code));
        Assert.Equal([2025, 2026], view.Years);
        var all = view.Groups.SelectMany(g => g.Criteria).ToDictionary(c => c.Code);
        var identity = all["0418"];
        Assert.Equal((0.71m, 2026, "tỷ lệ", "higher-is-better", "central-statistics", "Công an tỉnh Lào Cai"),
            (identity.Value, identity.ReferenceYear, identity.Unit, identity.Direction, identity.SourceType, identity.ReportingUnitName));
        Assert.Equal(("improved", "Cải thiện", "▲"), (identity.Trend, identity.TrendText, identity.TrendArrow));
        Assert.Equal([null, null, 0.62m], identity.Previous.Select(p => p.Value));
        Assert.Equal([2023, 2024, 2025], identity.Previous.Select(p => p.Year));
        Assert.Equal(("worsened", "Kém đi"), (all["0101"].Trend, all["0101"].TrendText));
        Assert.Equal(("no-data", "Chưa có số liệu"), (all["0201"].Trend, all["0201"].TrendText));
        Assert.Equal((0.7709m, 2025, "international-index", "Chỉ số quốc tế"), (all["0426"].Value, all["0426"].ReferenceYear, all["0426"].SourceType, all["0426"].SourceTypeText));
        var missing = all["0413"];
        Assert.Equal((false, (decimal?)null, "no-data"), (missing.Reported, missing.Value, missing.Trend));
    }

    [Fact]
    public async Task A_province_sees_its_own_national_sees_all_and_another_province_is_not_found()
    {
        await using var host = await StartAsync(infrastructure, "qd2244scope");
        await host.DeliverAsync(Approval(Guid.NewGuid(), "lao-cai.cong-an", "lao-cai", 2025, 1, T0, ("0418", 0.62m)));
        await host.DeliverAsync(Approval(Guid.NewGuid(), "thanh-hoa.so-khcn", "thanh-hoa", 2025, 1, T0, ("0418", 0.58m)));
        using var national = host.Client(National);
        using var laoCai = host.Client(LaoCaiReviewer);
        using var department = host.Client(LaoCaiScience);
        using var thanhHoa = host.Client(ThanhHoaLeader);

        Assert.Equal(HttpStatusCode.OK, (await national.GetAsync("/api/dx-index/annual-criteria/provinces/thanh-hoa/2025", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync("/api/dx-index/annual-criteria/provinces/lao-cai/2025", Ct)).StatusCode);
        var other = await laoCai.GetAsync("/api/dx-index/annual-criteria/provinces/thanh-hoa/2025", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("Không tìm thấy tỉnh, thành phố 'thanh-hoa' trong phạm vi của bạn.", (await ProblemAsync(other)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await thanhHoa.GetAsync("/api/dx-index/annual-criteria/provinces/lao-cai/2025/export", Ct)).StatusCode);
        // A department is not a province: nothing to read there.
        Assert.Equal(HttpStatusCode.NotFound, (await national.GetAsync("/api/dx-index/annual-criteria/provinces/lao-cai.so-khcn/2025", Ct)).StatusCode);

        var everyone = (await national.GetFromJsonAsync<CriterionAcrossView>("/api/dx-index/annual-criteria/criteria/0418", Json, Ct))!;
        var own = (await laoCai.GetFromJsonAsync<CriterionAcrossView>("/api/dx-index/annual-criteria/criteria/0418", Json, Ct))!;

        Assert.Equal(["Tỉnh Lào Cai", "Tỉnh Thanh Hóa"], everyone.Provinces.Select(p => p.Name));
        Assert.Equal([0.62m, 0.58m], everyone.Provinces.Select(p => p.Values.Single().Value));
        Assert.Equal(["lao-cai"], own.Provinces.Select(p => p.Unit));

        var listed = (await national.GetFromJsonAsync<ProvinceListView>("/api/dx-index/annual-criteria/provinces", Json, Ct))!;
        var departmentList = (await department.GetFromJsonAsync<ProvinceListView>("/api/dx-index/annual-criteria/provinces", Json, Ct))!;
        Assert.Equal(["Tỉnh Lào Cai", "Tỉnh Thanh Hóa"], listed.Provinces.Select(p => p.Name));
        Assert.All(listed.Provinces, p => Assert.Equal([2025], p.Years));
        Assert.All(listed.Provinces, p => Assert.Empty(p.DemoYears));
        Assert.Equal(["lao-cai"], departmentList.Provinces.Select(p => p.Unit));
        Assert.Equal(("Tỷ lệ kích hoạt tài khoản định danh điện tử cho người dân", "04"), (own.Name, own.GroupCode));
        Assert.Equal([2025], own.Years);
    }

    [Fact]
    public async Task Bad_input_is_answered_in_vietnamese_naming_the_field()
    {
        await using var host = await StartAsync(infrastructure, "qd2244bad");
        using var national = host.Client(National);

        var badYear = await national.GetAsync("/api/dx-index/annual-criteria/provinces/lao-cai/20x5", Ct);
        var badExportYear = await national.GetAsync("/api/dx-index/annual-criteria/provinces/lao-cai/1999/export", Ct);
        var unknownCriterion = await national.GetAsync("/api/dx-index/annual-criteria/criteria/9999", Ct);
        var noToken = await host.Client().GetAsync("/api/dx-index/annual-criteria/criteria/0418", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        var problem = await ProblemAsync(badYear);
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        Assert.Equal([Years()], problem.GetProperty("errors").GetProperty("year").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badExportYear.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownCriterion.StatusCode);
        Assert.Equal("Không có tiêu chí '9999' trong bộ tiêu chí QĐ 2244.", (await ProblemAsync(unknownCriterion)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);

        static string Years() => "Năm báo cáo phải là một năm dạng YYYY từ 2000 đến 2100, ví dụ 2025.";
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
