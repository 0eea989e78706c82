using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Components.Pages.Reporting;

namespace Platform.Web.Tests.Reporting;

/// <summary>"Tình hình báo cáo": a province's monthly picture, read by names, against a stub gateway.</summary>
public sealed class OverviewPageTests : BunitContext
{
    private const string January = "/api/intake/overview/monthly-4585/2026-01";
    private static readonly DateTimeOffset Due = new(2026, 2, 2, 17, 0, 0, TimeSpan.Zero);
    private static readonly Guid Submitted = Guid.Parse("01a209a7-ca54-7ed2-a09c-10a02809d239");

    private readonly StubGateway _gateway;

    public OverviewPageTests()
    {
        _gateway = this.UseStubGateway();
        // 10:00 on 4 February 2026, Vietnam time: January is the month being reported.
        Services.AddSingleton<TimeProvider>(new FixedTime(new DateTimeOffset(2026, 2, 4, 3, 0, 0, TimeSpan.Zero)));
    }

    private static object Person(string? name, string? email, string relation) => new { name, email, username = (string?)null, relation };

    private static object Report(string unit, string name, string[] keys, string status, bool overdue, object? submittedBy = null,
        DateTimeOffset? submittedAt = null, object[]? contacts = null, Guid? id = null) => new
    {
        reportingUnit = unit, reportingUnitName = name, role = "lead", inputKeys = keys, level = "agency-to-province", dueAt = Due,
        status, overdue, overdueDays = overdue ? 1 : 0, overdueText = overdue ? "quá hạn 1 ngày" : null, late = false,
        submissionId = id, lastSavedAt = submittedAt, lastSavedBy = submittedBy, submittedAt, submittedBy,
        decidedAt = (DateTimeOffset?)null, returnReason = (string?)null, contacts = contacts ?? [],
    };

    private static object LaoCai(params object[] reports) => new
    {
        framework = "monthly-4585", frameworkName = "Chấm điểm hằng tháng …", period = "2026-01", unit = "lao-cai", unitName = "Tỉnh Lào Cai",
        asOf = DateTimeOffset.UnixEpoch,
        inputs = new[]
        {
            new { key = "A.due", label = "Số nhiệm vụ đến hạn trong tháng (Hệ thống 57)", owners = new[] { "lao-cai.so-khcn" } },
            new { key = "D2.rate", label = "Tỷ lệ giải ngân kinh phí KHCN, ĐMST và CĐS", owners = new[] { "lao-cai.so-tc" } },
            new { key = "E1.held", label = "Số cuộc họp đã tổ chức", owners = Array.Empty<string>() },
        },
        reports,
        counts = new Dictionary<string, int> { ["not-started"] = 1, ["submitted"] = 1 },
    };

