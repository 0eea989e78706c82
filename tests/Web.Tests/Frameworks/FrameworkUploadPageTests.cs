using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Admin;

namespace Platform.Web.Tests.Frameworks;

/// <summary>
/// The upload page in-process, its form posts real (antiforgery, multipart), against intake's contract: the file goes to
/// <c>POST /api/intake/frameworks/preview</c> as it is, the preview shows the version, what it follows and until when, the
/// changes in words and any problem by its place in the file; only a clean preview offers the confirmation, which names the
/// version and the day it takes effect and sends the same file to <c>POST /api/intake/frameworks</c>.
/// </summary>
public sealed class FrameworkUploadPageTests
{
    private const string Page = "/quan-tri/khung-chi-so/tai-len";
    private const string Version = "4585-sửa-đổi (01/06/2026)";
    private const string File = """{ "id": "monthly-4585", "version": "4585-sửa-đổi (01/06/2026)", "effectiveFrom": "2026-07" }""";

    private static readonly FrameworkDefinition Monthly = ShippedDefinitions.Definition(MonthlyFramework.Id, "2026-01");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FrameworkVersionSummary Next => new(MonthlyFramework.Id, Version, Monthly.Name, "month", "2026-07", null,
        new LegalBasis("Quyết định số 1234/QĐ-BKHCN", "2026-06-01"), 100, false);

    private static FrameworkVersionSummary Current => new(MonthlyFramework.Id, Monthly.Version, Monthly.Name, "month", "2026-01", null,
        Monthly.LegalBasis, 100, false, "shipped");

    private static StubGateway Admin() =>
        new StubGateway().ServeShippedFrameworks().SignedIn("khung-chi-so", "vn", "Việt Nam", "framework-admin");

