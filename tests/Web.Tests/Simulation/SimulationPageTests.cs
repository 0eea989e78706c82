using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Simulation;

namespace Platform.Web.Tests.Simulation;

/// <summary>The what-if page (<c>/mo-phong</c>): only framework administrators; a run shows the "MÔ PHỎNG" banner and every unit side by side.</summary>
public sealed class SimulationPageTests : BunitContext
{
    private const string Shipped = "4585/QĐ-BKHCN (30/12/2025)";

    /// <summary>The answer of the hand-worked reweighting (MonthlyScoring.Tests' SimulationTests), with Hà Giang not reporting.</summary>
    private static readonly SimulationAnswer Answer = new(true, "Mô phỏng – không phải kết quả chính thức", "2026-01", "provinces",
        new SimulationBaselineInfo("official", "Kết quả chính thức (công bố lần 1)", 1, Shipped),
        new SimulationAlternativeInfo("Dự thảo điều chỉnh trọng số", true, "Chấm điểm hằng tháng"),
        [
            new SimulatedUnit("lao-cai", "Tỉnh Lào Cai", new(true, 71m, "B", 1), new(true, 64m, "C", 2), -7m,
                [new("B", "Tổng điểm thành phần B1–B5", 20m, 5m, "changed"), new("C1", "Dữ liệu được số hoá, tạo lập", 5m, 11.25m, "changed")]),
            new SimulatedUnit("thanh-hoa", "Tỉnh Thanh Hóa", new(true, 40m, "D", 2), new(true, 65m, "C", 1), 25m,
                [new("C1", "Dữ liệu được số hoá, tạo lập", 10m, 22.5m, "changed"), new("E4", "Chỉ tiêu mới", null, 5m, "added")]),
            new SimulatedUnit("ha-giang", "Tỉnh Hà Giang", new(false, null, null, null), new(false, null, null, null), null, []),
        ],
        new SimulationSummary(2, 2, new UnitDelta("thanh-hoa", "Tỉnh Thanh Hóa", 25m), new UnitDelta("lao-cai", "Tỉnh Lào Cai", -7m),
            [new IndicatorName("E4", "Chỉ tiêu mới")], []));

    public SimulationPageTests() => Services.AddSingleton<TimeProvider>(new FixedTime(new DateTimeOffset(2026, 2, 6, 3, 0, 0, TimeSpan.Zero)));

    private StubGateway Gateway(params string[] roles)
    {
        var gateway = this.UseStubGateway().SignedIn("khung-chi-so", "vn", "Việt Nam", roles);
        gateway.Answer("/api/intake/frameworks?id=monthly-4585", new[]
        {
            new FrameworkVersionInfo("monthly-4585", Shipped, "Chấm điểm hằng tháng", "month", "2026-01", "2026-12"),
            new FrameworkVersionInfo("monthly-4585", "Phiên bản 2027", "Chấm điểm hằng tháng", "month", "2027-01", null),
        });
        Services.GetRequiredService<NavigationManager>().NavigateTo("/mo-phong");
        return gateway;
    }

    [Fact]
    public void A_run_shows_the_banner_each_unit_before_and_after_and_what_moved_in_vietnamese_numbers()
    {
        var gateway = Gateway("framework-admin").Answer("/api/monthly-scoring/simulations", Answer, method: "POST");
        var page = Render<SimulationPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=simulation-version] option").Count));
        // The version in force for last month (January 2026) is chosen; the later one is offered with its dates.
        Assert.Equal(Shipped, page.Find("[data-testid=simulation-version] option[selected]").GetAttribute("value"));
        Assert.Contains("Phiên bản 2027 — hiệu lực từ tháng 01/2027", page.Find("[data-testid=simulation-version]").TextContent, StringComparison.Ordinal);

