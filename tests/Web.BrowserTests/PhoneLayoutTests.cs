using System.Text.Json;
using Microsoft.Playwright;
using Platform.BrowserSupport;

namespace Platform.Web.BrowserTests;

/// <summary>
/// Officials open the platform on their phones: at 390 CSS pixels every page each of them uses fits the screen (tables
/// scroll inside their own box, never the page) and passes the accessibility check.
/// </summary>
public sealed class PhoneLayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("lao-cai.so-khcn.reporter", new[] { "/", "/viec-cua-toi", "/viec-cua-toi?framework=monthly-4585&period=2026-01", "/nhap-lieu/monthly-4585/2026-01/lao-cai", "/excel", "/diem-thuong", "/ket-qua", "/ket-qua/chi-so-cds" })]
    [InlineData("lao-cai.reporter", new[] { "/tinh-hinh-bao-cao" })]
    [InlineData("lao-cai.reviewer", new[] { "/tham-dinh", "/bang-xep-hang", "/bao-cao", "/bao-cao/tinh-hinh-nop?status=all", "/bao-cao/tinh-hinh-nop/xu-huong",
        "/bao-cao/xep-hang", "/bao-cao/bieu-do?unit=lao-cai", "/bao-cao/lanh-dao", "/bao-cao/nq57/2026", "/ket-qua/lich-su" })]
    [InlineData("khung-chi-so", new[] { "/quan-tri", "/quan-tri/phan-cong", "/quan-tri/lich-bao-cao", "/quan-tri/don-vi", "/quan-tri/don-vi/lao-cai.so-khcn",
        "/quan-tri/khung-chi-so", "/quan-tri/khung-chi-so/monthly-4585", "/quan-tri/khung-chi-so/tai-len", "/mo-phong" })]
    [InlineData("tw-cong-bo", new[] { "/cong-bo", "/chi-so-cds/cong-bo?nam=2025" })]
    // The annual side (docs/dx-index.md) on the illustrative data AppHost turns on: the DTI of 2025 (Hà Nội, Đà Nẵng, Cần Thơ),
    // the QĐ 2244 years, the NQ57 round of the illustrative communes.
    [InlineData("tw-tham-dinh", new[] { "/chi-so-cds?nam=2025&loai=tam-tinh", "/chi-so-cds/2025/ha-noi?loai=tam-tinh", "/chi-so-cds/2025/ha-noi/giai-thich?loai=tam-tinh",
        "/tieu-chi-2244", "/tieu-chi-2244/tieu-chi/0101" })]
    [InlineData("thanh-hoa.leader", new[] { "/nq57/2026", "/nq57/2026/thanh-hoa.xa-mau-01", "/tieu-chi-2244/thanh-hoa/2025" })]
    // Notifications: the inbox, preferences and focal points of a unit; the reviewer's overview; the administration.
    [InlineData("lao-cai.so-khcn.leader", new[] { "/thong-bao", "/thong-bao/cai-dat", "/dau-moi" })]
    [InlineData("quan-tri", new[] { "/quan-tri", "/quan-tri/bao-cao", "/quan-tri/thong-bao", "/quan-tri/nhac-han", "/quan-tri/webhook", "/dau-moi/tong-hop" })]
    public async Task Every_page_a_person_uses_fits_a_phone(string username, string[] paths)
    {
        var shots = new Screenshots($"{nameof(Every_page_a_person_uses_fits_a_phone)}-{username}");
        await using var person = await Person.SignInAsync(fixture, shots, username, PageChecks.PhoneWidth);
        foreach (var path in paths)
        {
            await person.GoAsync(fixture, path);
            await person.ShotAsync("dien-thoai" + path.Replace('/', '-').Split('?')[0]);
            await PageChecks.AssertFitsPhoneAsync(person.Page, path);
        }
    }

    [Fact]
    public async Task A_units_explanation_with_its_indicators_and_charts_fits_a_phone()
    {
        var shots = new Screenshots(nameof(A_units_explanation_with_its_indicators_and_charts_fits_a_phone));
        await using var reviewer = await Person.SignInAsync(fixture, shots, "tw-tham-dinh", PageChecks.PhoneWidth);
        // A provisional run for the provinces, as the scoreboard's reviewer makes one: of February 2026, so that January's
        // publication in MonthlyCycleTests (the browser tests share one platform) lists no preview of another test's.
        var run = await reviewer.Page.APIRequest.PostAsync(fixture.Url("/api/monthly-scoring/runs"), new()
        {
            DataObject = new { period = "2026-02", peerGroup = "provinces" },
            Headers = new Dictionary<string, string> { ["X-CSRF"] = "1" },
        });
        Assert.True(run.Ok, $"{run.Status}: {await run.TextAsync()}");

        await reviewer.GoAsync(fixture, "/bang-xep-hang/2026-02/provinces/lao-cai");
        await Assertions.Expect(reviewer.Page.GetByTestId("explanation-group").First).ToBeVisibleAsync();
        await reviewer.ShotAsync("giai-thich");
        await PageChecks.AssertFitsPhoneAsync(reviewer.Page, "giai-thich");
    }
}
