using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Reports;

namespace Platform.Web.Tests.Reports;

/// <summary>The public publication history and the administrator's read-model page.</summary>
public sealed class PublicAndAdminPagesTests : BunitContext
{
    [Fact]
    public void Anyone_reads_every_revision_with_its_correction_reason_changed_units_and_downloads_without_signing_in()
    {
        var gateway = this.UseStubGateway();
        gateway.Answer("/api/reporting/public/publications?framework=monthly-4585", new[]
        {
            new PublicRevision("monthly-4585", "Chấm điểm hằng tháng", "2026-01", "tháng 01/2026", "provinces", "Tỉnh, thành phố", 2, 1, true,
                new DateTimeOffset(2026, 2, 10, 3, 0, 0, TimeSpan.Zero), "10:00 ngày 10/02/2026", "Cộng 2,5 điểm thưởng cho Tỉnh Lào Cai", ["Tỉnh Lào Cai"]),
            new PublicRevision("monthly-4585", "Chấm điểm hằng tháng", "2026-01", "tháng 01/2026", "provinces", "Tỉnh, thành phố", 1, null, false,
                new DateTimeOffset(2026, 2, 6, 3, 0, 0, TimeSpan.Zero), "10:00 ngày 06/02/2026", null, []),
        });

        var page = Render<PublicHistoryPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=history-row]").Count));
        var rows = page.FindAll("[data-testid=history-row]");
        Assert.Equal("Cộng 2,5 điểm thưởng cho Tỉnh Lào Cai", rows[0].QuerySelector("[data-testid=history-reason]")!.TextContent);
        Assert.Contains("Tỉnh Lào Cai", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("hiện hành", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Công bố lần đầu", rows[1].QuerySelector("[data-testid=history-reason]")!.TextContent);
        Assert.Contains("đã đính chính", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("/api/reporting/public/results/monthly-4585/2026-01/provinces/export?format=csv&revision=1", rows[1].QuerySelector("[data-testid=history-csv]")!.GetAttribute("href"));
        Assert.Equal("/api/reporting/public/results/monthly-4585/2026-01/provinces/export?format=xlsx&revision=2", rows[0].QuerySelector("[data-testid=history-xlsx]")!.GetAttribute("href"));
        Assert.DoesNotContain(gateway.Requests, r => r.PathAndQuery == "/api/me");
    }

    [Fact]
    public void Before_any_publication_the_history_says_so()
    {
        this.UseStubGateway().Answer("/api/reporting/public/publications?framework=monthly-4585", Array.Empty<PublicRevision>());

        var page = Render<PublicHistoryPage>();

        page.WaitForAssertion(() => Assert.Equal("Chưa có kết quả nào được công bố.", page.Find("[data-testid=history-empty]").TextContent));
    }

    [Fact]
    public void The_platform_administrator_sees_the_read_models_events_and_must_confirm_a_rebuild()
    {
        var gateway = this.UseStubGateway().SignedIn("quan-tri", "vn", "Việt Nam", "platform-admin");
        gateway.Answer("/api/reporting/admin/status", new ReadModelStatus(12345, new DateTimeOffset(2026, 2, 6, 3, 0, 0, TimeSpan.Zero),
            [new EventTypeCount("ScoresPublished", 2, new DateTimeOffset(2026, 2, 6, 3, 0, 0, TimeSpan.Zero))],
            new RebuildState(false, new DateTimeOffset(2026, 2, 6, 2, 0, 0, TimeSpan.Zero), "quan-tri", new DateTimeOffset(2026, 2, 6, 2, 3, 0, TimeSpan.Zero),
                98765, 181_500, null)));

        var page = Render<ReportingAdminPage>();

        page.WaitForAssertion(() => Assert.Equal("12.345", page.Find("[data-testid=event-count]").TextContent));
        Assert.Equal("Đã dựng lại từ 98.765 sự kiện trong 181,5 giây, xong lúc 09:03 06/02/2026.", page.Find("[data-testid=rebuild-state]").TextContent.Trim());
        Assert.Contains("10:00 06/02/2026", page.Find("[data-testid=event-types]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=rebuild-form]"));
        Assert.Equal("/quan-tri/bao-cao?xac-nhan=1", page.Find("[data-testid=rebuild-start]").GetAttribute("href"));
        Assert.DoesNotContain(gateway.Requests, r => r.Method == HttpMethod.Post);

        Services.GetRequiredService<NavigationManager>().NavigateTo("/quan-tri/bao-cao?xac-nhan=1");
        var confirming = Render<ReportingAdminPage>();
        confirming.WaitForAssertion(() => Assert.Contains("Xác nhận dựng lại?", confirming.Find("[data-testid=rebuild-form]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_reviewer_cannot_open_the_read_model_administration()
    {
        this.UseStubGateway().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");

        var page = Render<ReportingAdminPage>();

        page.WaitForAssertion(() => Assert.Contains("Không có quyền truy cập", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void The_hub_links_a_reviewer_to_every_report_and_leaves_out_the_administration()
    {
        this.UseStubGateway().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        Services.AddSingleton<TimeProvider>(new February4());

        var page = Render<ReportsHome>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=reports-hub] a")));
        var links = page.FindAll("[data-testid=reports-hub] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/bao-cao/tinh-hinh-nop", "/bao-cao/tinh-hinh-nop/xu-huong", "/bao-cao/xep-hang", "/bao-cao/bieu-do", "/bao-cao/lanh-dao",
            "/bao-cao/chi-so-cds/2025", "/bao-cao/nq57/2026", "/ket-qua/lich-su"], links);
    }
}
