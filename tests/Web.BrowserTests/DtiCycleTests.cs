using Microsoft.Playwright;
using Platform.BrowserSupport;
using Platform.PlatformHarness;
using Platform.TestSupport;

namespace Platform.Web.BrowserTests;

/// <summary>
/// The provincial digital-transformation index (DTI, QĐ 405) of 2026 in a real browser against the real platform: Lào
/// Cai's Department of Science and Technology (a DTI lead agency, src/Intake/Assignments/Data/dti-province-405.csv) submits
/// its inputs through intake's entry form, Lào Cai's reviewer approves, the clock moves past 15/04/2027 so the year
/// closes at national level, <c>tw-cong-bo</c> confirms what is missing and publishes, and the ranking and Lào Cai's
/// profile show the numbers worked out by hand below; Lào Cai's reviewer records an action for its weak indicator.
/// <para>
/// It moves the platform's one clock, so it is in <see cref="ClockMovingTests"/> and puts the clock back. Lào Cai's DTI
/// 2026 is its own: the illustrative DTI data is 2025, of other provinces.
/// </para>
/// </summary>
[Collection(ClockMovingTests.Name)]
public sealed class DtiCycleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_department_submits_the_province_approves_the_year_closes_and_the_published_index_shows_the_hand_checked_numbers()
    {
        var shots = new Screenshots(nameof(A_department_submits_the_province_approves_the_year_closes_and_the_published_index_shows_the_hand_checked_numbers));

        // 1. The department fills the inputs it leads for 2026 on intake's entry form and submits.
        await using var reporter = await Person.SignInAsync(fixture, shots, "lao-cai.so-khcn.reporter");
        await reporter.GoAsync(fixture, "/nhap-lieu/dti-province-405/2026/lao-cai");
        foreach (var key in new[] { "1.1.chair", "1.1.active", "2.1.issued" })
            await reporter.Page.GetByTestId($"input-{key}").SelectOptionAsync("true");
        var counts = new Dictionary<string, string> { ["1.2.a"] = "3", ["1.2.b"] = "4", ["8.2.a"] = "150.000", ["8.2.b"] = "500.000" };
        foreach (var (key, value) in counts) await reporter.Page.GetByTestId($"input-{key}").FillAsync(value);
        await reporter.ShotAsync("nhap-lieu-dti");
        await reporter.Page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(reporter.Page.GetByTestId("outcome")).ToContainTextAsync("Đã lưu bản nháp");
        await reporter.Page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(reporter.Page.GetByTestId("state")).ToHaveTextAsync("Đã nộp");
        await reporter.ShotAsync("da-nop-dti");

        // 2. Lào Cai's reviewer approves it.
        await using var reviewer = await Person.SignInAsync(fixture, shots, "lao-cai.reviewer");
        await reviewer.GoAsync(fixture, "/tham-dinh?khung=dti-province-405&ky=2026");
        await Assertions.Expect(reviewer.Page.GetByTestId("review-row")).ToHaveCountAsync(1);
        await reviewer.Page.GetByTestId("review-open").ClickAsync();
        await reviewer.ShotAsync("xem-dti");
        await reviewer.Page.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(reviewer.Page.GetByTestId("review-confirmation")).ToBeVisibleAsync();
        //    The approval reaches dx-index through the outbox and RabbitMQ: the provisional index, as the reviewer reads it,
        //    has Lào Cai reported.
        await Eventually.WaitForAsync(() => LaoCaiProvisionalAsync(reviewer), total => total is not null, Wait, "Lào Cai's 2026 values in dx-index");

        // 3. Past the national deadline (before 15/04/2027, Vietnam time) intake's closer closes 2026; PeriodClosed reaches
        //    dx-index. The national publisher waits until the DTI years say 2026 is closed.
        fixture.Platform.SetNow(new DateTimeOffset(2027, 4, 16, 1, 0, 0, TimeSpan.Zero));
        await using var publisher = await Person.SignInAsync(fixture, shots, "tw-cong-bo");
        await Eventually.WaitForAsync(() => ClosedAsync(publisher), closed => closed, Wait, "2026 closed at national level in dx-index");

        // 4. The confirmation names what is missing (33 provinces have not reported, Lào Cai in part) and needs the
        //    acknowledgement; then revision 1 is published.
        await publisher.GoAsync(fixture, "/chi-so-cds/cong-bo?nam=2026");
        await Assertions.Expect(publisher.Page.GetByTestId("publication-closed")).ToContainTextAsync("Đã chốt số liệu cấp trung ương");
        await Assertions.Expect(publisher.Page.GetByTestId("preview-units")).ToContainTextAsync("1/34 đơn vị có số liệu được xếp hạng");
        await Assertions.Expect(publisher.Page.GetByTestId("preview-units")).ToContainTextAsync("33 đơn vị chưa báo cáo");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=missing-unit][data-unit=ha-noi]")).ToContainTextAsync("Thành phố Hà Nội");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=missing-unit][data-unit=lao-cai]")).ToContainTextAsync("Tỉnh Lào Cai");
        await Assertions.Expect(publisher.Page.Locator("label[for=acknowledge-missing]")).ToHaveTextAsync("Tôi xác nhận công bố khi còn thiếu số liệu của 34 đơn vị");
        await publisher.ShotAsync("xac-nhan-cong-bo-dti");
        await publisher.Page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(publisher.Page.GetByTestId("acknowledge-missing-error")).ToHaveTextAsync("Đánh dấu xác nhận để công bố khi còn thiếu số liệu.");
        await publisher.Page.GetByTestId("acknowledge-missing").CheckAsync();
        await publisher.Page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(publisher.Page.GetByTestId("publication-confirmation")).ToBeVisibleAsync();
        await Assertions.Expect(publisher.Page.GetByTestId("publication-current")).ToContainTextAsync("lần công bố 1");
        await publisher.ShotAsync("da-cong-bo-dti");

        // 5. The numbers, worked out by hand from frameworks.md §2 (only Lào Cai's Department of Science and Technology
        //    reported; every other indicator is not reported, 0, flagged missing):
        //      1.1 = chair and active → 10;  1.2 = 3/4 = 75 % < 100 % → 0 (weak: below half its 10 points)
        //      2.1 = issued → 10;  8.2 = capped 50 %: 150.000 / 500.000 = 0,3 < 0,5 → 0,3 / 0,5 × 50 = 30
        //      pillars: 1 = 10 + 0 = 10 (of 50), 2 = 10 (of 50), 8 = 30 (of 150), the others 0 → total 50, rank 1 of 1;
        //      the best and the median of the one ranked province are its own.
        await publisher.GoAsync(fixture, "/chi-so-cds?nam=2026");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=dti-status][data-kind=official]")).ToBeVisibleAsync();
        var row = publisher.Page.Locator("[data-testid=scoreboard-row][data-unit=lao-cai]");
        await Assertions.Expect(row.GetByTestId("unit-total")).ToHaveTextAsync("50");
        await Assertions.Expect(row.GetByTestId("unit-rank")).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("[data-group='1']")).ToHaveTextAsync("10");
        await Assertions.Expect(row.Locator("[data-group='2']")).ToHaveTextAsync("10");
        await Assertions.Expect(row.Locator("[data-group='8']")).ToHaveTextAsync("30");
        await Assertions.Expect(row.Locator("[data-group='3']")).ToHaveTextAsync("0");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=scoreboard-row][data-unit=ha-noi] [data-testid=unit-total]")).ToHaveTextAsync("chưa báo cáo");
        await Assertions.Expect(publisher.Page.GetByTestId("scoreboard-count")).ToContainTextAsync("1 được xếp hạng, 33 chưa báo cáo");
        await publisher.ShotAsync("xep-hang-dti");

        // 6. Lào Cai's profile: its pillars against the best and median (chart and table), 1.2 weak with its proposed action.
        await reviewer.GoAsync(fixture, "/chi-so-cds/2026/lao-cai");
        await Assertions.Expect(reviewer.Page.GetByTestId("unit-total")).ToHaveTextAsync("50");
        var nhanThuc = reviewer.Page.Locator("[data-testid=pillar-row][data-pillar='1']");
        await Assertions.Expect(nhanThuc.GetByTestId("pillar-score")).ToHaveTextAsync("10 (20%)");
        await Assertions.Expect(nhanThuc.GetByTestId("pillar-best")).ToHaveTextAsync("10 (20%)");
        await Assertions.Expect(nhanThuc.GetByTestId("pillar-median")).ToHaveTextAsync("10 (20%)");
        await Assertions.Expect(reviewer.Page.Locator("[data-testid=pillar-row][data-pillar='8'] [data-testid=pillar-score]")).ToHaveTextAsync("30 (20%)");
        await Assertions.Expect(reviewer.Page.Locator(".chart-pillars canvas")).ToBeVisibleAsync();
        var weak = reviewer.Page.Locator("[data-testid=dti-indicator][data-code='1.2']");
        await Assertions.Expect(weak).ToHaveAttributeAsync("data-weak", "true");
        await Assertions.Expect(weak.GetByTestId("indicator-score")).ToHaveTextAsync("0");
        await Assertions.Expect(weak.GetByTestId("proposed-action")).Not.ToBeEmptyAsync();
        await Assertions.Expect(reviewer.Page.Locator("[data-testid=dti-indicator][data-code='8.2'] [data-testid=indicator-score]")).ToHaveTextAsync("30");
        await reviewer.ShotAsync("ho-so-lao-cai");

        // 7. The reviewer records an action for 1.2 next to it.
        await weak.GetByTestId("add-action").ClickAsync();
        await Assertions.Expect(reviewer.Page.Locator("[data-testid=action-indicator] option:checked")).ToHaveAttributeAsync("value", "1.2");
        await reviewer.Page.GetByTestId("action-text").FillAsync("Ban hành đủ 4 văn bản chỉ đạo chuyên đề về chuyển đổi số");
        await reviewer.Page.GetByTestId("action-owner").FillAsync("Văn phòng UBND tỉnh");
        await reviewer.Page.GetByTestId("action-due").FillAsync("30/06/2027");
        await reviewer.Page.GetByTestId("action-progress").FillAsync("25");
        await reviewer.Page.GetByTestId("action-status").SelectOptionAsync("in-progress");
        await reviewer.ShotAsync("them-hanh-dong");
        await reviewer.Page.GetByTestId("save-action").ClickAsync();
        await Assertions.Expect(reviewer.Page.GetByTestId("action-saved")).ToBeVisibleAsync();
        var action = reviewer.Page.Locator("[data-testid=dti-indicator][data-code='1.2'] [data-testid=dti-action]");
        await Assertions.Expect(action).ToContainTextAsync("Ban hành đủ 4 văn bản chỉ đạo chuyên đề về chuyển đổi số");
        await Assertions.Expect(action).ToContainTextAsync("hạn 30/06/2027");
        await Assertions.Expect(action).ToContainTextAsync("Đang thực hiện");
        await reviewer.ShotAsync("da-them-hanh-dong");

        // 8. Anyone reads the published index without signing in.
        await using var citizen = await Person.AnonymousAsync(fixture, shots, "nguoi-dan");
        await citizen.GoAsync(fixture, "/ket-qua/chi-so-cds?nam=2026");
        await Assertions.Expect(citizen.Page.GetByTestId("dti-status")).ToContainTextAsync("công bố lần 1");
        await Assertions.Expect(citizen.Page.Locator("[data-testid=scoreboard-row][data-unit=lao-cai] [data-testid=unit-total]")).ToHaveTextAsync("50");
        await citizen.ShotAsync("ket-qua-dti");
    }

    /// <summary>Lào Cai's total in the provisional index as <paramref name="person"/> reads it on dx-index's API; null before it reported.</summary>
    private async Task<decimal?> LaoCaiProvisionalAsync(Person person)
    {
        var response = await person.Page.APIRequest.GetAsync(fixture.Url("/api/dx-index/dti/2026/ranking?kind=provisional"));
        if (!response.Ok) return null;
        var line = (await response.JsonAsync())!.Value.GetProperty("results").EnumerateArray().First(r => r.GetProperty("unit").GetString() == "lao-cai");
        return line.GetProperty("reported").GetBoolean() ? line.GetProperty("total").GetDecimal() : null;
    }

    /// <summary>Whether dx-index tells <paramref name="publisher"/> that 2026 is closed at national level.</summary>
    private async Task<bool> ClosedAsync(Person publisher)
    {
        var response = await publisher.Page.APIRequest.GetAsync(fixture.Url("/api/dx-index/dti/years"));
        Assert.True(response.Ok, $"{response.Status}: {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value.EnumerateArray().Any(y => y.GetProperty("year").GetString() == "2026" && y.GetProperty("closed").GetBoolean());
    }

    /// <summary>Back to 10:00 on 2 February 2026 for whatever runs next (2026 stays closed: closing is final).</summary>
    public void Dispose() => fixture.Platform.SetNow(AspirePlatform.Start);
}
