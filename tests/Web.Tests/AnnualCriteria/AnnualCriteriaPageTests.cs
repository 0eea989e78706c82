using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.AnnualCriteria;
using Platform.Web.Components.Pages.Reporting;

namespace Platform.Web.Tests.AnnualCriteria;

/// <summary>The QĐ 2244 pages against a stub gateway: what they ask dx-index for and how people read the answers.</summary>
public sealed class AnnualCriteriaPageTests : BunitContext
{
    private const string LaoCai2026 = "/api/dx-index/annual-criteria/provinces/lao-cai/2026";
    private readonly StubGateway _gateway;

    public AnnualCriteriaPageTests()
    {
        _gateway = this.UseStubGateway();
        Services.AddSingleton(TimeProvider.System);
    }

    private static AnnualCriterionYear Criterion(string code, string name, string type, string? unit, decimal? value, int referenceYear,
        string trend, string trendText, string arrow, string source, string sourceText, params (int Year, decimal? Value)[] previous) =>
        new(code, name, unit, type, "higher-is-better", "Càng cao càng tốt", source, sourceText, 0, "Bộ Công an", value is not null, value,
            referenceYear, value is null ? null : "lao-cai.cong-an", value is null ? null : "Công an tỉnh Lào Cai",
            value is null ? null : new DateTimeOffset(2027, 4, 10, 3, 0, 0, TimeSpan.Zero),
            [.. previous.Select(p => new AnnualYearValue(p.Year, p.Value, p.Year, false))], trend, trendText, arrow);

    private static AnnualProvinceYear LaoCai(bool demo = false) => new(2026, "lao-cai", "Tỉnh Lào Cai", "2244/QĐ-TTg (13/10/2025)", demo,
        demo ? "dữ liệu minh họa" : null, 2, 46, [2025, 2026],
        [
            new("01", "Nhóm tiêu chí đầu vào", [Criterion("0101", "Nhân lực khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "count", "người",
                1200m, 2026, "worsened", "Kém đi", "▼", "agency-report", "Báo cáo của cơ quan", (2025, 1250m), (2024, null), (2023, null))]),
            new("04", "Nhóm tiêu chí tác động",
            [
                Criterion("0418", "Tỷ lệ kích hoạt tài khoản định danh điện tử cho người dân", "fraction", "tỷ lệ", 0.71m, 2026, "improved", "Cải thiện", "▲",
                    "central-statistics", "Thống kê tập trung, nền tảng quốc gia", (2025, 0.62m), (2024, null), (2023, null)),
                Criterion("0413", "Tỷ lệ cơ sở y tế ứng dụng công nghệ số trong khám, chữa bệnh", "fraction", "tỷ lệ", null, 2026, "no-data",
                    "Chưa có số liệu", "", "agency-report", "Báo cáo của cơ quan", (2025, null), (2024, null), (2023, null)),
            ]),
        ]);

