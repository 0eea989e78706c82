extern alias intake;
extern alias scoring;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.BrowserSupport;
using Platform.TestSupport;
using PeriodCloser = intake::Platform.Intake.Periods.PeriodCloser;
using ScoringDb = scoring::Platform.MonthlyScoring.Data.MonthlyScoringDbContext;

namespace Platform.Web.BrowserTests;

/// <summary>
/// The monthly cycle in a real browser against the real platform: a reporter of Lào Cai's Department of Science and
/// Technology fills and submits January 2026; the province's reviewer returns it with a reason; the reporter fixes it
/// and submits again; the reviewer approves; the month closes; the national publisher publishes; the scoreboard and
/// Lào Cai's explanation show the numbers worked out by hand below. Screenshots of every step are kept.
/// </summary>
public sealed class MonthlyCycleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Report_return_fix_approve_close_publish_and_read_the_scores()
    {
        var shots = new Screenshots(nameof(Report_return_fix_approve_close_publish_and_read_the_scores));

        // 1. The reporter opens "Việc của tôi", then the entry form for Lào Cai, and submits with one wrong value.
        await using var reporter = await Person.SignInAsync(fixture, shots, "lao-cai.so-khcn.reporter");
        await reporter.GoAsync(fixture, "/viec-cua-toi?framework=monthly-4585&period=2026-01");
        await Assertions.Expect(reporter.Page.GetByTestId("task-lao-cai")).ToBeVisibleAsync();
        await reporter.ShotAsync("viec-cua-toi");
        await reporter.Page.GetByTestId("open-entry-lao-cai").ClickAsync();
        var values = new Dictionary<string, string>
        {
            ["A.due"] = "10", ["A.backlog"] = "0", ["A.onTime"] = "7", ["A.late"] = "1",
            ["D1.accepted"] = "5", ["D1.total"] = "10", ["E3.completion"] = "1",
        };
        foreach (var (key, value) in values) await reporter.Page.GetByTestId($"input-{key}").FillAsync(value);
        await reporter.Page.GetByTestId("input-E3.onTime").SelectOptionAsync("true");
        await reporter.ShotAsync("nhap-lieu");
        await reporter.Page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(reporter.Page.GetByTestId("outcome")).ToContainTextAsync("Đã lưu bản nháp");
        await reporter.Page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(reporter.Page.GetByTestId("state")).ToHaveTextAsync("Đã nộp");
        await reporter.ShotAsync("da-nop");

        // 2. The province reviewer returns it with a reason.
        await using var reviewer = await Person.SignInAsync(fixture, shots, "lao-cai.reviewer");
        await reviewer.GoAsync(fixture, "/tham-dinh");
        await Assertions.Expect(reviewer.Page.GetByTestId("review-row")).ToHaveCountAsync(1);
        await reviewer.ShotAsync("hang-doi");
        await reviewer.Page.GetByTestId("review-open").ClickAsync();
        await reviewer.Page.GetByLabel("Lý do trả lại (bắt buộc)").FillAsync("Số nhiệm vụ hoàn thành đúng hạn phải là 8 theo Hệ thống 57.");
        await reviewer.ShotAsync("tra-lai");
        await reviewer.Page.GetByTestId("return").ClickAsync();
        await Assertions.Expect(reviewer.Page.GetByTestId("review-confirmation")).ToBeVisibleAsync();

        // 3. The reporter sees why, fixes the value and submits again.
        await reporter.GoAsync(fixture, "/viec-cua-toi?framework=monthly-4585&period=2026-01");
        await Assertions.Expect(reporter.Page.GetByTestId("return-reason-lao-cai")).ToContainTextAsync("phải là 8 theo Hệ thống 57");
        await reporter.ShotAsync("bi-tra-lai");
        await reporter.Page.GetByTestId("open-entry-lao-cai").ClickAsync();
        await Assertions.Expect(reporter.Page.GetByTestId("return-reason")).ToContainTextAsync("phải là 8");
        await reporter.Page.GetByTestId("input-A.onTime").FillAsync("8");
        await reporter.Page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(reporter.Page.GetByTestId("state")).ToHaveTextAsync("Đã nộp");
        await reporter.ShotAsync("nop-lai");

        // 4. The reviewer approves.
        await reviewer.GoAsync(fixture, "/tham-dinh");
        await reviewer.Page.GetByTestId("review-open").ClickAsync();
        await reviewer.ShotAsync("xem-lai");
        await reviewer.Page.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(reviewer.Page.GetByTestId("review-confirmation")).ToBeVisibleAsync();
        await reviewer.ShotAsync("da-duyet");
        await Eventually.WaitForAsync(() => ScoringAsync(db => db.ApprovedValues.AsNoTracking()
                .CountAsync(v => v.Period == "2026-01" && v.Unit == "lao-cai", Ct)),
            n => n == 8, Wait, "the 8 approved values of Lào Cai in scoring");

        // 5. Past the national deadline (before the 5th, Vietnam time) intake closes January.
        fixture.Site.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 5, 1, 0, 0, TimeSpan.Zero));
        await fixture.Site.Intake.Services.GetRequiredService<PeriodCloser>().CloseDueAsync(Ct);
        await Eventually.WaitForAsync(() => ScoringAsync(db => db.ClosedPeriods.AsNoTracking()
                .AnyAsync(c => c.FrameworkId == "monthly-4585" && c.Period == "2026-01" && c.Level == "to-national", Ct)),
            closed => closed, Wait, "January closed at national level in scoring");

        // 6. The national publisher publishes January for the provinces.
        await using var publisher = await Person.SignInAsync(fixture, shots, "tw-cong-bo");
        await publisher.GoAsync(fixture, "/cong-bo?ky=2026-01&nhom=provinces");
        await publisher.ShotAsync("truoc-cong-bo");
        await publisher.Page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(publisher.Page.GetByTestId("publication-confirmation")).ToBeVisibleAsync();
        await Assertions.Expect(publisher.Page.Locator("[data-testid=publication-revision][data-revision='1'][data-status=current]")).ToBeVisibleAsync();
        await publisher.ShotAsync("da-cong-bo");

        // 7. The scoreboard and Lào Cai's explanation, worked out by hand from frameworks.md §1. Only Lào Cai's
        //    Department of Science and Technology reported (the other agencies and the other 33 provinces did not:
        //    their indicators are 0, flagged missing, and lower no best):
        //      T = A.due + A.backlog = 10 + 0 = 10; best T = 10 (Lào Cai itself)
        //      A1 = onTime / T × 18 = 8/10 × 18 = 14.4;  A2 = late / T × 0.5 × 18 = 1/10 × 9 = 0.9;  A3 = T / best T × 2 = 2
        //      → A = 17.3;  B = 0;  C = 0;  D1 = accepted / total × 10 = 5/10 × 10 = 5, D2 = 0 → D = 5
        //      E1 = E2 = 0;  E3 = on time, completion 1 × 5 = 5 → E = 5
        //      total = round(17.3 + 0 + 0 + 5 + 5) = round(27.3) = 27 → class D (below 50), rank 1 of 34.
        await publisher.GoAsync(fixture, "/bang-xep-hang?ky=2026-01&nhom=provinces");
        var row = publisher.Page.Locator("[data-testid=scoreboard-row][data-unit=lao-cai]");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=run-status][data-kind=official]")).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("unit-total")).ToHaveTextAsync("27");
        await Assertions.Expect(row.GetByTestId("unit-class")).ToHaveTextAsync("D");
        await Assertions.Expect(row.GetByTestId("unit-rank")).ToHaveTextAsync("1");
        await publisher.ShotAsync("bang-xep-hang");
        await row.GetByTestId("unit-link").ClickAsync();
        await Assertions.Expect(publisher.Page.Locator("[data-testid=indicator][data-code=A1] [data-testid=indicator-score]")).ToContainTextAsync("14,4");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=indicator][data-code=A2] [data-testid=indicator-score]")).ToContainTextAsync("0,9");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=indicator][data-code=A3] [data-testid=indicator-score]")).ToContainTextAsync("2");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=explanation-group][data-group=A] [data-testid=group-total]")).ToContainTextAsync("17,3");
        await publisher.ShotAsync("giai-thich-lao-cai");
    }

    private async Task<T> ScoringAsync<T>(Func<ScoringDb, Task<T>> query)
    {
        await using var scope = fixture.Site.Scoring.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ScoringDb>());
    }
}
