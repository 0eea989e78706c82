using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Platform.BrowserSupport;
using Platform.Scoring;

namespace Platform.Web.BrowserTests;

/// <summary>
/// The national framework administrator (<c>khung-chi-so</c>) reads the frameworks and a version, and uploads a new
/// version of the monthly framework: a broken file is refused with each problem by its place in the file, a correct one
/// is previewed with its changes and recorded after a confirmation naming the version and the day it takes effect. The
/// browser tests share one platform: the new version takes effect in January 2027, after every month another test
/// reports, scores or publishes.
/// </summary>
public sealed class FrameworkAdministrationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Version = "4585-sửa-đổi (01/12/2026)";

    /// <summary>The shipped monthly definition as a new version: class A from 80 points, in force from January 2027.</summary>
    private static string NextMonthly(Action<JsonObject>? change = null)
    {
        var shipped = FrameworkCatalog.ShippedFiles().Single(f => f.Contains("\"monthly-4585\"", StringComparison.Ordinal));
        var node = JsonNode.Parse(shipped, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        node["version"] = Version;
        node["effectiveFrom"] = "2027-01";
        node["legalBasis"] = new JsonObject { ["document"] = "Quyết định số 9999/QĐ-BKHCN", ["date"] = "2026-12-01", ["issuer"] = "Bộ Khoa học và Công nghệ" };
        node["classes"]!.AsArray().Single(c => (string?)c!["code"] == "A")!["min"] = 80;
        change?.Invoke(node);
        return node.ToJsonString();
    }

    private static FilePayload File(string json) => new() { Name = "monthly-4585-sua-doi.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(json) };

    [Fact]
    public async Task The_framework_administrator_reads_the_versions_and_records_a_new_one_after_seeing_its_changes()
    {
        var shots = new Screenshots(nameof(The_framework_administrator_reads_the_versions_and_records_a_new_one_after_seeing_its_changes));
        await using var admin = await Person.SignInAsync(fixture, shots, "khung-chi-so");
        var page = admin.Page;

        // 1. The frameworks, their versions, periods and decisions as people read them.
        await page.GetByRole(AriaRole.Link, new() { Name = "Quản trị" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Khung chỉ số" }).First.ClickAsync();
        var monthly = page.Locator("[data-framework=monthly-4585] [data-testid=framework-version-row]");
        await Assertions.Expect(monthly).ToHaveCountAsync(1);
        await Assertions.Expect(monthly.GetByTestId("effective-from")).ToHaveTextAsync("01/2026");
        await Assertions.Expect(monthly.GetByTestId("legal-basis")).ToHaveTextAsync("Quyết định số 4585/QĐ-BKHCN ngày 30/12/2025");
        await admin.ShotAsync("khung-chi-so");

        // 2. The version in force, readably.
        await monthly.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("framework-effective")).ToHaveTextAsync("Từ kỳ 01/2026, đang áp dụng");
        await Assertions.Expect(page.Locator("section[data-testid=framework-group]")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=framework-input][data-key='A.due'] td").Last).ToHaveTextAsync("A1, A2, A3");
        await admin.ShotAsync("phien-ban-4585");

        // 3. A file that cannot be a successor: each problem by its place in the file, nothing to confirm.
        await page.GotoAsync(fixture.Url("/quan-tri/khung-chi-so/tai-len"));
        await page.GetByTestId("framework-file").SetInputFilesAsync(File(NextMonthly(n =>
        {
            n["effectiveFrom"] = "2025-06";
            n["legalBasis"] = null;
        })));
        await page.GetByTestId("preview-upload").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=framework-problem][data-path='$.effectiveFrom']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=framework-problem][data-path='$.legalBasis']")).ToContainTextAsync("căn cứ pháp lý");
        await Assertions.Expect(page.GetByTestId("confirm-upload")).ToHaveCountAsync(0);
        await admin.ShotAsync("tep-loi");

        // 4. The correct file: its changes against the version in force, then the confirmation naming version and day.
        await page.GetByTestId("framework-file").SetInputFilesAsync(File(NextMonthly()));
        await page.GetByTestId("preview-upload").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=change][data-subject=class][data-code=A]")).ToContainTextAsync("Xếp loại A (Xuất sắc): ngưỡng điểm 85 → 80.");
        await Assertions.Expect(page.GetByTestId("preview-follows")).ToContainTextAsync("vẫn áp dụng đến hết kỳ 12/2026");
        var confirm = page.GetByTestId("confirm-upload");
        await Assertions.Expect(confirm).ToHaveTextAsync($"Ghi nhận phiên bản “{Version}” — hiệu lực từ kỳ tháng 01/2027 (từ ngày 01/01/2027)");
        await admin.ShotAsync("xem-truoc");
        await confirm.ClickAsync();

        // 5. Recorded: its page, and the list where the shipped version now ends in December 2026.
        await Assertions.Expect(page.GetByTestId("upload-confirmation")).ToContainTextAsync($"Đã ghi nhận phiên bản “{Version}”");
        await Assertions.Expect(page.GetByTestId("framework-effective")).ToHaveTextAsync("Từ kỳ 01/2027, đang áp dụng");
        await Assertions.Expect(page.Locator("[data-testid=change][data-subject=class]")).ToContainTextAsync("ngưỡng điểm 85 → 80");
        await admin.ShotAsync("da-ghi-nhan");
        await page.GotoAsync(fixture.Url("/quan-tri/khung-chi-so"));
        var rows = page.Locator("[data-framework=monthly-4585] [data-testid=framework-version-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First.GetByTestId("effective-to")).ToHaveTextAsync("12/2026");
        await Assertions.Expect(rows.Last.GetByTestId("legal-basis")).ToHaveTextAsync("Quyết định số 9999/QĐ-BKHCN ngày 01/12/2026");
        await Assertions.Expect(rows.Last).ToContainTextAsync("Tải lên bởi khung-chi-so");
        await admin.ShotAsync("hai-phien-ban");
    }
}
