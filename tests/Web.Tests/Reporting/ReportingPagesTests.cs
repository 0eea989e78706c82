using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Components.Pages.Reporting;

namespace Platform.Web.Tests.Reporting;

/// <summary>The reporter's pages against a stub gateway: what they ask intake for and what they make of the answers.</summary>
public sealed class ReportingPagesTests : BunitContext
{
    private const string Mine = "/api/intake/assignments/mine?framework=monthly-4585&period=";
    private static readonly DateTimeOffset JanuaryDue = new(2026, 2, 2, 17, 0, 0, TimeSpan.Zero);
    private static readonly Guid SubmissionId = Guid.Parse("01a209a7-ca54-7ed2-a09c-10a02809d239");

    private readonly StubGateway _gateway;

    public ReportingPagesTests()
    {
        _gateway = this.UseStubGateway();
        _gateway.SignedIn("lao-cai.so-khcn.reporter", "lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "reporter");
    }

    private void Now(DateTimeOffset now) => Services.AddSingleton<TimeProvider>(new FixedTime(now));

    private static object Owed(string period, DateTimeOffset due, string status, string? reason = null, Guid? submission = null, object? previous = null) => new
    {
        framework = "monthly-4585", period, reportingUnit = "lao-cai.so-khcn",
        inputs = new[] { "A.due", "A.onTime", "E3.onTime" }.Select(key => new
        {
            key, label = key, targetUnit = "lao-cai", role = "lead", dueAt = due, status, returnReason = reason,
            submissionId = submission, previousValue = key == "A.due" ? previous : null,
        }),
    };

    private const string Open = "/api/intake/assignments/mine/open";

    [Fact]
    public void My_tasks_lists_every_open_report_of_every_period_by_default_and_keeps_the_period_view_reachable()
    {
        Now(new DateTimeOffset(2026, 2, 10, 3, 0, 0, TimeSpan.Zero));
        _gateway.Answer(Open, new
        {
            reportingUnit = "lao-cai.so-khcn", asOf = DateTimeOffset.UnixEpoch,
            items = new object[]
            {
                new
                {
                    framework = "monthly-4585", frameworkName = "…", period = "2026-01", targetUnit = "lao-cai", targetName = "Tỉnh Lào Cai",
                    role = "lead", inputKeys = new[] { "A.due" }, level = "agency-to-province", dueAt = JanuaryDue, status = "returned",
                    overdue = true, overdueDays = 7, overdueText = (string?)"quá hạn 7 ngày", returnReason = (string?)"Thiếu minh chứng", submissionId = (Guid?)SubmissionId,
                    late = false, submittedAt = (DateTimeOffset?)null,
                },
                new
                {
                    framework = "monthly-4585", frameworkName = "…", period = "2026-02", targetUnit = "lao-cai", targetName = "Tỉnh Lào Cai",
                    role = "lead", inputKeys = new[] { "A.due" }, level = "agency-to-province", dueAt = new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero),
                    status = "not-started", overdue = false, overdueDays = 0, overdueText = (string?)null, returnReason = (string?)null,
                    submissionId = (Guid?)null, late = false, submittedAt = (DateTimeOffset?)null,
                },
            },
        });

        var page = Render<MyTasks>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=open-task]").Count));
        Assert.Equal(["2026-01", "2026-02"], page.FindAll("[data-testid=open-task]").Select(r => r.GetAttribute("data-period")));
        Assert.Contains("Thiếu minh chứng", page.Find("[data-testid='open-return-reason-monthly-4585-2026-01-lao-cai']").TextContent, StringComparison.Ordinal);
        Assert.Single(_gateway.Requests, r => r.PathAndQuery == Open);
        Assert.DoesNotContain(_gateway.Requests, r => r.PathAndQuery.StartsWith(Mine, StringComparison.Ordinal));
        // The per-period view stays one form away, opening on last month.
        // One period picker everywhere: periods by name, never the browser's (English) month field.
        var period = page.Find("select#period");
        Assert.Equal(("2026-01", "Tháng 01/2026"), (period.QuerySelector("option[selected]")!.GetAttribute("value"), period.QuerySelector("option[selected]")!.TextContent));
        Assert.Empty(page.FindAll("input[type=month], input[type=number]"));
        Assert.Equal("/viec-cua-toi", page.Find("[data-testid=period-picker]").GetAttribute("action"));
        Assert.Equal("/tinh-hinh-bao-cao", page.Find("[data-testid=overview-link]").GetAttribute("href"));
    }

    [Fact]
    public void A_framework_narrows_the_open_list_and_an_empty_list_is_said_plainly()
    {
        Now(new DateTimeOffset(2026, 2, 10, 3, 0, 0, TimeSpan.Zero));
        _gateway.Answer(Open + "?framework=dti-province-405", new { reportingUnit = "lao-cai.so-khcn", asOf = DateTimeOffset.UnixEpoch, items = Array.Empty<object>() });

        Services.GetRequiredService<NavigationManager>().NavigateTo("/viec-cua-toi?framework=dti-province-405");
        var page = Render<MyTasks>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=no-open-tasks]")));
        Assert.Empty(page.FindAll("[data-testid=open-tasks]"));
    }

    [Fact]
    public void A_chosen_period_is_asked_for_and_a_returned_report_shows_why()
    {
        Now(new DateTimeOffset(2026, 2, 10, 3, 0, 0, TimeSpan.Zero));
        _gateway.Answer(Mine + "2026-01", Owed("2026-01", JanuaryDue, "returned", reason: "Số nhiệm vụ đến hạn chưa khớp Hệ thống 57.", submission: SubmissionId));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/viec-cua-toi?framework=monthly-4585&period=2026-01");
        var page = Render<MyTasks>();

        page.WaitForAssertion(() => Assert.Equal("Bị trả lại", page.Find("[data-testid='status-lao-cai']").TextContent));
        Assert.Equal("/viec-cua-toi", page.Find("[data-testid=all-open-link]").GetAttribute("href"));
        Assert.Contains("Số nhiệm vụ đến hạn chưa khớp Hệ thống 57.", page.Find("[data-testid='return-reason-lao-cai']").TextContent, StringComparison.Ordinal);
        Assert.Equal("quá hạn 7 ngày 10 giờ", page.Find("[data-testid='countdown-lao-cai']").TextContent);
        Assert.Equal("/excel?framework=monthly-4585&period=2026-01", page.Find("[data-testid=excel-link]").GetAttribute("href"));
    }

    [Fact]
    public void The_service_refusing_the_period_is_shown_in_its_own_words()
    {
        Now(new DateTimeOffset(2026, 2, 10, 3, 0, 0, TimeSpan.Zero));
        _gateway.Problem(Mine + "2026-01", System.Net.HttpStatusCode.BadRequest, "Dữ liệu không hợp lệ",
            errors: new Dictionary<string, string[]> { ["period"] = ["Chưa có lịch báo cáo cho khung 'monthly-4585'."] });

        Services.GetRequiredService<NavigationManager>().NavigateTo("/viec-cua-toi?period=2026-01");
        var page = Render<MyTasks>();

        page.WaitForAssertion(() => Assert.Contains("Chưa có lịch báo cáo", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("table"));
    }

    [Fact]
    public void The_entry_page_fills_the_form_with_the_stored_values_and_shows_the_returned_reason_and_evidence()
    {
        Now(new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero));
        _gateway.Answer(Mine + "2026-01", Owed("2026-01", JanuaryDue, "returned", reason: "Đề nghị bổ sung biên bản.", submission: SubmissionId, previous: 1250));
        _gateway.Answer($"/api/intake/submissions/{SubmissionId}", new
        {
            id = SubmissionId, frameworkId = "monthly-4585", period = "2026-01", reportingUnit = "lao-cai.so-khcn", targetUnit = "lao-cai",
            values = new Dictionary<string, object> { ["A.due"] = 12, ["E3.onTime"] = true, ["C1.records"] = 5 },
            comments = "Số liệu tạm tính", state = "returned", returnReason = "Đề nghị bổ sung biên bản.", late = false, version = 3,
            decidedAt = new DateTimeOffset(2026, 1, 31, 2, 0, 0, TimeSpan.Zero),
        });
        var fileId = Guid.NewGuid();
        _gateway.Answer($"/api/intake/submissions/{SubmissionId}/evidence", new[]
        {
            new { id = fileId, inputKey = "A.due", fileName = "Biên bản.pdf", contentType = "application/pdf", size = 2_500_000, uploadedAt = DateTimeOffset.UnixEpoch, downloadUrl = $"/api/intake/evidence/{fileId}" },
        });

        var page = Render<DataEntry>(p => p.Add(x => x.Framework, "monthly-4585").Add(x => x.Period, "2026-01").Add(x => x.TargetUnit, "lao-cai"));

        page.WaitForAssertion(() => Assert.Equal("12", page.Find("[data-testid='input-A.due']").GetAttribute("value")));
        Assert.Equal("Có", page.Find("[data-testid='input-E3.onTime'] option[selected]").TextContent);
        Assert.Equal(3, page.FindAll(".entry-field").Count);
        Assert.Contains("Đề nghị bổ sung biên bản.", page.Find("[data-testid=return-reason]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1.250", page.Find("[data-testid='previous-A.due']").TextContent, StringComparison.Ordinal);
        Assert.Equal("Số liệu tạm tính", page.Find("#comments").TextContent);
        Assert.Equal($"/api/intake/evidence/{fileId}", page.Find("[data-testid=evidence] a").GetAttribute("href"));
        Assert.Contains("2,4 MB", page.Find("[data-testid=evidence]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=submit]"));
        Assert.NotEmpty(page.FindAll("[data-testid=evidence-form]"));
    }

    [Fact]
    public void A_handed_in_report_opens_read_only_without_save_or_upload()
    {
        Now(new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero));
        _gateway.Answer(Mine + "2026-01", Owed("2026-01", JanuaryDue, "submitted", submission: SubmissionId));
        _gateway.Answer($"/api/intake/submissions/{SubmissionId}", new
        {
            id = SubmissionId, frameworkId = "monthly-4585", period = "2026-01", reportingUnit = "lao-cai.so-khcn", targetUnit = "lao-cai",
            values = new Dictionary<string, object> { ["A.due"] = 12 }, state = "submitted", late = true, version = 4,
            submittedAt = new DateTimeOffset(2026, 2, 1, 2, 0, 0, TimeSpan.Zero),
        });
        _gateway.Answer($"/api/intake/submissions/{SubmissionId}/evidence", Array.Empty<object>());

        var page = Render<DataEntry>(p => p.Add(x => x.Framework, "monthly-4585").Add(x => x.Period, "2026-01").Add(x => x.TargetUnit, "lao-cai"));

        page.WaitForAssertion(() => Assert.Equal("Đã nộp", page.Find("[data-testid=state]").TextContent));
        Assert.Contains("09:00 01/02/2026", page.Find("[data-testid=read-only]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=save]"));
        Assert.Empty(page.FindAll("[data-testid=evidence-form]"));
        Assert.True(page.Find("[data-testid='input-A.due']").HasAttribute("disabled"));
    }

    [Fact]
    public void A_period_no_framework_version_covers_is_told_on_the_entry_page_in_words_without_a_form()
    {
        Now(new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero));

        var page = Render<DataEntry>(p => p.Add(x => x.Framework, "monthly-4585").Add(x => x.Period, "2020-01").Add(x => x.TargetUnit, "lao-cai"));

        page.WaitForAssertion(() => Assert.Equal("Không có khung đánh giá “monthly-4585” áp dụng cho kỳ tháng 01/2020.",
            page.Find("[data-testid=no-framework]").TextContent.Trim()));
        Assert.Contains("lao-cai", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=entry-form]"));
        // Nothing is asked of a framework that does not apply.
        Assert.DoesNotContain(_gateway.Requests, r => r.PathAndQuery.StartsWith(Mine, StringComparison.Ordinal));
    }

    [Fact]
    public void Intake_failing_to_give_the_definition_is_shown_in_its_own_words_not_as_missing()
    {
        Now(new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero));
        _gateway.Problem("/api/intake/frameworks/monthly-4585/in-force/2026-01", System.Net.HttpStatusCode.BadGateway, "Không kết nối được dịch vụ",
            "Hệ thống đang bận hoặc tạm thời không truy cập được. Vui lòng thử lại sau ít phút.");

        var page = Render<DataEntry>(p => p.Add(x => x.Framework, "monthly-4585").Add(x => x.Period, "2026-01").Add(x => x.TargetUnit, "lao-cai"));

        page.WaitForAssertion(() => Assert.Contains("Không kết nối được dịch vụ", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=no-framework]"));
        Assert.Empty(page.FindAll("[data-testid=entry-form]"));
    }

    [Fact]
    public void The_framework_choices_come_from_intake_named_by_their_definitions()
    {
        Now(new DateTimeOffset(2026, 2, 10, 3, 0, 0, TimeSpan.Zero));
        _gateway.Answer(Open, new { reportingUnit = "lao-cai.so-khcn", asOf = DateTimeOffset.UnixEpoch, items = Array.Empty<object>() });

        var page = Render<MyTasks>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("select#framework option").Count));
        Assert.Equal(["dti-province-405", "monthly-4585", "nq57-self-2026", "qd2244-annual"],
            page.FindAll("select#framework option").Select(o => o.GetAttribute("value")));
        Assert.Equal(ShippedDefinitions.Definition("monthly-4585", "2026-01").Name, page.Find("select#framework option[selected]").TextContent);
        Assert.Contains(_gateway.Requests, r => r.PathAndQuery == "/api/intake/frameworks");
    }

    [Fact]
    public void Only_reporters_may_open_the_reporters_pages()
    {
        var gateway = new StubGateway();
        Services.AddSingleton<TimeProvider>(TimeProvider.System);
        this.UseStubGateway(gateway).SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");

        var page = Render<MyTasks>();

        page.WaitForAssertion(() => Assert.Contains("Không có quyền truy cập", page.Find("h1").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Requests, r => r.PathAndQuery.Contains("/assignments/mine", StringComparison.Ordinal));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
