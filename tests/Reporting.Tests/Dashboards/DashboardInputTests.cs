using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Platform.TestSupport;

namespace Platform.Reporting.Tests.Dashboards;

public sealed class DashboardInputTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/reporting/dashboards/units/lao-cai?from=2026-13&to=11-2026", "from,to", "phải có dạng YYYY-MM")]
    [InlineData("/api/reporting/dashboards/units/lao-cai?from=2026-11&to=2026-10", "from", "không được sau tháng kết thúc")]
    [InlineData("/api/reporting/dashboards/units/lao-cai?framework=khong-co", "framework", "Không có bộ chỉ số")]
    [InlineData("/api/reporting/dashboards/classes?peerGroup=xa-phuong&from=2026-1", "from,peerGroup", "nhóm đơn vị so sánh")]
    [InlineData("/api/reporting/dashboards/leaders?period=thang-11", "period", "Kỳ báo cáo (period)")]
    public async Task Bad_dashboard_input_is_a_vietnamese_400_naming_every_field(string url, string fields, string message)
    {
        await using var host = await ReportingHost.StartAsync(infrastructure, "dash-input");
        await PublishedWorld.DeliverUnitsAsync(host);

        using var response = await host.Client(PublishedWorld.NationalReviewer).GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!;
        Assert.Equal(fields.Split(','), problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(problem.Errors.Values.SelectMany(v => v), m => m.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain("One or more", problem.Title, StringComparison.Ordinal);
    }
}
