using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Reporting;

namespace Platform.Web.Tests.Reporting;

/// <summary>"Việc của tôi" across periods: what the reporter reads in each row of the open obligations.</summary>
public sealed class OpenTaskListTests : BunitContext
{
    // 10:00 on 10 May 2026 in Vietnam.
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 3, 0, 0, TimeSpan.Zero);

    /// <summary>"Trước ngày 03" of the month after <paramref name="period"/>: 00:00 Vietnam = 17:00 UTC the day before.</summary>
    private static DateTimeOffset DueOf(string period)
    {
        var month = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(1);
        return new DateTimeOffset(month.Year, month.Month, 2, 17, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The name intake gives the framework: its definition's.</summary>
    private static readonly string MonthlyName = ShippedDefinitions.Definition(MonthlyFramework.Id, "2026-01").Name;

    private static OpenObligation Item(string period, string status, bool overdue, string? reason = null, string role = "lead",
        string target = "lao-cai", string targetName = "Tỉnh Lào Cai", DateTimeOffset? submittedAt = null, bool late = false) =>
        new(MonthlyFramework.Id, MonthlyName, period, target, targetName, role, ["D2.rate"], "agency-to-province", DueOf(period), status,
            overdue, overdue ? (int)(Now - DueOf(period)).TotalDays : 0, overdue ? "quá hạn …" : null, reason,
            status == ReportStates.NotStarted ? null : Guid.NewGuid(), late, submittedAt);

    private IRenderedComponent<OpenTaskList> RenderList(params OpenObligation[] items) =>
        Render<OpenTaskList>(p => p.Add(t => t.Open, new OpenObligations("lao-cai.so-tc", Now, items)).Add(t => t.Now, Now));

    [Fact]
    public void Rows_keep_intakes_order_and_an_overdue_returned_report_shows_how_late_and_why()
    {
        var list = RenderList(
            Item("2026-01", ReportStates.Returned, overdue: true, reason: "Số liệu D2 chưa khớp Hệ thống thông tin Bộ Tài chính."),
            Item("2026-04", ReportStates.Draft, overdue: true),
            Item("2026-05", ReportStates.NotStarted, overdue: false),
            Item("2026-03", ReportStates.Submitted, overdue: false, submittedAt: new DateTimeOffset(2026, 4, 5, 3, 0, 0, TimeSpan.Zero), late: true));

        var rows = list.FindAll("[data-testid=open-task]");
        Assert.Equal(["2026-01", "2026-04", "2026-05", "2026-03"], rows.Select(r => r.GetAttribute("data-period")));
        Assert.Equal(["overdue-row", "overdue-row", null, null], rows.Select(r => r.GetAttribute("class")));
        Assert.Contains("Báo cáo chưa hoàn thành (4), trong đó 2 báo cáo quá hạn", list.Find("caption").TextContent, StringComparison.Ordinal);
        var january = rows[0];
        Assert.Contains("tháng 01/2026", january.QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(MonthlyName, january.QuerySelector("th .framework-name")!.TextContent);
        Assert.Contains("Tỉnh Lào Cai", january.TextContent, StringComparison.Ordinal);
        Assert.Contains("trước 00:00 ngày 03/02/2026", january.TextContent, StringComparison.Ordinal);
        var countdown = list.Find("[data-testid='open-countdown-monthly-4585-2026-01-lao-cai']");
        Assert.Equal("quá hạn 96 ngày 10 giờ", countdown.TextContent);
        Assert.Contains("overdue", countdown.ClassList);
        Assert.Equal("Bị trả lại", list.Find("[data-testid='open-status-monthly-4585-2026-01-lao-cai']").TextContent);
        Assert.Contains("Số liệu D2 chưa khớp", list.Find("[data-testid='open-return-reason-monthly-4585-2026-01-lao-cai']").TextContent, StringComparison.Ordinal);
        var fix = list.Find("[data-testid='open-entry-monthly-4585-2026-01-lao-cai']");
        Assert.Equal(("/nhap-lieu/monthly-4585/2026-01/lao-cai", "Sửa và nộp lại"), (fix.GetAttribute("href"), fix.FirstChild!.TextContent));
    }

    [Fact]
    public void A_report_awaiting_review_shows_when_it_was_handed_in_and_no_countdown()
    {
        var list = RenderList(Item("2026-03", ReportStates.Submitted, overdue: false, submittedAt: new DateTimeOffset(2026, 4, 5, 3, 0, 0, TimeSpan.Zero), late: true));

        var row = list.Find("[data-testid=open-task]");
        Assert.Contains("chờ thẩm định, nộp lúc 10:00 05/04/2026 (nộp muộn)", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(list.FindAll("time.countdown"));
        Assert.Equal("Xem báo cáo", list.Find("[data-testid='open-entry-monthly-4585-2026-03-lao-cai']").FirstChild!.TextContent);
    }

    [Fact]
    public void A_report_started_without_an_assignment_says_so()
    {
        var list = RenderList(Item("2026-05", ReportStates.Draft, overdue: false, role: OpenTaskList.SelfReported,
            target: "lao-cai.so-tc", targetName: "Sở Tài chính tỉnh Lào Cai"));

        var target = list.Find("[data-testid=open-task] td").TextContent;
        Assert.Contains("Sở Tài chính tỉnh Lào Cai", target, StringComparison.Ordinal);
        Assert.Contains("(tự báo cáo, không theo phân công)", target, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_left_to_do_is_said_plainly()
    {
        var list = RenderList();

        Assert.Contains("không có báo cáo nào đang phải nộp hoặc sửa", list.Find("[data-testid=no-open-tasks]").TextContent, StringComparison.Ordinal);
        Assert.Empty(list.FindAll("table"));
    }
}
