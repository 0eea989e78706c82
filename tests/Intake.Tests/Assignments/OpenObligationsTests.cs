using System.Net;
using System.Net.Http.Json;
using Platform.Intake.Assignments;
using Platform.Intake.Data;
using Platform.Intake.Submissions;
using Platform.Intake.Tests.Submissions;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Assignments;

/// <summary>
/// "Việc của tôi" across periods: Lào Cai's Department of Finance (D2 of monthly-4585 for the province) reports month
/// after month; on 10 May 2026 the list holds every report it has not finished, overdue first, with how late.
/// </summary>
public sealed class OpenObligationsTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>10:00 on the <paramref name="day"/>th of <paramref name="month"/> 2026, Vietnam time.</summary>
    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_unfinished_report_of_every_month_is_listed_overdue_first_with_how_late()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "openmine");
        using var finance = host.Client(SubmissionsHost.OtherReporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        var (january, march, april, selfReported) = await ReportFourMonthsAsync(host, finance, reviewer);

        host.Time.SetUtcNow(At(5, 10));
        var open = await finance.GetFromJsonAsync<OpenObligations>("/api/intake/assignments/mine/open?framework=monthly-4585", SubmissionCalls.Json, Ct);

        // January returned (due before 3 Feb: 96 days 10 hours ago), April a draft (due before 3 May: 7 days 10 hours),
        // May not started (due before 3 June), the self-report of May, and March awaiting review; February is approved.
        Assert.Equal(
            [
                ("2026-01", "lao-cai", SubmissionStates.Returned, true, 96, "quá hạn 96 ngày"),
                ("2026-04", "lao-cai", SubmissionStates.Draft, true, 7, "quá hạn 7 ngày"),
                ("2026-05", "lao-cai", WhatIOwe.NotStarted, false, 0, null),
                ("2026-05", "lao-cai.so-tc", SubmissionStates.Draft, false, 0, null),
                ("2026-03", "lao-cai", SubmissionStates.Submitted, false, 0, null),
            ],
            open!.Items.Select(i => (i.Period, i.TargetUnit, i.Status, i.Overdue, i.OverdueDays, i.OverdueText)));
        var first = open.Items[0];
        Assert.Equal((january, "Số liệu D2 chưa khớp Hệ thống thông tin Bộ Tài chính.", "03/02/2026 00:00", "Tỉnh Lào Cai"),
            (first.SubmissionId, first.ReturnReason, first.DueAtVietnam, first.TargetName));
        Assert.Equal(["D2.rate"], first.InputKeys);
        Assert.Equal((AssignmentRoles.Lead, "agency-to-province"), (first.Role, first.Level));
        Assert.Equal(april, open.Items[1].SubmissionId);
        Assert.Null(open.Items[2].SubmissionId);
        Assert.Equal((selfReported, "self", 20), (open.Items[3].SubmissionId, open.Items[3].Role, open.Items[3].InputKeys.Count));
        Assert.Equal((march, true), (open.Items[4].SubmissionId, open.Items[4].Late));
        Assert.Equal("lao-cai.so-tc", open.ReportingUnit);
    }

    [Fact]
    public async Task Without_a_framework_every_framework_is_listed_and_periods_before_the_first_version_are_not()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "openall");
        using var finance = host.Client(SubmissionsHost.OtherReporter);
        host.Time.SetUtcNow(At(5, 10));

        var open = await finance.GetFromJsonAsync<OpenObligations>("/api/intake/assignments/mine/open", SubmissionCalls.Json, Ct);

        var periods = open!.Items.Select(i => (i.Framework, i.Period)).ToList();
        // The assignments run from 1 July 2025; monthly-4585 applies from January 2026, the DX index and the QĐ 2244 criteria
        // (yearly, both due before 12 April) from 2025.
        Assert.Equal(
            [("monthly-4585", "2026-01"), ("monthly-4585", "2026-02"), ("monthly-4585", "2026-03"), ("dti-province-405", "2025"),
             ("qd2244-annual", "2025"), ("monthly-4585", "2026-04"), ("monthly-4585", "2026-05"), ("dti-province-405", "2026"),
             ("qd2244-annual", "2026")],
            periods);
        var dti = open.Items.Single(i => i.Framework == "dti-province-405" && i.Period == "2025");
        Assert.Equal(("12/04/2026 00:00", true, "quá hạn 28 ngày"), (dti.DueAtVietnam, dti.Overdue, dti.OverdueText));
        Assert.Equal("Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh", dti.FrameworkName);
        Assert.All(open.Items.Where(i => i.Framework == "monthly-4585"), i => Assert.Equal("Chấm điểm hằng tháng các bộ, ngành, địa phương về thực hiện nhiệm vụ khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số", i.FrameworkName));
    }

    [Fact]
    public async Task An_unknown_framework_is_refused_in_Vietnamese()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "openbad");
        using var finance = host.Client(SubmissionsHost.OtherReporter);

        var response = await finance.GetAsync("/api/intake/assignments/mine/open?framework=khong-co", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Không có khung đánh giá 'khong-co'.", (await response.ProblemAsync()).GetProperty("errors").GetProperty("framework")[0].GetString());
    }

    /// <summary>
    /// January submitted and returned, February approved, March submitted late, April saved as a draft, and in May a
    /// self-report for the department itself (nobody is assigned monthly-4585 for it).
    /// </summary>
    private static async Task<(Guid January, Guid March, Guid April, Guid SelfReported)> ReportFourMonthsAsync(
        ServiceHost<Program, IntakeDbContext> host, HttpClient finance, HttpClient reviewer)
    {
        async Task<SubmissionView> SaveAsync(string period, string target = "lao-cai")
        {
            var response = await finance.PutAsJsonAsync($"/api/intake/submissions/monthly-4585/{period}/{target}",
                new { values = new Dictionary<string, object> { ["D2.rate"] = 0.25 } }, Ct);
            return await response.ReadAsync();
        }

        host.Time.SetUtcNow(At(2, 2));
        var january = await SaveAsync("2026-01");
        await (await finance.ActAsync(january.Id, "submit")).ReadAsync();
        await (await reviewer.ActAsync(january.Id, "return", new { reason = "Số liệu D2 chưa khớp Hệ thống thông tin Bộ Tài chính." })).ReadAsync();

        host.Time.SetUtcNow(At(3, 2));
        var february = await SaveAsync("2026-02");
        await (await finance.ActAsync(february.Id, "submit")).ReadAsync();
        await (await reviewer.ActAsync(february.Id, "approve")).ReadAsync();

        host.Time.SetUtcNow(At(4, 5));
        var march = await SaveAsync("2026-03");
        await (await finance.ActAsync(march.Id, "submit")).ReadAsync();

        host.Time.SetUtcNow(At(5, 2));
        var april = await SaveAsync("2026-04");
        var selfReported = await SaveAsync("2026-05", target: "lao-cai.so-tc");
        return (january.Id, march.Id, april.Id, selfReported.Id);
    }
}
