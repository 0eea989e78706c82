using System.Text.Json;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Reporting;

namespace Platform.Web.Tests.Reporting;

public sealed class TaskListTests : BunitContext
{
    // "Trước ngày 03" for January: 00:00 on 3 February in Vietnam is 17:00 UTC on 2 February.
    private static readonly DateTimeOffset Due = new(2026, 2, 2, 17, 0, 0, TimeSpan.Zero);

    private static OwedInput Owed(string key, string target, string status, string? reason = null, object? previous = null) =>
        new(key, key, target, "lead", Due, status, reason, status == ReportStates.NotStarted ? null : Guid.NewGuid(),
            previous is null ? null : JsonSerializer.SerializeToElement(previous));

    private IRenderedComponent<TaskList> RenderTasks(DateTimeOffset now, params OwedInput[] inputs) =>
        Render<TaskList>(p => p
            .Add(t => t.Owed, new OwedInputs("monthly-4585", "2026-01", "lao-cai.so-khcn", inputs))
            .Add(t => t.Now, now)
            .Add(t => t.UnitNames, new Dictionary<string, string> { ["lao-cai"] = "Tỉnh Lào Cai" })
            .Add(t => t.Framework, ShippedDefinitions.View(MonthlyFramework.Id, "2026-01")));

    [Fact]
    public void The_deadline_is_shown_in_Vietnam_time_with_a_countdown_the_browser_can_refresh()
    {
        var tasks = RenderTasks(Due.AddHours(-26), Owed("A.due", "lao-cai", ReportStates.NotStarted), Owed("A.onTime", "lao-cai", ReportStates.NotStarted));

        var row = tasks.Find("[data-testid='task-lao-cai']");
        Assert.Contains("trước 00:00 ngày 03/02/2026", row.TextContent, StringComparison.Ordinal);
        var countdown = tasks.Find("[data-testid='countdown-lao-cai']");
        Assert.Equal("TIME", countdown.TagName);
        Assert.Equal("còn 1 ngày 2 giờ", countdown.TextContent);
        Assert.Equal("2026-02-02T17:00:00Z", countdown.GetAttribute("datetime"));
        Assert.DoesNotContain("overdue", countdown.ClassList);
        Assert.Contains("Tỉnh Lào Cai", row.QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        // One report per target unit, listing its inputs.
        Assert.Single(tasks.FindAll("tbody tr"));
        Assert.Equal(2, row.QuerySelectorAll(".owed-inputs li").Length);
    }

    [Fact]
    public void A_report_not_handed_in_after_the_deadline_is_marked_overdue()
    {
        var tasks = RenderTasks(Due.AddHours(3), Owed("A.due", "lao-cai", ReportStates.Draft));

        var countdown = tasks.Find("[data-testid='countdown-lao-cai']");
        Assert.Equal("quá hạn 3 giờ 0 phút", countdown.TextContent);
        Assert.Contains("overdue", countdown.ClassList);
    }

    [Theory]
    [InlineData(ReportStates.NotStarted, "Chưa nhập", "status-missing", "Nhập liệu", true)]
    [InlineData(ReportStates.Draft, "Bản nháp", "status-draft", "Tiếp tục nhập", true)]
    [InlineData(ReportStates.Submitted, "Đã nộp", "status-submitted", "Xem báo cáo", false)]
    [InlineData(ReportStates.Approved, "Đã duyệt", "status-approved", "Xem báo cáo", false)]
    [InlineData(ReportStates.Returned, "Bị trả lại", "status-returned", "Sửa và nộp lại", true)]
    public void Each_state_reads_in_Vietnamese_and_links_to_the_entry_page(string state, string text, string css, string action, bool countdown)
    {
        var tasks = RenderTasks(Due.AddDays(-1), Owed("A.due", "lao-cai", state, reason: "Thiếu số liệu"));

        var status = tasks.Find("[data-testid='status-lao-cai']");
        Assert.Equal(text, status.TextContent);
        Assert.Contains(css, status.ClassList);
        var link = tasks.Find("[data-testid='open-entry-lao-cai']");
        Assert.Equal("/nhap-lieu/monthly-4585/2026-01/lao-cai", link.GetAttribute("href"));
        Assert.StartsWith(action, link.TextContent, StringComparison.Ordinal);
        Assert.Equal(countdown, tasks.FindAll("[data-testid='countdown-lao-cai']").Count == 1);
    }

    [Fact]
    public void A_returned_report_shows_the_reviewers_reason()
    {
        var tasks = RenderTasks(Due.AddDays(-1),
            Owed("A.due", "lao-cai", ReportStates.Returned, reason: "Số nhiệm vụ đến hạn chưa khớp Hệ thống 57, đề nghị rà soát."),
            Owed("C1.records", "lao-cai.cong-an", ReportStates.Submitted));

        Assert.Equal("Lý do trả lại: Số nhiệm vụ đến hạn chưa khớp Hệ thống 57, đề nghị rà soát.",
            tasks.Find("[data-testid='return-reason-lao-cai']").TextContent.Trim());
        Assert.Empty(tasks.FindAll("[data-testid='return-reason-lao-cai.cong-an']"));
        // A unit whose name is not known is shown by its code.
        Assert.Contains("lao-cai.cong-an", tasks.Find("[data-testid='task-lao-cai.cong-an'] th").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Last_periods_approved_value_is_listed_with_each_owed_input()
    {
        var tasks = RenderTasks(Due.AddDays(-1), Owed("C1.records", "lao-cai", ReportStates.NotStarted, previous: 12500));

        Assert.Contains("kỳ trước: 12.500", tasks.Find(".owed-inputs li").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_owed_is_said_plainly()
    {
        var tasks = RenderTasks(Due.AddDays(-1));

        Assert.Contains("không được giao chỉ tiêu nào", tasks.Find("[data-testid=no-tasks]").TextContent, StringComparison.Ordinal);
        Assert.Empty(tasks.FindAll("table"));
    }
}