    /// <summary>Opens the page and posts <paramref name="file"/> in its file form.</summary>
    private static async Task<(HttpStatusCode Status, AngleSharp.Html.Dom.IHtmlDocument Page)> PreviewAsync(HttpClient browser, string file)
    {
        var empty = InProcessWeb.Parse(await browser.GetStringAsync(Page, Ct));
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in InProcessWeb.Fields(empty, "framework-file-form")) form.Add(new StringContent(value), name);
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(file));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(part, "file", "monthly-4585-sua-doi.json");
        var response = await browser.PostAsync(Page, form, Ct);
        return (response.StatusCode, InProcessWeb.Parse(await response.Content.ReadAsStringAsync(Ct)));
    }

    private static string Text(AngleSharp.Html.Dom.IHtmlDocument page, string selector) =>
        string.Join(' ', page.QuerySelector(selector)!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task A_clean_preview_shows_the_changes_and_the_confirmation_names_the_version_and_its_first_day_then_records_the_same_file()
    {
        var gateway = Admin();
        gateway.Answer("/api/intake/frameworks/preview", new FrameworkUploadPreview(Next, Current, "2026-06",
            [new("changed", "class", "A", "Xuất sắc", "min", "85", "80", "Xếp loại A (Xuất sắc): ngưỡng điểm 85 → 80.")],
            new Dictionary<string, string[]>()), method: "POST");
        gateway.Answer(FrameworkClient.ListPath, Next with { Source = "uploaded", RecordedBy = "khung-chi-so" }, HttpStatusCode.Created, method: "POST");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();

        var (status, preview) = await PreviewAsync(browser, File);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(File, Assert.Single(gateway.Requests, r => r.PathAndQuery == "/api/intake/frameworks/preview").Body);
        Assert.Equal(Version, Text(preview, "[data-testid=preview-version]"));
        Assert.Equal("từ kỳ tháng 07/2026 (từ ngày 01/07/2026)", Text(preview, "[data-testid=preview-effective]"));
        Assert.Equal($"“{Monthly.Version}” (Quyết định số 4585/QĐ-BKHCN ngày 30/12/2025), vẫn áp dụng đến hết kỳ 06/2026",
            Text(preview, "[data-testid=preview-follows]"));
        Assert.Equal("Sửa Xếp loại A (Xuất sắc): ngưỡng điểm 85 → 80.", Text(preview, "[data-testid=change]"));
        Assert.Null(preview.QuerySelector("[data-testid=framework-problems]"));
        Assert.Equal($"Ghi nhận phiên bản “{Version}” — hiệu lực từ kỳ tháng 07/2026 (từ ngày 01/07/2026)", Text(preview, "[data-testid=confirm-upload]"));
        // Nothing recorded by looking.
        Assert.DoesNotContain(gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == FrameworkClient.ListPath);

        var confirmed = await browser.PostAsync(Page, new FormUrlEncodedContent(InProcessWeb.Fields(preview, "confirm-form")), Ct);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.EndsWith(Uri.UnescapeDataString(FrameworkVersionPage.Href(MonthlyFramework.Id, Version) + "&xong=da-ghi-nhan"),
            Uri.UnescapeDataString(confirmed.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var upload = Assert.Single(gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == FrameworkClient.ListPath);
        Assert.Equal((File, "1"), (upload.Body, upload.Csrf));
    }

    [Fact]
    public async Task Problems_are_listed_by_their_place_in_the_file_and_no_confirmation_is_offered()
    {
        var gateway = Admin();
        gateway.Answer("/api/intake/frameworks/preview", new FrameworkUploadPreview(Next, Current, "2026-06", [], new Dictionary<string, string[]>
        {
            ["$.effectiveFrom"] = ["Kỳ 01/2026 đã chốt số liệu theo phiên bản đang áp dụng; phiên bản mới chỉ áp dụng từ kỳ sau kỳ đã chốt."],
            ["definition"] = ["A1: thiếu quy tắc tính điểm"],
            ["$.groups[0].max"] = ["Phải là số."],
        }), method: "POST");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();

        var (_, preview) = await PreviewAsync(browser, File);

        Assert.Equal(["$.effectiveFrom", "$.groups[0].max", "definition"],
            preview.QuerySelectorAll("[data-testid=framework-problem]").Select(r => r.GetAttribute("data-path")));
        Assert.Contains("(3 lỗi)", Text(preview, "[data-testid=framework-problems]"), StringComparison.Ordinal);
        Assert.Contains("đã chốt số liệu", Text(preview, "[data-testid=framework-problem][data-path='$.effectiveFrom']"), StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("[data-testid=confirm-form]"));
        Assert.Equal("Tệp giống hệt phiên bản đang áp dụng: không có gì thay đổi.", Text(preview, "[data-testid=no-changes]"));
    }

    [Fact]
    public async Task A_refusal_when_recording_is_shown_by_place_in_the_file_and_nothing_is_said_to_be_recorded()
    {
        var gateway = Admin();
        gateway.Answer("/api/intake/frameworks/preview", new FrameworkUploadPreview(Next, Current, "2026-06", [], new Dictionary<string, string[]>()), method: "POST");
        gateway.Problem(FrameworkClient.ListPath, HttpStatusCode.BadRequest, "Không ghi nhận được phiên bản khung",
            "Định nghĩa khung chưa hợp lệ; xem từng lỗi theo vị trí trong 'errors'.",
            new Dictionary<string, string[]> { ["$.version"] = [$"Khung \"monthly-4585\" đã có phiên bản \"{Version}\"."] }, method: "POST");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var (_, preview) = await PreviewAsync(browser, File);

        var refused = await browser.PostAsync(Page, new FormUrlEncodedContent(InProcessWeb.Fields(preview, "confirm-form")), Ct);
        var page = InProcessWeb.Parse(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Không ghi nhận được phiên bản khung", Text(page, "[data-testid=framework-problems]"), StringComparison.Ordinal);
        Assert.Equal("$.version", page.QuerySelector("[data-testid=framework-problem]")!.GetAttribute("data-path"));
        Assert.DoesNotContain("'errors'", page.Body!.TextContent, StringComparison.Ordinal);
        // Refused is refused: no second confirmation of the same file.
        Assert.Null(page.QuerySelector("[data-testid=confirm-upload]"));
    }

    [Fact]
    public async Task Only_a_framework_administrator_may_open_the_upload_page()
    {
        var gateway = new StubGateway().SignedIn("quan-tri", "vn", "Việt Nam", "platform-admin");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();

        var response = await browser.GetAsync(Page, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Không có quyền truy cập", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
