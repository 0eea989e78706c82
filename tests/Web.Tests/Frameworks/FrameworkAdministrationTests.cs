using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Admin;

namespace Platform.Web.Tests.Frameworks;

/// <summary>The framework administration's list and version pages, against intake's framework routes over the shipped versions.</summary>
public sealed class FrameworkAdministrationTests : BunitContext
{
    private static readonly FrameworkDefinition Monthly = ShippedDefinitions.Definition(MonthlyFramework.Id, "2026-01");

    private readonly StubGateway _gateway;

    public FrameworkAdministrationTests() => _gateway = this.UseStubGateway();

    private static FrameworkVersionSummary Summary(FrameworkDefinition d, string? effectiveTo = null, string source = "shipped",
        string? by = null, DateTimeOffset? at = null) =>
        new(d.Id, d.Version, d.Name, d.PeriodType, d.EffectiveFrom, effectiveTo, d.LegalBasis, d.MaxPoints, d.Unscored, source, by, at);

    [Fact]
    public void The_list_names_each_framework_and_its_versions_with_periods_and_decisions_as_people_read_them()
    {
        _gateway.SignedIn("khung-chi-so", "vn", "Việt Nam", "framework-admin");

        var page = Render<FrameworksPage>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=framework]").Count));
        var monthly = page.Find("[data-framework=monthly-4585]");
        Assert.Equal(Monthly.Name, monthly.QuerySelector("h2")!.TextContent);
        var row = monthly.QuerySelector("[data-testid=framework-version-row]")!;
        Assert.Equal("01/2026", row.QuerySelector("[data-testid=effective-from]")!.TextContent);
        Assert.Equal("đang áp dụng", row.QuerySelector("[data-testid=effective-to]")!.TextContent);
        Assert.Equal("Quyết định số 4585/QĐ-BKHCN ngày 30/12/2025", row.QuerySelector("[data-testid=legal-basis]")!.TextContent);
        Assert.Contains("Có sẵn trong nền tảng", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("/quan-tri/khung-chi-so/monthly-4585?phien-ban=4585%2FQ%C4%90-BKHCN%20%2830%2F12%2F2025%29",
            row.QuerySelector("a")!.GetAttribute("href"));
        // A yearly framework reads its year; a catalogue without points says so.
        Assert.Equal("2025", page.Find("[data-framework=qd2244-annual] [data-testid=effective-from]").TextContent);
        Assert.Contains("không chấm điểm", page.Find("[data-framework=qd2244-annual] [data-testid=framework-version-row]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/quan-tri/khung-chi-so/tai-len", page.Find("[data-testid=upload-link]").GetAttribute("href"));
    }

    [Fact]
    public void A_newer_uploaded_version_ends_the_one_before_and_says_who_recorded_it()
    {
        _gateway.SignedIn("khung-chi-so", "vn", "Việt Nam", "framework-admin");
        var next = Monthly with { Version = "4585-sửa-đổi (01/06/2026)", EffectiveFrom = "2026-07", LegalBasis = new LegalBasis("Quyết định số 1234/QĐ-BKHCN", "2026-06-01") };
        _gateway.Answer(FrameworkClient.ListPath, new[]
        {
            Summary(Monthly, effectiveTo: "2026-06"),
            Summary(next, source: "uploaded", by: "khung-chi-so", at: new DateTimeOffset(2026, 6, 2, 2, 30, 0, TimeSpan.Zero)),
        });

        var page = Render<FrameworksPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=framework-version-row]").Count));
        var rows = page.FindAll("[data-testid=framework-version-row]");
        Assert.Equal("06/2026", rows[0].QuerySelector("[data-testid=effective-to]")!.TextContent);
        Assert.Equal("07/2026", rows[1].QuerySelector("[data-testid=effective-from]")!.TextContent);
        Assert.Equal("Quyết định số 1234/QĐ-BKHCN ngày 01/06/2026", rows[1].QuerySelector("[data-testid=legal-basis]")!.TextContent);
        Assert.Contains("Tải lên bởi khung-chi-so lúc 09:30 02/06/2026", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_platform_administrator_reads_the_frameworks_without_uploading_and_a_reporter_may_not_open_them()
    {
        _gateway.SignedIn("quan-tri", "vn", "Việt Nam", "platform-admin");
        var page = Render<FrameworksPage>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=framework]").Count));
        Assert.Empty(page.FindAll("[data-testid=upload-link]"));

        var gateway = new StubGateway();
        using var other = new BunitContext();
        other.UseStubGateway(gateway).SignedIn("lao-cai.reporter", "lao-cai", "Tỉnh Lào Cai", "reporter");
        var refused = other.Render<FrameworksPage>();
        refused.WaitForAssertion(() => Assert.Contains("Không có quyền truy cập", refused.Find("h1").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Requests, r => r.PathAndQuery.StartsWith(FrameworkClient.ListPath, StringComparison.Ordinal));
    }

    [Fact]
    public void A_version_reads_as_its_facts_classes_groups_with_points_and_the_inputs_with_what_they_count_towards()
    {
        _gateway.SignedIn("khung-chi-so", "vn", "Việt Nam", "framework-admin");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/quan-tri/khung-chi-so/monthly-4585");

        var page = Render<FrameworkVersionPage>(p => p.Add(x => x.Framework, MonthlyFramework.Id));

        page.WaitForAssertion(() => Assert.Equal(Monthly.Version, page.Find("[data-testid=framework-version]").TextContent));
        Assert.Equal("Từ kỳ 01/2026, đang áp dụng", page.Find("[data-testid=framework-effective]").TextContent);
        Assert.StartsWith("Quyết định số 4585/QĐ-BKHCN ngày 30/12/2025", page.Find("[data-testid=framework-legal-basis]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("100 điểm", page.Find("[data-testid=framework-max]").TextContent);
        Assert.Equal(["A", "B", "C", "D"], page.FindAll("[data-testid=framework-classes] tbody tr").Select(r => r.GetAttribute("data-code")));
        Assert.Contains("Xuất sắc", page.Find("[data-testid=framework-classes] tr[data-code=A]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["A", "B", "C", "D", "E"], page.FindAll("section[data-testid=framework-group]").Select(g => g.GetAttribute("data-code")));
        Assert.Contains("tối đa 20 điểm", page.Find("section[data-testid=framework-group][data-code=A] h3").TextContent, StringComparison.Ordinal);
        var a1 = page.Find("[data-testid=framework-indicator][data-code=A1]");
        Assert.Contains(ShippedDefinitions.Compiled(MonthlyFramework.Id, "2026-01").Indicators.Single(i => i.Code == "A1").Definition.Name, a1.TextContent, StringComparison.Ordinal);
        Assert.Equal(20, page.FindAll("[data-testid=framework-input]").Count);
        Assert.Equal("A1, A2, A3", page.Find("[data-testid=framework-input][data-key='A.due'] td:last-child").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=framework-checks] li"));
        // The changes route is not answered here: the definition still stands.
        Assert.Empty(page.FindAll("[data-testid=changes]"));
    }

    [Fact]
    public void A_version_after_another_shows_its_changes_against_it_grouped_and_in_words()
    {
        _gateway.SignedIn("khung-chi-so", "vn", "Việt Nam", "framework-admin");
        var version = Summary(Monthly);
        var earlier = version with { Version = "trước", EffectiveFrom = "2025-01", EffectiveTo = "2025-12" };
        _gateway.Answer($"{FrameworkClient.VersionPath(MonthlyFramework.Id, Monthly.Version)}/changes", new FrameworkVersionChanges(version, earlier,
        [
            new("changed", "class", "A", "Xuất sắc", "min", "85", "80", "Xếp loại A (Xuất sắc): ngưỡng điểm 85 → 80."),
            new("added", "indicator", "A4", "Chỉ tiêu mới", null, null, "Chỉ tiêu mới", "Thêm chỉ tiêu A4 (Chỉ tiêu mới)."),
        ]));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/quan-tri/khung-chi-so/monthly-4585?phien-ban=" + Uri.EscapeDataString(Monthly.Version));

        var page = Render<FrameworkVersionPage>(p => p.Add(x => x.Framework, MonthlyFramework.Id));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=change]").Count));
        Assert.Contains("Thay đổi so với phiên bản “trước”", page.Find("#thay-doi").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Xếp loại (1)", "Chỉ tiêu (1)"], page.FindAll("[data-testid=changes] h3").Select(h => h.TextContent));
        Assert.Equal("Sửa Xếp loại A (Xuất sắc): ngưỡng điểm 85 → 80.", Normalise(page.Find("[data-testid=change][data-subject=class]").TextContent));
        Assert.Equal("Thêm Thêm chỉ tiêu A4 (Chỉ tiêu mới).", Normalise(page.Find("[data-testid=change][data-subject=indicator]").TextContent));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
