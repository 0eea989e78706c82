using System.Net;
using System.Net.Http.Json;
using Platform.Reporting.Dashboards;
using Platform.TestSupport;

namespace Platform.Reporting.Tests.Dashboards;

public sealed class UnitDashboardTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_province_sees_its_months_from_the_current_revisions_beside_its_peers_median_average_and_best()
    {
        await using var host = await PublishedWorld.StartAsync(infrastructure, "dash-unit");

        var dashboard = (await host.Client(PublishedWorld.LaoCaiReviewer)
            .GetFromJsonAsync<UnitDashboard>("/api/reporting/dashboards/units/lao-cai?from=2026-10&to=2026-11", Ct))!;

        Assert.Equal(("lao-cai", "Tỉnh Lào Cai", "provinces", "Tỉnh, thành phố trực thuộc Trung ương"),
            (dashboard.Unit, dashboard.UnitName, dashboard.PeerGroup, dashboard.PeerGroupName));
        Assert.Equal(["A", "B", "C", "D", "E"], dashboard.Groups.Select(g => g.Code));
        Assert.Equal("Vai trò người đứng đầu", dashboard.Groups[4].Name);
        Assert.Equal(15m, dashboard.Groups[4].Max);

        Assert.Equal(["2026-10", "2026-11"], dashboard.Months.Select(m => m.Period));
        var october = dashboard.Months[0];
        // October: 88 and 75 reported (Thanh Hóa did not): median = average = (88 + 75) / 2 = 81.5, best 88.
        Assert.Equal(("Tháng 10/2026", true, 88m, "A", 1, 2), (october.PeriodName, october.Reported, october.Total, october.Classification, october.Rank, october.Ranked));
        Assert.Equal((81.5m, 81.5m, 88m), (october.PeerMedian, october.PeerAverage, october.PeerBest));
        Assert.Equal(18m, october.Groups["A"]);
        // November is the correction (revision 2: Lào Cai 86, not revision 1's 72): median of 86, 80, 45 = 80;
        // average (86 + 80 + 45) / 3 = 70.333… → 70.33; best 86.
        var november = dashboard.Months[1];
        Assert.Equal((true, 86m, "A", 1, 3), (november.Reported, november.Total, november.Classification, november.Rank, november.Ranked));
        Assert.Equal((80m, 70.33m, 86m), (november.PeerMedian, november.PeerAverage, november.PeerBest));

        // Three peers, by Vietnamese name, totals aligned with the months; a month not reported is blank.
        Assert.Equal(["Thành phố Hà Nội", "Tỉnh Lào Cai", "Tỉnh Thanh Hóa"], dashboard.Peers.Select(p => p.UnitName));
        Assert.Equal([75m, 80m], dashboard.Peers[0].Totals);
        Assert.Equal([88m, 86m], dashboard.Peers[1].Totals);
        Assert.Equal([null, 45m], dashboard.Peers[2].Totals);
    }

    [Fact]
    public async Task A_month_the_unit_did_not_report_shows_no_total_class_rank_or_groups()
    {
        await using var host = await PublishedWorld.StartAsync(infrastructure, "dash-unreported");

        var dashboard = (await host.Client(PublishedWorld.NationalReviewer)
            .GetFromJsonAsync<UnitDashboard>("/api/reporting/dashboards/units/thanh-hoa?to=2026-11", Ct))!;

        var october = dashboard.Months[0];
        Assert.Equal(("2026-10", false, null, null, null), (october.Period, october.Reported, october.Total, october.Classification, october.Rank));
        Assert.Empty(october.Groups);
        Assert.Equal(2, october.Ranked);
        Assert.Equal((true, 45m, "D", 3), (dashboard.Months[1].Reported, dashboard.Months[1].Total, dashboard.Months[1].Classification, dashboard.Months[1].Rank));
    }

    [Fact]
    public async Task A_province_cannot_open_another_provinces_dashboard_but_the_national_level_can()
    {
        await using var host = await PublishedWorld.StartAsync(infrastructure, "dash-scope");

        using var other = await host.Client(PublishedWorld.LaoCaiReviewer).GetAsync("/api/reporting/dashboards/units/ha-noi", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var national = await host.Client(PublishedWorld.NationalReviewer).GetAsync("/api/reporting/dashboards/units/ha-noi", Ct);
        Assert.Equal(HttpStatusCode.OK, national.StatusCode);
        var dashboard = (await national.Content.ReadFromJsonAsync<UnitDashboard>(Ct))!;
        Assert.Equal("Thành phố Hà Nội", dashboard.UnitName);
        using var anonymous = await host.Client().GetAsync("/api/reporting/dashboards/units/lao-cai", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_class_distribution_counts_each_class_per_month_and_the_units_that_did_not_report()
    {
        await using var host = await PublishedWorld.StartAsync(infrastructure, "dash-classes");

        var distribution = (await host.Client(PublishedWorld.LaoCaiReporter)
            .GetFromJsonAsync<ClassDistribution>("/api/reporting/dashboards/classes?peerGroup=provinces&from=2026-01&to=2026-12", Ct))!;

        Assert.Equal("Tỉnh, thành phố trực thuộc Trung ương", distribution.PeerGroupName);
        Assert.Equal([new ClassMonth("2026-10", "Tháng 10/2026", 1, 1, 0, 0, 1), new ClassMonth("2026-11", "Tháng 11/2026", 1, 1, 0, 1, 0)],
            distribution.Months);
        var ministries = (await host.Client(PublishedWorld.LaoCaiReporter)
            .GetFromJsonAsync<ClassDistribution>("/api/reporting/dashboards/classes?peerGroup=ministries", Ct))!;
        Assert.Equal([new ClassMonth("2026-11", "Tháng 11/2026", 1, 0, 0, 0, 0)], ministries.Months);
    }
}