    [Fact]
    public void A_provinces_year_shows_values_reference_years_sources_and_trends_in_words_by_group()
    {
        _gateway.SignedIn("tham-dinh.lao-cai", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        _gateway.Answer(LaoCai2026, LaoCai());

        var page = Render<ProvinceYearPage>(p => p.Add(x => x.Unit, "lao-cai").Add(x => x.Year, "2026"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=annual-group]").Count));
        Assert.Equal(["01", "04"], page.FindAll("[data-testid=annual-group]").Select(g => g.GetAttribute("data-group")));
        Assert.Equal("71 %", page.Find("[data-testid=value-0418]").TextContent.Trim());
        Assert.Equal("1.200 người", Squash(page.Find("[data-testid=value-0101]").TextContent));
        Assert.Equal("▲ Cải thiện", Squash(page.Find("[data-testid=trend-0418]").TextContent));
        Assert.Equal("▼ Kém đi", Squash(page.Find("[data-testid=trend-0101]").TextContent));
        Assert.Equal("62 %", page.Find("[data-testid=previous-0418-2025]").TextContent.Trim());
        Assert.Equal("chưa có số liệu", page.Find("[data-testid=value-0413] .not-reported").TextContent);
        Assert.Equal("chưa có số liệu", page.Find("[data-testid=trend-0413] .not-reported").TextContent);
        Assert.Equal("2026", page.Find("[data-testid=reference-year-0418]").TextContent);
        Assert.Contains("Báo cáo: Công an tỉnh Lào Cai, duyệt 10/04/2027", page.Find("[data-testid=criterion-0418]").TextContent, StringComparison.Ordinal);
        Assert.Equal("2/46 tiêu chí", page.Find("[data-testid=reported-count]").TextContent);
        Assert.Equal("/api/dx-index/annual-criteria/provinces/lao-cai/2026/export", page.Find("[data-testid=export-link]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=entry-link]")); // a reviewer does not enter data
        Assert.Empty(page.FindAll("[data-testid=demo-banner]"));
        Assert.Equal("/tieu-chi-2244/tieu-chi/0418", page.Find("[data-testid=criterion-0418] a").GetAttribute("href"));
    }

    [Fact]
    public void Illustrative_data_is_labelled_and_a_reporter_is_offered_the_entry_form()
    {
        _gateway.SignedIn("bao-cao.so-khcn.lao-cai", "lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "reporter");
        _gateway.Answer(LaoCai2026, LaoCai(demo: true));

        var page = Render<ProvinceYearPage>(p => p.Add(x => x.Unit, "lao-cai").Add(x => x.Year, "2026"));

        page.WaitForAssertion(() => Assert.Contains("Dữ liệu minh họa", page.Find("[data-testid=demo-banner]").TextContent, StringComparison.Ordinal));
        Assert.Equal("/nhap-lieu/qd2244-annual/2026/lao-cai", page.Find("[data-testid=entry-link]").GetAttribute("href"));
    }

    [Fact]
    public void The_service_refusing_a_year_is_shown_in_its_own_words()
    {
        _gateway.SignedIn("tw-lanh-dao", "vn", "Việt Nam", "leader");
        _gateway.Problem("/api/dx-index/annual-criteria/provinces/lao-cai/20x5", HttpStatusCode.BadRequest, "Dữ liệu không hợp lệ",
            errors: new Dictionary<string, string[]> { ["year"] = ["Năm báo cáo phải là một năm dạng YYYY từ 2000 đến 2100, ví dụ 2025."] });

        var page = Render<ProvinceYearPage>(p => p.Add(x => x.Unit, "lao-cai").Add(x => x.Year, "20x5"));

        page.WaitForAssertion(() => Assert.Contains("Năm báo cáo phải là một năm dạng YYYY", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=annual-group]"));
    }

    [Fact]
    public void A_criterion_across_provinces_shows_each_year_with_its_trend_and_marks_illustrative_cells()
    {
        _gateway.SignedIn("tw-lanh-dao", "vn", "Việt Nam", "leader");
        _gateway.Answer("/api/dx-index/annual-criteria/criteria/0418", new AnnualCriterionAcross("0418",
            "Tỷ lệ kích hoạt tài khoản định danh điện tử cho người dân", "tỷ lệ", "fraction", "04", "Nhóm tiêu chí tác động", "higher-is-better",
            "Càng cao càng tốt", "central-statistics", "Thống kê tập trung, nền tảng quốc gia", 0, [2024, 2025],
            [
                new("lao-cai", "Tỉnh Lào Cai", [new(2024, 0.55m, 2024, true, "no-data", "Chưa có số liệu", ""), new(2025, 0.62m, 2025, false, "improved", "Cải thiện", "▲")]),
                new("thanh-hoa", "Tỉnh Thanh Hóa", [new(2024, null, null, false, "no-data", "Chưa có số liệu", ""), new(2025, 0.58m, 2025, false, "no-data", "Chưa có số liệu", "")]),
            ]));

        var page = Render<CriterionPage>(p => p.Add(x => x.Code, "0418"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=criterion-across] tbody tr").Count));
        Assert.Equal("Càng cao càng tốt", page.Find("[data-testid=direction]").TextContent);
        Assert.Equal("62 % ▲ Cải thiện", Squash(page.Find("[data-testid=across-lao-cai-2025]").TextContent));
        Assert.Equal("55 % (minh họa)", Squash(page.Find("[data-testid=across-lao-cai-2024]").TextContent));
        Assert.Equal("chưa có số liệu", Squash(page.Find("[data-testid=across-thanh-hoa-2024]").TextContent));
        Assert.Equal("58 %", Squash(page.Find("[data-testid=across-thanh-hoa-2025]").TextContent));
        Assert.NotEmpty(page.FindAll("[data-testid=demo-banner]"));
    }

    [Fact]
    public void The_home_lists_the_provinces_the_person_sees_with_their_years()
    {
        _gateway.SignedIn("tw-lanh-dao", "vn", "Việt Nam", "leader");
        _gateway.Answer("/api/dx-index/annual-criteria/provinces", new AnnualProvinceList(2025,
            [new("lao-cai", "Tỉnh Lào Cai", [2025], [2024]), new("thanh-hoa", "Tỉnh Thanh Hóa", [], [])]));

        var page = Render<AnnualCriteriaHome>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=annual-province]").Count));
        var laoCai = page.Find("[data-testid=annual-province][data-unit=lao-cai]");
        Assert.Equal(["/tieu-chi-2244/lao-cai/2025", "/tieu-chi-2244/lao-cai/2024", "/tieu-chi-2244/lao-cai/2025"],
            laoCai.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("2024 (minh họa)", laoCai.TextContent, StringComparison.Ordinal);
        Assert.Contains("chưa có số liệu", page.Find("[data-testid=annual-province][data-unit=thanh-hoa]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void People_without_a_reading_role_are_refused()
    {
        _gateway.SignedIn("ban-chi-dao.lao-cai", "lao-cai", "Tỉnh Lào Cai", "bonus-approver");

        var page = Render<AnnualCriteriaHome>();

        page.WaitForAssertion(() => Assert.Contains("Không có quyền truy cập", page.Find("h1").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(_gateway.Requests, r => r.PathAndQuery.StartsWith("/api/dx-index", StringComparison.Ordinal));
    }

    /// <summary>The entry form intake's framework drives, for the unscored QĐ 2244 catalogue: groups 01–04, the unit, the source and reference year.</summary>
    [Fact]
    public void The_entry_form_renders_the_qd2244_criteria_an_agency_leads_with_their_source_and_reference_year()
    {
        _gateway.SignedIn("bao-cao.so-khcn.lao-cai", "lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "reporter");
        var due = new DateTimeOffset(2026, 4, 11, 17, 0, 0, TimeSpan.Zero);
        _gateway.Answer("/api/intake/assignments/mine?framework=qd2244-annual&period=2025", new
        {
            framework = "qd2244-annual", period = "2025", reportingUnit = "lao-cai.so-khcn",
            inputs = new[] { "0101", "0102", "0426" }.Select(key => new
            {
                key, label = key, targetUnit = "lao-cai", targetName = "Tỉnh Lào Cai", role = "lead", dueAt = due, status = "not-started",
                returnReason = (string?)null, submissionId = (Guid?)null, previousValue = (object?)null,
            }),
        });

        var page = Render<DataEntry>(p => p.Add(x => x.Framework, "qd2244-annual").Add(x => x.Period, "2025").Add(x => x.TargetUnit, "lao-cai"));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".entry-field").Count));
        Assert.EndsWith("— kỳ năm 2025", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Equal(["01. Nhóm tiêu chí đầu vào", "04. Nhóm tiêu chí tác động"], page.FindAll("fieldset.entry-group legend").Select(l => l.TextContent));
        Assert.Contains("Nhân lực khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", page.Find("[data-testid='field-0101'] label").TextContent, StringComparison.Ordinal);
        Assert.Equal("người", page.Find("[data-testid='field-0101'] .unit").TextContent);
        Assert.Equal("Nguồn: báo cáo của cơ quan. Ghi số liệu của chính năm báo cáo.", page.Find("[data-testid='source-0101']").TextContent);
        Assert.StartsWith("Nguồn: chỉ số quốc tế. Ghi số liệu của năm tham chiếu, 1 năm trước năm báo cáo",
            page.Find("[data-testid='source-0426']").TextContent, StringComparison.Ordinal);
        Assert.Contains("source-0426", page.Find("[data-testid='input-0426']").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        // No points anywhere on a form for a framework that scores nothing.
        Assert.DoesNotContain("điểm tối đa", page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
