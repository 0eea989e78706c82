using System.Text.Json;
using Microsoft.Playwright;
using Platform.BrowserSupport;
using Platform.TestSupport;

namespace Platform.Web.BrowserTests;

/// <summary>
/// The what-if page as the national framework administrator (<c>khung-chi-so</c>) uses it: two ministries' February 2026
/// is reported and approved, then scored again under an uploaded draft — first one with a mistake, told by where it is in
/// the file, then the corrected one — and the page shows the "MÔ PHỎNG" banner and the two ministries swapping ranks.
/// The browser tests share one platform: February's ministries (Bộ Tài chính, Bộ Y tế) are written by no other test
/// (<see cref="ReportingObligationsTests"/> reports Bộ Tài chính's January), and the clock is never moved here.
/// </summary>
public sealed class SimulationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Period = "2026-02";
    private const string Shipped = "4585/QĐ-BKHCN (30/12/2025)";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>The values of monthly scoring's hand-worked example: Bộ Tài chính as Lào Cai, Bộ Y tế as Thanh Hóa.</summary>
    private static readonly Dictionary<string, Dictionary<string, object>> Months = new()
    {
        ["btc"] = new()
        {
            ["A.due"] = 10, ["A.backlog"] = 0, ["A.onTime"] = 8, ["A.late"] = 1,
            ["B.B1"] = 18, ["B.B2"] = 20, ["B.B3"] = 22, ["B.B4"] = 18, ["B.B5"] = 22,
            ["C1.records"] = 100, ["C2.transactions"] = 50, ["D1.accepted"] = 5, ["D1.total"] = 10, ["D2.rate"] = 0.5,
            ["E1.attended"] = 2, ["E1.held"] = 2, ["E2.speeches"] = 0, ["E2.reports"] = 1, ["E3.onTime"] = true, ["E3.completion"] = 1,
        },
        ["byt"] = new()
        {
            ["A.due"] = 20, ["A.backlog"] = 0, ["A.onTime"] = 20, ["A.late"] = 0,
            ["B.B1"] = 0, ["B.B2"] = 0, ["B.B3"] = 0, ["B.B4"] = 0, ["B.B5"] = 0,
            ["C1.records"] = 200, ["C2.transactions"] = 100, ["D1.accepted"] = 0, ["D1.total"] = 10, ["D2.rate"] = 0,
            ["E1.attended"] = 0, ["E1.held"] = 1, ["E2.speeches"] = 0, ["E2.reports"] = 0, ["E3.onTime"] = false, ["E3.completion"] = 0,
        },
    };

    // Worked out by hand (MonthlyScoring.Tests' SimulationTests, same values): under 4585 Bộ Tài chính 71 (B, rank 1), Bộ Y tế
    // 40 (D, rank 2); under the draft (B × 0.05, C1 = C2 = 22.5, D1 = D2 = 5) Bộ Tài chính 63.8 → 64 (C, rank 2), Bộ Y tế 65
    // (C, rank 1): −7 and +25.
    [Fact]
    public async Task A_framework_administrator_simulates_an_approved_month_under_a_draft_and_sees_the_ranks_swap()
    {
        var shots = new Screenshots(nameof(A_framework_administrator_simulates_an_approved_month_under_a_draft_and_sees_the_ranks_swap));

        // 1. Each ministry's reporter saves and submits February (the calls the entry form makes); the national reviewer approves.
        await using var reviewer = await Person.SignInAsync(fixture, shots, "tw-tham-dinh");
        foreach (var (ministry, values) in Months)
        {
            await using var reporter = await Person.SignInAsync(fixture, shots, $"{ministry}.reporter");
            var saved = await CallAsync(reporter, HttpMethod.Put, $"/api/intake/submissions/monthly-4585/{Period}/{ministry}", new { values });
            var id = saved.GetProperty("id").GetGuid();
            await CallAsync(reporter, HttpMethod.Post, $"/api/intake/submissions/{id}/submit", null);
            var approved = await CallAsync(reviewer, HttpMethod.Post, $"/api/intake/submissions/{id}/approve", null);
            Assert.Equal("approved", approved.GetProperty("state").GetString());
        }

        // 2. The approvals reach monthly scoring as events: wait until a simulation under the version in force sees both ministries.
        await using var admin = await Person.SignInAsync(fixture, shots, "khung-chi-so");
        await Eventually.WaitForAsync(async () =>
            {
                var answer = await CallAsync(admin, HttpMethod.Post, "/api/monthly-scoring/simulations", new { period = Period, peerGroup = "ministries", frameworkVersion = Shipped });
                return answer.GetProperty("units").EnumerateArray().Count(u => u.GetProperty("before").GetProperty("reported").GetBoolean());
            }, reported => reported == 2, Wait, "Bộ Tài chính's and Bộ Y tế's February in monthly scoring");

        // 3. The administrator opens "Mô phỏng", chooses February and the ministries, and uploads a draft with a mistake.
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Mô phỏng" }).First.ClickAsync();
        await Assertions.Expect(admin.Page.Locator("h1")).ToHaveTextAsync("Mô phỏng chấm điểm theo phiên bản khác");
        await admin.ShotAsync("mo-phong");
        var broken = FrameworkDrafts.Reweighted();
        FrameworkDrafts.Indicator(broken, "C2")["max"] = 20;
        await RunAsync(admin, await WriteAsync("du-thao-loi.json", broken));
        var problems = admin.Page.GetByTestId("simulation-draft-errors");
        await Assertions.Expect(problems).ToContainTextAsync("groups[2]: nhóm C: tổng điểm tối đa của các thành phần là 42,5, khác 45");
        await Assertions.Expect(admin.Page.GetByTestId("simulation-banner")).ToHaveCountAsync(0);
        await admin.ShotAsync("du-thao-loi");

        // 4. The corrected draft: the banner, and the two ministries swap ranks.
        await RunAsync(admin, await WriteAsync("du-thao.json", FrameworkDrafts.Reweighted()));
        await Assertions.Expect(admin.Page.GetByTestId("simulation-banner")).ToContainTextAsync("MÔ PHỎNG");
        await Assertions.Expect(admin.Page.GetByTestId("simulation-sides")).ToContainTextAsync("Chưa công bố – tính từ số liệu đã duyệt hiện có");
        var finance = admin.Page.Locator("[data-testid=simulation-row][data-unit=btc]");
        var health = admin.Page.Locator("[data-testid=simulation-row][data-unit=byt]");
        await Assertions.Expect(finance.Locator("th")).ToHaveTextAsync("Bộ Tài chính");
        await Assertions.Expect(finance.GetByTestId("simulation-delta")).ToHaveTextAsync("−7");
        await Assertions.Expect(finance.GetByTestId("simulation-rank-move")).ToHaveTextAsync("(giảm 1 bậc)");
        await Assertions.Expect(finance).ToContainTextAsync("C1 Dữ liệu được số hoá, tạo lập: 5 → 11,25");
        await Assertions.Expect(health.GetByTestId("simulation-delta")).ToHaveTextAsync("+25");
        await Assertions.Expect(health.GetByTestId("simulation-rank-move")).ToHaveTextAsync("(tăng 1 bậc)");
        await Assertions.Expect(admin.Page.GetByTestId("simulation-summary")).ToContainTextAsync("2 đơn vị đổi xếp loại, 2 đơn vị đổi thứ hạng.");
        await admin.ShotAsync("ket-qua-mo-phong");

        // 5. Sorted by the biggest change, without choosing the file again: Bộ Y tế (+25) first.
        await admin.Page.GetByTestId($"simulation-sort-thay-doi").ClickAsync();
        await Assertions.Expect(admin.Page.GetByTestId("simulation-row").First).ToHaveAttributeAsync("data-unit", "byt");
        await Assertions.Expect(admin.Page.GetByTestId("simulation-banner")).ToBeVisibleAsync();
        await admin.ShotAsync("sap-xep-thay-doi");
    }

    private static async Task RunAsync(Person admin, string draftFile)
    {
        await admin.Page.GetByTestId("simulation-period").SelectOptionAsync(Period);
        await admin.Page.Locator("#simulation-group").SelectOptionAsync("ministries");
        await admin.Page.GetByTestId("simulation-source-draft").CheckAsync();
        await admin.Page.GetByTestId("simulation-draft").SetInputFilesAsync(draftFile);
        await admin.Page.GetByTestId("simulation-run").ClickAsync();
        await Assertions.Expect(admin.Page.GetByTestId("simulation-form")).ToBeVisibleAsync();
    }

    private static async Task<string> WriteAsync(string name, System.Text.Json.Nodes.JsonObject draft)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mo-phong-").FullName, name);
        await File.WriteAllTextAsync(path, draft.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), TestContext.Current.CancellationToken);
        return path;
    }

    /// <summary>An API call with the person's session, as the web application makes it (X-CSRF on unsafe methods).</summary>
    private async Task<JsonElement> CallAsync(Person person, HttpMethod method, string path, object? body)
    {
        var response = await person.Page.APIRequest.FetchAsync(fixture.Url(path), new()
        {
            Method = method.Method,
            DataObject = body,
            Headers = new Dictionary<string, string> { ["X-CSRF"] = "1" },
        });
        var text = await response.TextAsync();
        Assert.True(response.Ok, $"{method} {path}: {response.Status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
