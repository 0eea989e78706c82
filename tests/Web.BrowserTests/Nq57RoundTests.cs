using System.Text;
using Microsoft.Playwright;
using Platform.BrowserSupport;
using Platform.TestSupport;

namespace Platform.Web.BrowserTests;

/// <summary>
/// An NQ57 self-assessment round in a real browser (seed 003): xã Như Thanh (Thanh Hóa) self-assesses with evidence,
/// the province's reviewer overrides one criterion with its reason and approves, the province's leader (for the Party
/// standing committee) decides the final score, and the province's round page lists it.
/// <para>
/// The clock is not moved: the harness's "now" is 02/02/2026 (<see cref="PlatformHarness.AspirePlatform.Start"/>), inside
/// the seed's round (data from 01/07/2025, due before 09:00 19/06/2026), and the clock-moving tests move it only to
/// February, still inside. Xã Như Thanh is this test's own: no other browser test writes to it.
/// </para>
/// </summary>
public sealed class Nq57RoundTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Commune = "thanh-hoa.nhu-thanh";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_commune_self_assesses_with_evidence_the_reviewer_overrides_one_criterion_and_the_final_score_is_listed()
    {
        var shots = new Screenshots(nameof(A_commune_self_assesses_with_evidence_the_reviewer_overrides_one_criterion_and_the_final_score_is_listed));

        // 1. The commune fills four criteria of the rubric (frameworks §3), worked out by hand:
        //    A.I.1.1 "full" → 1,5; A.I.2.1 96% (> 95%) → 3; A.III.2.2 "full" (all connected) → 2; B.II.2 6 articles (≥ 5) → 10;
        //    every other criterion not reported → 0. Self total 1,5 + 3 + 2 + 10 = 16,5 (group A 6,5, B 10).
        await using var reporter = await Person.SignInAsync(fixture, shots, "thanh-hoa.nhu-thanh.reporter");
        await reporter.GoAsync(fixture, $"/nhap-lieu/nq57-self-2026/2026/{Commune}");
        await Assertions.Expect(reporter.Page.GetByTestId("entry-form")).ToBeVisibleAsync();
        await Assertions.Expect(reporter.Page.Locator(".entry-facts")).ToContainTextAsync("09:00 ngày 19/06/2026 (giờ Việt Nam)");
        await reporter.Page.GetByTestId("input-A.I.1.1").SelectOptionAsync("full");
        await reporter.Page.GetByTestId("input-A.I.2.1").FillAsync("96%");
        await reporter.Page.GetByTestId("input-A.III.2.2").SelectOptionAsync("full");
        await reporter.Page.GetByTestId("input-B.II.2").FillAsync("6");
        await reporter.ShotAsync("nhap-lieu");
        await reporter.Page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(reporter.Page.GetByTestId("outcome")).ToContainTextAsync("Đã lưu bản nháp");

        //    Evidence is required for every reported criterion (seed 003's "Hướng dẫn tài liệu minh chứng").
        string[] reported = ["A.I.1.1", "A.I.2.1", "A.III.2.2", "B.II.2"];
        for (var i = 0; i < reported.Length; i++)
        {
            await reporter.Page.GetByTestId("evidence-input").SelectOptionAsync(reported[i]);
            await reporter.Page.GetByTestId("evidence-file").SetInputFilesAsync(new FilePayload
            {
                Name = $"minh-chung-{reported[i]}.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes($"%PDF-1.4\n% minh chung {reported[i]}\n%%EOF\n"),
            });
            await reporter.Page.GetByTestId("upload-evidence").ClickAsync();
            await Assertions.Expect(reporter.Page.Locator("[data-testid=evidence] tbody tr")).ToHaveCountAsync(i + 1);
        }
        await reporter.ShotAsync("minh-chung");
        await reporter.Page.GetByTestId("nq57-self-scores").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(reporter.Page.GetByTestId("self-total")).ToContainTextAsync("16,5");
        await Assertions.Expect(reporter.Page.Locator("[data-code='B.II.2'] [data-column=self]")).ToHaveTextAsync("10");
        await reporter.ShotAsync("bang-tu-cham");
        await reporter.GoAsync(fixture, $"/nhap-lieu/nq57-self-2026/2026/{Commune}");
        await reporter.Page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(reporter.Page.GetByTestId("state")).ToHaveTextAsync("Đã nộp");
        await reporter.ShotAsync("da-nop");

        // 2. The reviewer (Thanh Hóa, for the Party committee's office) lowers A.I.1.1 to 0,75 with its reason and approves:
        //    reviewed total 0,75 + 3 + 2 + 10 = 15,75.
        await using var reviewer = await Person.SignInAsync(fixture, shots, "thanh-hoa.reviewer");
        await reviewer.GoAsync(fixture, "/tham-dinh");
        await reviewer.Page.Locator("[data-testid=review-row]", new() { HasText = "Như Thanh" }).GetByTestId("review-open").ClickAsync();
        await reviewer.Page.GetByTestId("nq57-review-link").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(reviewer.Page.Locator("[data-code='A.I.1.1'] [data-column=evidence]")).ToContainTextAsync("minh-chung-A.I.1.1");
        await reviewer.Page.Locator("#score-A\\.I\\.1\\.1").FillAsync("0,75");
        await reviewer.Page.GetByTestId("save-scores").ClickAsync();
        //    Without a reason the override is refused, naming the criterion.
        await Assertions.Expect(reviewer.Page.Locator("[data-code='A.I.1.1']")).ToContainTextAsync("cần ghi nhận xét nêu lý do");
        await reviewer.ShotAsync("thieu-nhan-xet");
        await reviewer.Page.Locator("#comment-A\\.I\\.1\\.1").FillAsync("Kế hoạch ban hành chậm, chưa có nội dung đột phá lượng hóa");
        await reviewer.Page.GetByTestId("save-scores").ClickAsync();
        await Assertions.Expect(reviewer.Page.GetByTestId("scores-saved")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.Page.GetByTestId("reviewed-total")).ToHaveTextAsync("15,75");
        await reviewer.ShotAsync("da-cham");
        await reviewer.Page.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(reviewer.Page.GetByTestId("review-confirmation")).ToBeVisibleAsync();

        // 3. The province's leader decides: B.II.2 down to 5 (the "1–4 articles" tier) with its reason.
        //    Final 0,75 + 3 + 2 + 5 = 10,75; group A 0,75 + 3 + 2 = 5,75; group B 5.
        await using var leader = await Person.SignInAsync(fixture, shots, "thanh-hoa.leader");
        await Eventually.WaitForAsync(async () =>
        {
            await leader.GoAsync(fixture, $"/nq57/2026/{Commune}");
            return await leader.Page.GetByTestId("decide").CountAsync();
        }, count => count == 1, Wait, "Như Thanh's approval in dx-index");
        await Assertions.Expect(leader.Page.Locator("[data-code='A.I.1.1'] [data-column=comment]")).ToContainTextAsync("Kế hoạch ban hành chậm");
        await leader.Page.Locator("#final-B\\.II\\.2").FillAsync("5");
        await leader.Page.Locator("#reason-B\\.II\\.2").FillAsync("Chỉ 4 bài đăng trên báo chính thức");
        await leader.ShotAsync("quyet-dinh");
        await leader.Page.GetByTestId("decide").ClickAsync();
        await Assertions.Expect(leader.Page.GetByTestId("decided")).ToBeVisibleAsync();
        await Assertions.Expect(leader.Page.GetByTestId("final-total")).ToContainTextAsync("10,75");
        await leader.ShotAsync("da-quyet-dinh");

        // 4. The province's round page lists it with the three totals and the groups, not labelled as illustrative data.
        await leader.GoAsync(fixture, "/nq57/2026");
        var row = leader.Page.Locator($"[data-testid=round-table] tr[data-unit='{Commune}']");
        await Assertions.Expect(row.Locator("[data-column=self]")).ToHaveTextAsync("16,5");
        await Assertions.Expect(row.Locator("[data-column=reviewer]")).ToHaveTextAsync("15,75");
        await Assertions.Expect(row.Locator("[data-column=final]")).ToHaveTextAsync("10,75");
        await Assertions.Expect(row.Locator("[data-column=group-a]")).ToHaveTextAsync("5,75");
        await Assertions.Expect(row.Locator("[data-column=group-b]")).ToHaveTextAsync("5");
        await Assertions.Expect(row.GetByTestId("demo-label")).ToHaveCountAsync(0);
        await Assertions.Expect(leader.Page.Locator("[data-testid=round-table] tr[data-unit='thanh-hoa.xa-mau-01'] [data-testid=demo-label]")).ToBeVisibleAsync();
        await Assertions.Expect(leader.Page.GetByTestId("most-missed")).ToBeVisibleAsync();
        await leader.ShotAsync("danh-sach-dot");
    }
}