        page.Find("form[data-testid=simulation-form]").Submit();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=simulation-banner]")));
        Assert.Contains("MÔ PHỎNG", page.Find("[data-testid=simulation-banner]").TextContent, StringComparison.Ordinal);
        var posted = Assert.Single(gateway.Requests, r => r.Method == HttpMethod.Post);
        Assert.Contains("\"period\":\"2026-01\"", posted.Body, StringComparison.Ordinal);
        Assert.Contains("\"frameworkVersion\":\"4585/QĐ-BKHCN (30/12/2025)\"", System.Text.RegularExpressions.Regex.Unescape(posted.Body!), StringComparison.Ordinal);
        Assert.Equal("1", posted.Csrf);

        var rows = page.FindAll("[data-testid=simulation-row]");
        Assert.Equal(["lao-cai", "thanh-hoa", "ha-giang"], rows.Select(r => r.GetAttribute("data-unit")));
        Assert.Equal("−7", rows[0].QuerySelector("[data-testid=simulation-delta]")!.TextContent);
        Assert.Equal("+25", rows[1].QuerySelector("[data-testid=simulation-delta]")!.TextContent);
        Assert.Contains("(giảm 1 bậc)", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("(tăng 1 bậc)", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("C1 Dữ liệu được số hoá, tạo lập: 5 → 11,25", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("E4 Chỉ tiêu mới: chỉ có trong phiên bản mô phỏng, 5 điểm", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(2, rows[2].QuerySelectorAll("[data-testid=not-reported]").Length);
        Assert.Contains("Chính thức (công bố lần 1)", page.Find("[data-testid=simulation-table] thead").TextContent, StringComparison.Ordinal);
        var summary = page.Find("[data-testid=simulation-summary]").TextContent;
        Assert.Contains("2 đơn vị đổi xếp loại, 2 đơn vị đổi thứ hạng.", summary, StringComparison.Ordinal);
        Assert.Contains("Tăng nhiều nhất: Tỉnh Thanh Hóa (+25 điểm).", summary, StringComparison.Ordinal);
        Assert.Contains("Giảm nhiều nhất: Tỉnh Lào Cai (−7 điểm).", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_the_service_does_not_know_is_told_next_to_the_version_list()
    {
        Gateway("framework-admin").Problem("/api/monthly-scoring/simulations", HttpStatusCode.BadRequest, "Dữ liệu không hợp lệ",
            errors: new Dictionary<string, string[]> { ["frameworkVersion"] = ["Không có phiên bản \"x\" của khung monthly-4585."] }, method: "POST");
        var page = Render<SimulationPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=simulation-version] option")));

        page.Find("form[data-testid=simulation-form]").Submit();

        page.WaitForAssertion(() => Assert.Equal("Không có phiên bản \"x\" của khung monthly-4585.", page.Find("#simulation-version-error").TextContent));
        Assert.Equal("true", page.Find("#simulation-version").GetAttribute("aria-invalid"));
        Assert.Empty(page.FindAll("[data-testid=simulation-banner]"));
    }

    [Theory]
    [InlineData("reviewer")]
    [InlineData("publisher")]
    [InlineData("platform-admin")]
    public void Anyone_but_a_framework_administrator_is_told_they_have_no_access(string role)
    {
        Gateway(role);

        var page = Render<SimulationPage>();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("form[data-testid=simulation-form]")));
        Assert.Contains("không có quyền", page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sorting_by_the_biggest_change_puts_the_largest_move_first_and_units_without_a_total_last()
    {
        Assert.Equal(["thanh-hoa", "lao-cai", "ha-giang"], SimulationOrder.Sort(Answer.Units, SimulationOrder.BiggestChange).Select(u => u.Unit));
        Assert.Equal(["thanh-hoa", "lao-cai", "ha-giang"], SimulationOrder.Sort(Answer.Units, SimulationOrder.Simulated).Select(u => u.Unit));
        Assert.Equal(["lao-cai", "thanh-hoa", "ha-giang"], SimulationOrder.Sort(Answer.Units, SimulationOrder.Official).Select(u => u.Unit));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