    [Fact]
    public void The_province_reads_each_agency_by_name_its_inputs_state_lateness_who_submitted_and_whom_to_contact()
    {
        _gateway.SignedIn("lao-cai.reporter", "lao-cai", "Tỉnh Lào Cai", "reporter");
        _gateway.Answer(January, LaoCai(
            Report("lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", ["A.due"], "not-started", overdue: true),
            Report("lao-cai.so-tc", "Sở Tài chính tỉnh Lào Cai", ["D2.rate"], "submitted", overdue: false,
                submittedBy: Person("Nguyễn Thị Hoa", "hoa.nt@stc.laocai.gov.vn", "submitted"),
                submittedAt: new DateTimeOffset(2026, 2, 2, 3, 0, 0, TimeSpan.Zero),
                contacts: [Person("Nguyễn Thị Hoa", "hoa.nt@stc.laocai.gov.vn", "submitted"), Person("Trần Văn Bình", "binh.tv@stc.laocai.gov.vn", "leader")],
                id: Submitted)));

        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=overview-row]").Count));
        Assert.Equal("Tỉnh Lào Cai — kỳ tháng 01/2026", page.Find("[data-testid=overview-title]").TextContent);
        Assert.Equal("Chấm điểm hằng tháng …", page.Find("[data-testid=overview-framework]").TextContent);
        Assert.Equal("2 cơ quan, đơn vị được giao: 1 chưa nhập, 1 đã nộp; 1 quá hạn.", page.Find("[data-testid=overview-summary]").TextContent);
        var science = page.Find("[data-unit='lao-cai.so-khcn']");
        Assert.Contains("Sở Khoa học và Công nghệ tỉnh Lào Cai", science.QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Số nhiệm vụ đến hạn trong tháng (Hệ thống 57)", science.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("lao-cai.so-khcn", science.TextContent, StringComparison.Ordinal);
        Assert.Equal("quá hạn 1 ngày", page.Find("[data-testid='overview-overdue-lao-cai.so-khcn']").TextContent);
        Assert.Equal("Chưa nhập", page.Find("[data-testid='overview-status-lao-cai.so-khcn']").TextContent);
        Assert.Contains("Chưa có ai của đơn vị đăng nhập nền tảng.", page.Find("[data-testid='overview-contacts-lao-cai.so-khcn']").TextContent, StringComparison.Ordinal);
        Assert.Equal("Đã nộp", page.Find("[data-testid='overview-status-lao-cai.so-tc']").TextContent);
        var submitted = page.Find("[data-testid='overview-submitted-lao-cai.so-tc']").TextContent;
        Assert.Contains("10:00 02/02/2026", submitted, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hoa", submitted, StringComparison.Ordinal);
        var contacts = page.Find("[data-testid='overview-contacts-lao-cai.so-tc']");
        Assert.Equal(["mailto:hoa.nt@stc.laocai.gov.vn", "mailto:binh.tv@stc.laocai.gov.vn"], contacts.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Lãnh đạo đơn vị", contacts.TextContent, StringComparison.Ordinal);
        Assert.Contains("Số cuộc họp đã tổ chức", page.Find("[data-testid=overview-unassigned]").TextContent, StringComparison.Ordinal);
        // A reporter is not a reviewer: no review link.
        Assert.Empty(page.FindAll("[data-testid='overview-review-lao-cai.so-tc']"));
    }

    [Fact]
    public void A_reviewer_is_offered_the_review_of_a_handed_in_report()
    {
        _gateway.SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        // Submitted by someone intake has not seen since it began recording people: no name, no e-mail.
        _gateway.Answer(January, LaoCai(Report("lao-cai.so-tc", "Sở Tài chính tỉnh Lào Cai", ["D2.rate"], "submitted", overdue: false,
            submittedBy: Person(null, null, "submitted"), submittedAt: new DateTimeOffset(2026, 2, 2, 3, 0, 0, TimeSpan.Zero), id: Submitted)));

        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Equal($"/tham-dinh/{Submitted}", page.Find("[data-testid='overview-review-lao-cai.so-tc']").GetAttribute("href")));
        Assert.Contains("một cán bộ của đơn vị", page.Find("[data-testid='overview-submitted-lao-cai.so-tc']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_inputs_fold_under_their_indicators_and_every_input_of_the_framework_is_said_so()
    {
        _gateway.SignedIn("lao-cai.leader", "lao-cai", "Tỉnh Lào Cai", "leader");
        _gateway.Answer(January, LaoCai(
            Report("lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", ["A.due", "A.onTime", "D1.total"], "draft", overdue: false),
            Report("lao-cai.vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh Lào Cai", ["A.due", "D2.rate", "E1.held"], "not-started", overdue: false)));

        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("details.owed-inputs-details").Count));
        var summaries = page.FindAll("details.owed-inputs-details summary").Select(s => s.TextContent).ToList();
        Assert.Equal(["A, D1 — 3 chỉ tiêu", "Tất cả 3 chỉ tiêu của khung"], summaries);
        Assert.Contains("Số nhiệm vụ đến hạn trong tháng (Hệ thống 57)", page.Find("[data-unit='lao-cai.so-khcn'] details").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_outside_the_callers_scope_is_refused_in_the_services_words()
    {
        _gateway.SignedIn("thanh-hoa.leader", "thanh-hoa", "Tỉnh Thanh Hóa", "leader");
        _gateway.Problem(January + "?unit=lao-cai", HttpStatusCode.NotFound, "Không tìm thấy", "Không tìm thấy đơn vị 'lao-cai' trong phạm vi của bạn.");

        Services.GetRequiredService<NavigationManager>().NavigateTo("/tinh-hinh-bao-cao?don-vi=lao-cai");
        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("Không tìm thấy đơn vị 'lao-cai' trong phạm vi của bạn.", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=overview]"));
    }

    [Fact]
    public void At_the_national_level_a_ministry_or_province_is_chosen_from_the_units_below()
    {
        _gateway.SignedIn("tw-tham-dinh", "vn", "Việt Nam", "reviewer");
        _gateway.Answer("/api/intake/units/vn", new
        {
            code = "vn", current = new { code = "vn", name = "Việt Nam", kind = "national", parent = (string?)null, peerGroups = Array.Empty<string>(), validFrom = "2025-03-01", revision = 1 },
            history = Array.Empty<object>(),
        });
        _gateway.Answer("/api/intake/units?parent=vn&pageSize=500", new
        {
            items = new[]
            {
                new { code = "btc", name = "Bộ Tài chính", kind = "ministry", parent = "vn", peerGroups = new[] { "ministries" }, validFrom = "2025-03-01", revision = 1 },
                new { code = "lao-cai", name = "Tỉnh Lào Cai", kind = "province", parent = "vn", peerGroups = new[] { "provinces" }, validFrom = "2025-07-01", revision = 1 },
            },
            total = 2, page = 1, pageSize = 500,
        });
        _gateway.Answer(January + "?unit=btc", new
        {
            framework = "monthly-4585", frameworkName = "…", period = "2026-01", unit = "btc", unitName = "Bộ Tài chính", asOf = DateTimeOffset.UnixEpoch,
            inputs = Array.Empty<object>(),
            reports = new[] { Report("btc", "Bộ Tài chính", ["A.due"], "draft", overdue: false) },
            counts = new Dictionary<string, int> { ["draft"] = 1 },
        });

        Services.GetRequiredService<NavigationManager>().NavigateTo("/tinh-hinh-bao-cao?don-vi=btc");
        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=overview-row]")));
        var options = page.FindAll("[data-testid=overview-unit] option");
        Assert.Equal(["Tỉnh Lào Cai", "Bộ Tài chính"], options.Select(o => o.TextContent));
        Assert.True(options[1].HasAttribute("selected"));
    }

    [Fact]
    public void Only_people_who_report_review_or_lead_may_open_it()
    {
        _gateway.SignedIn("quan-tri", "vn", "Việt Nam", "platform-admin");

        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("Không có quyền truy cập", page.Find("h1").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(_gateway.Requests, r => r.PathAndQuery.Contains("/overview/", StringComparison.Ordinal));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
