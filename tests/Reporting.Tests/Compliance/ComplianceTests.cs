using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Platform.Reporting.Compliance;
using Platform.TestSupport;
using static Platform.Reporting.Tests.Compliance.ComplianceWorld;

namespace Platform.Reporting.Tests.Compliance;

public sealed class ComplianceTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Path = $"/api/reporting/compliance/{Framework}/{Period}";

    private static async Task<T> GetAsync<T>(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<T>(Ct))!;
    }

    [Fact]
    public async Task Who_is_late_lists_the_provinces_unreported_and_late_reports_overdue_first_in_Vietnamese_name_order()
    {
        await using var host = await StartAsync(infrastructure, "cmp-late");
        await NovemberAsync(host);

        var report = await GetAsync<ComplianceReport>(host.Client(LaoCaiReviewer), Path + "?status=overdue");

        Assert.Equal((LaoCai, "Tỉnh Lào Cai", "Tháng 11/2026", 4, 1, 50), (report.Unit, report.UnitName, report.PeriodName, report.Total, report.Page, report.PageSize));
        // Đ sorts after D and before S in Vietnamese (ordinal order would put "Đài" last).
        Assert.Equal([
            ("Đài Phát thanh và Truyền hình tỉnh Lào Cai", "not-reported", "Chưa báo cáo", (string?)null, (int?)2),
            ("Sở Công Thương tỉnh Lào Cai", "not-reported", "Chưa báo cáo", null, 2),
            ("Sở Xây dựng tỉnh Lào Cai", "not-reported", "Chưa báo cáo", "Bị trả lại", 2),
            ("Sở Y tế tỉnh Lào Cai", "late", "Nộp muộn", "Chờ thẩm định", 1),
        ], report.Lines.Select(l => (l.ReportingUnitName, l.Status, l.StatusName, l.ReviewStateName, l.DaysLate)).ToList());
        var late = report.Lines[3];
        Assert.Equal(("Tỉnh Lào Cai", "05/12/2026 17:00", "06/12/2026 08:00", "Chủ trì"), (late.TargetUnitName, late.DueAtVietnam, late.SubmittedAtVietnam, late.RoleName));
        Assert.NotNull(report.AsOf);

        var deadline = Assert.Single(report.Deadlines, d => d.Level == AgencyLevel);
        Assert.Equal(("Cơ quan, đơn vị báo cáo tỉnh", "Tỉnh Lào Cai", "05/12/2026 17:00"), (deadline.LevelName, deadline.OverseeingUnitName, deadline.DueAtVietnam));
    }

    [Fact]
    public async Task Totals_count_every_status_nationally_and_only_the_province_subtree_for_a_province()
    {
        await using var host = await StartAsync(infrastructure, "cmp-totals");
        await NovemberAsync(host);

        var national = await GetAsync<ComplianceReport>(host.Client(NationalReviewer), Path);
        // 6 agencies of Lào Cai + 3 reports to the centre; on time: Tài chính, Nội vụ, Đồng Nai; late: Y tế; not reported:
        // Công Thương, Đài PTTH, Xây dựng (returned); not yet due: Lào Cai, Bộ Tài chính. On time 3 of 7 due = 0.4286.
        Assert.Equal(new ComplianceTotals(9, 3, 1, 3, 2, 2, 2, 1, 0.4286m), national.Totals);
        Assert.Equal((Root, 9), (national.Unit, national.Total));
        Assert.Equal(["Cơ quan, đơn vị báo cáo tỉnh", "Báo cáo về Trung ương"], national.Deadlines.Select(d => d.LevelName).ToList());

        var province = await GetAsync<ComplianceReport>(host.Client(NationalReviewer), Path + "?unit=lao-cai");
        // The six agencies and Lào Cai's own report to the centre: on time 2 of 6 due.
        Assert.Equal(new ComplianceTotals(7, 2, 1, 3, 1, 1, 2, 1, 0.3333m), province.Totals);
        Assert.Equal(province.Totals, (await GetAsync<ComplianceReport>(host.Client(LaoCaiLeader), Path)).Totals);

        var notYetDue = await GetAsync<ComplianceReport>(host.Client(NationalReviewer), Path + "?status=not-yet-due&level=to-national");
        Assert.Equal(["Bộ Tài chính", "Tỉnh Lào Cai"], notYetDue.Lines.Select(l => l.ReportingUnitName).ToList());
        Assert.All(notYetDue.Lines, l => Assert.Equal(("Chưa đến hạn", (int?)null, "Cả nước"), (l.StatusName, l.DaysLate, l.OverseeingUnitName)));
    }

    [Fact]
    public async Task A_report_dropped_by_a_later_announcement_is_no_longer_owed_and_one_handed_in_before_the_announcement_counts()
    {
        await using var host = await StartAsync(infrastructure, "cmp-reannounce");
        await NovemberAsync(host);

        var all = await GetAsync<ComplianceReport>(host.Client(LaoCaiReviewer), Path + "?level=agency-to-province&pageSize=100");
        Assert.DoesNotContain(all.Lines, l => l.ReportingUnit == "lao-cai.sgt");
        Assert.Equal(6, all.Total);
        var finance = Assert.Single(all.Lines, l => l.ReportingUnit == "lao-cai.stc");
        Assert.Equal(("on-time", "approved", "03/12/2026 09:00"), (finance.Status, finance.ReviewState, finance.SubmittedAtVietnam));

        var byUnit = await GetAsync<ComplianceByUnit>(host.Client(LaoCaiReviewer), Path + "/by-unit");
        Assert.DoesNotContain(byUnit.Units, u => u.Unit == "lao-cai.sgt");
    }

    [Fact]
    public async Task An_approval_that_arrives_before_its_submission_counts_on_time_and_still_does_once_the_submission_arrives()
    {
        await using var host = await StartAsync(infrastructure, "cmp-order");
        await NovemberAsync(host, homeAffairsApproved: false);
        var client = host.Client(LaoCaiReviewer);
        var url = Path + "?q=noi vu";

        Assert.Equal(("not-reported", (string?)null), (await GetAsync<ComplianceReport>(client, url)).Lines.Select(l => (l.Status, l.ReviewState)).Single());
        await HomeAffairsApprovedAsync(host);
        var approved = (await GetAsync<ComplianceReport>(client, url)).Lines.Single();
        Assert.Equal(("on-time", "approved", "04/12/2026 10:00"), (approved.Status, approved.ReviewState, approved.SubmittedAtVietnam));
        await HomeAffairsSubmittedAsync(host);
        var both = (await GetAsync<ComplianceReport>(client, url)).Lines.Single();
        Assert.Equal(("on-time", "approved", "03/12/2026 10:00", (int?)null), (both.Status, both.ReviewState, both.SubmittedAtVietnam, both.DaysLate));
    }

    [Fact]
    public async Task Search_ignores_case_and_diacritics_and_the_list_pages()
    {
        await using var host = await StartAsync(infrastructure, "cmp-search");
        await NovemberAsync(host);
        var client = host.Client(NationalReviewer);

        Assert.Equal(["Sở Tài chính tỉnh Lào Cai"], (await GetAsync<ComplianceReport>(client, Path + "?q=SO%20TAI%20chinh")).Lines.Select(l => l.ReportingUnitName));
        Assert.Equal(["Tỉnh Đồng Nai"], (await GetAsync<ComplianceReport>(client, Path + "?q=dong%20nai")).Lines.Select(l => l.ReportingUnitName));
        Assert.Equal(["Tỉnh Đồng Nai"], (await GetAsync<ComplianceReport>(client, Path + "?q=%C4%90%E1%BB%92NG")).Lines.Select(l => l.ReportingUnitName));
        Assert.Equal(["Đài Phát thanh và Truyền hình tỉnh Lào Cai"], (await GetAsync<ComplianceReport>(client, Path + "?q=phat%20THANH")).Lines.Select(l => l.ReportingUnitName));

        var second = await GetAsync<ComplianceReport>(client, Path + "?status=overdue&page=2&pageSize=3");
        Assert.Equal((4, 2, 3), (second.Total, second.Page, second.PageSize));
        Assert.Equal(["Sở Y tế tỉnh Lào Cai"], second.Lines.Select(l => l.ReportingUnitName));
    }

    [Fact]
    public async Task A_province_sees_only_its_subtree_another_province_is_not_found_and_a_reporter_is_refused()
    {
        await using var host = await StartAsync(infrastructure, "cmp-scope");
        await NovemberAsync(host);

        var own = await GetAsync<ComplianceReport>(host.Client(LaoCaiReviewer), Path + "?pageSize=100");
        Assert.All(own.Lines, l => Assert.True(l.ReportingUnit == LaoCai || l.ReportingUnit.StartsWith("lao-cai.", StringComparison.Ordinal)));
        Assert.DoesNotContain(own.Lines, l => l.ReportingUnit == DongNai);

        foreach (var url in new[] { Path + "?unit=dong-nai", Path + "/by-unit?unit=dong-nai", Path + "/export?format=xlsx&unit=dong-nai",
                     $"/api/reporting/compliance/{Framework}/trend?unit=dong-nai" })
        {
            using var other = await host.Client(LaoCaiReviewer).GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            Assert.Equal("Không tìm thấy đơn vị này trong phạm vi bạn được xem.", (await other.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail);
        }
        foreach (var url in new[] { Path, Path + "/by-unit", Path + "/export?format=xlsx", $"/api/reporting/compliance/{Framework}/trend" })
        {
            using var reporter = await host.Client(LaoCaiReporter).GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
        }
        using var anonymous = await host.Client().GetAsync(Path, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Bad_query_input_is_answered_400_in_Vietnamese_naming_every_field_at_once()
    {
        await using var host = await StartAsync(infrastructure, "cmp-input");
        var client = host.Client(NationalReviewer);

        using var response = await client.GetAsync($"/api/reporting/compliance/{Framework}/2026-13?status=tre&level=xa&page=0&pageSize=abc", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!;
        Assert.Equal("Dữ liệu không hợp lệ", problem.Title);
        Assert.Equal(["level", "page", "pageSize", "period", "status"], problem.Errors.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.StartsWith("Kỳ báo cáo \"2026-13\" không đúng định dạng", problem.Errors["period"][0]);
        Assert.StartsWith("Tình trạng \"tre\" không tồn tại", problem.Errors["status"][0]);
        Assert.Contains("từ 1 đến 500", problem.Errors["pageSize"][0]);

        using var export = await client.GetAsync($"/api/reporting/compliance/{Framework}/11-2026/export?format=docx&status=muon", Ct);
        var exportProblem = (await export.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!;
        Assert.Equal(["format", "period", "status"], exportProblem.Errors.Keys.Order(StringComparer.Ordinal).ToList());

        using var trend = await client.GetAsync($"/api/reporting/compliance/{Framework}/trend?from=2026-11&to=2026-02", Ct);
        var trendProblem = (await trend.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!;
        Assert.Equal("Kỳ bắt đầu (Tháng 11/2026) phải không sau kỳ kết thúc (Tháng 02/2026).", Assert.Single(trendProblem.Errors["from"]));

        using var unknown = await client.GetAsync($"/api/reporting/compliance/khong-co/{Period}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Không tìm thấy bộ chỉ số \"khong-co\".", (await unknown.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail);
    }

    [Fact]
    public async Task By_unit_gives_one_row_per_reporting_unit_of_the_scope_in_Vietnamese_order()
    {
        await using var host = await StartAsync(infrastructure, "cmp-byunit");
        await NovemberAsync(host);

        var byUnit = await GetAsync<ComplianceByUnit>(host.Client(LaoCaiReviewer), Path + "/by-unit");

        Assert.Equal(("Tỉnh Lào Cai", "Tháng 11/2026"), (byUnit.UnitName, byUnit.PeriodName));
        Assert.Equal([
            new UnitComplianceRow("lao-cai.ptth", "Đài Phát thanh và Truyền hình tỉnh Lào Cai", 1, 0, 0, 1, 0, 0, 0, 0),
            new UnitComplianceRow("lao-cai.sct", "Sở Công Thương tỉnh Lào Cai", 1, 0, 0, 1, 0, 0, 0, 0),
            new UnitComplianceRow("lao-cai.snv", "Sở Nội vụ tỉnh Lào Cai", 1, 1, 0, 0, 0, 1, 0, 0),
            new UnitComplianceRow("lao-cai.stc", "Sở Tài chính tỉnh Lào Cai", 1, 1, 0, 0, 0, 1, 0, 0),
            new UnitComplianceRow("lao-cai.sxd", "Sở Xây dựng tỉnh Lào Cai", 1, 0, 0, 1, 0, 0, 0, 1),
            new UnitComplianceRow("lao-cai.syt", "Sở Y tế tỉnh Lào Cai", 1, 0, 1, 0, 0, 0, 1, 0),
            new UnitComplianceRow(LaoCai, "Tỉnh Lào Cai", 1, 0, 0, 0, 1, 0, 0, 0),
        ], byUnit.Units);
    }

    [Fact]
    public async Task The_trend_gives_each_units_on_time_rate_over_the_periods_with_obligations()
    {
        await using var host = await StartAsync(infrastructure, "cmp-trend");
        await NovemberAsync(host);
        // October: Tài chính on time, Y tế never reported (deadline 05/11).
        await AnnounceAsync(host, Framework, "2026-10", AgencyLevel, LaoCai, Vn(2026, 11, 5, 17), 1, ["lao-cai.stc", "lao-cai.syt"], _ => LaoCai);
        await SubmittedAsync(host, Guid.NewGuid(), "lao-cai.stc", LaoCai, false, Vn(2026, 11, 4, 9), period: "2026-10");

        var trend = await GetAsync<ComplianceTrend>(host.Client(LaoCaiReviewer), $"/api/reporting/compliance/{Framework}/trend");

        Assert.Equal(["2026-10", "2026-11"], trend.Periods);
        Assert.Equal(["Tháng 10/2026", "Tháng 11/2026"], trend.PeriodNames);
        var finance = Assert.Single(trend.Units, u => u.Unit == "lao-cai.stc");
        Assert.Equal([new PeriodCompliance("2026-10", 1, 1, 0, 0), new PeriodCompliance("2026-11", 1, 1, 0, 0)], finance.Periods);
        Assert.Equal(1m, finance.OnTimeRate);
        var health = Assert.Single(trend.Units, u => u.Unit == "lao-cai.syt");
        Assert.Equal([new PeriodCompliance("2026-10", 1, 0, 0, 1), new PeriodCompliance("2026-11", 1, 0, 1, 0)], health.Periods);
        Assert.Equal(0m, health.OnTimeRate);
        var radio = Assert.Single(trend.Units, u => u.Unit == "lao-cai.ptth");
        Assert.Equal([new PeriodCompliance("2026-10", 0, 0, 0, 0), new PeriodCompliance("2026-11", 1, 0, 0, 1)], radio.Periods);
        Assert.Equal("Đài Phát thanh và Truyền hình tỉnh Lào Cai", trend.Units[0].UnitName);
        Assert.Null(Assert.Single(trend.Units, u => u.Unit == LaoCai).OnTimeRate);

        var november = await GetAsync<ComplianceTrend>(host.Client(LaoCaiReviewer), $"/api/reporting/compliance/{Framework}/trend?from=2026-11&to=2026-11");
        Assert.Equal(["2026-11"], november.Periods);
    }
}
