using System.Net;
using System.Net.Http.Json;
using Platform.Reporting.Dashboards;
using Platform.TestSupport;

namespace Platform.Reporting.Tests.Dashboards;

public sealed class LeadersViewTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_heads_of_agency_view_gives_each_scored_unit_its_class_months_change_and_on_time_rate()
    {
        await using var host = await PublishedWorld.StartAsync(infrastructure, "dash-leaders");

        var view = (await host.Client(PublishedWorld.NationalReviewer)
            .GetFromJsonAsync<LeadersView>("/api/reporting/dashboards/leaders?period=2026-11", Ct))!;

        Assert.Equal(("2026-11", "Tháng 11/2026", "vn", "Cả nước"), (view.Period, view.PeriodName, view.Unit, view.UnitName));
        // Ministries before provinces (peer group code), each by rank.
        Assert.Equal(["bo-tc", "lao-cai", "ha-noi", "thanh-hoa"], view.Units.Select(u => u.Unit));

        var laoCai = view.Units.Single(u => u.Unit == "lao-cai");
        // November's corrected 86 (class A) against October's 88: −2. Class A in October and November.
        Assert.Equal(("Tỉnh Lào Cai", "provinces", 86m, "A", "Loại A (Xuất sắc)", 1, 3, -2m),
            (laoCai.UnitName, laoCai.PeerGroup, laoCai.Total, laoCai.Classification, laoCai.ClassificationName, laoCai.Rank, laoCai.Ranked, laoCai.TotalChange));
        Assert.Equal((2, 0, 0, 0, 0), (laoCai.MonthsA, laoCai.MonthsB, laoCai.MonthsC, laoCai.MonthsD, laoCai.MonthsNotReported));
        // October late, November returned and not handed in again (not reported): 0 of 2 on time.
        Assert.Equal(0m, laoCai.OnTimeRate);

        var haNoi = view.Units.Single(u => u.Unit == "ha-noi");
        Assert.Equal((80m, 5m, 2, 1.0m), (haNoi.Total!.Value, haNoi.TotalChange!.Value, haNoi.MonthsB, haNoi.OnTimeRate!.Value));

        var thanhHoa = view.Units.Single(u => u.Unit == "thanh-hoa");
        // October not reported (no change against it), November class D; owes nothing to the centre here: no rate.
        Assert.Equal((45m, null, 1, 1, null), (thanhHoa.Total!.Value, thanhHoa.TotalChange, thanhHoa.MonthsD, thanhHoa.MonthsNotReported, thanhHoa.OnTimeRate));
    }

    [Fact]
    public async Task A_provinces_leader_sees_only_the_units_of_the_province_and_a_reporter_is_refused()
    {
        await using var host = await PublishedWorld.StartAsync(infrastructure, "dash-leaders-scope");

        var view = (await host.Client(PublishedWorld.LaoCaiLeader).GetFromJsonAsync<LeadersView>("/api/reporting/dashboards/leaders", Ct))!;
        Assert.Equal("2026-11", view.Period);
        Assert.Equal(["lao-cai"], view.Units.Select(u => u.Unit));

        using var elsewhere = await host.Client(PublishedWorld.LaoCaiLeader).GetAsync("/api/reporting/dashboards/leaders?unit=ha-noi", Ct);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        using var reporter = await host.Client(PublishedWorld.LaoCaiReporter).GetAsync("/api/reporting/dashboards/leaders", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
    }
}
