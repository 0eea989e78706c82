using System.Net.Http.Json;
using Platform.DxIndex.AnnualCriteria;
using Platform.TestSupport;
using static Platform.DxIndex.Tests.AnnualCriteria.AnnualCriteriaBench;

namespace Platform.DxIndex.Tests.AnnualCriteria;

public sealed class DemoDataTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Illustrative_years_are_labelled_and_give_way_to_a_real_year_without_mixing()
    {
        await using var host = await StartAsync(infrastructure, "qd2244demo", demoData: true);
        using var national = host.Client(National);

        var demo = (await national.GetFromJsonAsync<ProvinceYearView>("/api/dx-index/annual-criteria/provinces/lao-cai/2025", Json, Ct))!;
        Assert.Equal((true, "dữ liệu minh họa", 46), (demo.Demo, demo.DemoLabel, demo.Reported));
        Assert.Equal([2024, 2025], demo.Years);
        var criteria = demo.Groups.SelectMany(g => g.Criteria).ToList();
        Assert.All(criteria, c => Assert.Equal("dữ liệu minh họa", c.ReportingUnitName));
        Assert.All(criteria, c => Assert.True(c.Previous.Single(p => p.Year == 2024).Demo));
        Assert.Contains(criteria, c => c.Trend == Trend.Improved);
        Assert.Contains(criteria, c => c.Trend == Trend.Worsened);
        Assert.Contains(criteria, c => c.Trend == Trend.Unchanged);

        // One real approval for Lào Cai 2025: that year is now real only (one criterion), 2024 stays illustrative.
        await host.DeliverAsync(Approval(Guid.NewGuid(), "lao-cai.cong-an", "lao-cai", 2025, 1, T0, ("0418", 0.62m)));
        var real = (await national.GetFromJsonAsync<ProvinceYearView>("/api/dx-index/annual-criteria/provinces/lao-cai/2025", Json, Ct))!;
        Assert.Equal((false, (string?)null, 1), (real.Demo, real.DemoLabel, real.Reported));
        var identity = real.Groups.SelectMany(g => g.Criteria).Single(c => c.Code == "0418");
        // The illustrative 2024 is neither shown beside nor compared with the real 2025.
        Assert.Equal(("Công an tỉnh Lào Cai", (decimal?)null, Trend.NoData), (identity.ReportingUnitName, identity.Previous.Single(p => p.Year == 2024).Value, identity.Trend));

        var across = (await national.GetFromJsonAsync<CriterionAcrossView>("/api/dx-index/annual-criteria/criteria/0418", Json, Ct))!;
        var laoCai = across.Provinces.Single(p => p.Unit == "lao-cai").Values;
        Assert.Equal([(2024, true), (2025, false)], laoCai.Select(v => (v.Year, v.Demo)));
        Assert.Equal((0.62m, Trend.NoData), (laoCai.Single(v => v.Year == 2025).Value, laoCai.Single(v => v.Year == 2025).Trend));
        Assert.All(across.Provinces.Single(p => p.Unit == "thanh-hoa").Values, v => Assert.True(v.Demo));
    }

    [Fact]
    public async Task Without_the_setting_nothing_illustrative_is_shown()
    {
        await using var host = await StartAsync(infrastructure, "qd2244nodemo");
        using var national = host.Client(National);

        var view = (await national.GetFromJsonAsync<ProvinceYearView>("/api/dx-index/annual-criteria/provinces/lao-cai/2025", Json, Ct))!;

        Assert.Equal((false, 0), (view.Demo, view.Reported));
        Assert.Equal([2025], view.Years);
        Assert.All(view.Groups.SelectMany(g => g.Criteria), c => Assert.Null(c.Value));
    }
}
