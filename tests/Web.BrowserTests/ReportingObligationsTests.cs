using Microsoft.Playwright;
using Platform.BrowserSupport;

namespace Platform.Web.BrowserTests;

/// <summary>
/// The monthly cycle as the officials of issue 12 meet it, in a real browser against the real platform (10:00 on
/// 2 February 2026, Vietnam time): a ministry reports its own month to the national level and the national reviewer
/// approves it; a department of Thanh Hóa that owns a non-A input (the Department of Finance, D2) reports it and the
/// province account sees it in the province's picture. The browser tests share one platform: these units are none
/// that another test writes to (<see cref="MonthlyCycleTests"/> has Lào Cai, <see cref="ReportingFormTests"/> Thanh
/// Hóa's Department of Science and Technology and Bộ Khoa học và Công nghệ), and the clock is never moved here.
/// </summary>
public sealed class ReportingObligationsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Bộ Tài chính's January: every input of monthly-4585, as typed into the form.</summary>
    private static readonly Dictionary<string, string> MinistryMonth = new()
    {
        ["A.due"] = "12", ["A.backlog"] = "1", ["A.onTime"] = "10", ["A.late"] = "2",
        ["B.B1"] = "17", ["B.B2"] = "18.5", ["B.B3"] = "20", ["B.B4"] = "16", ["B.B5"] = "21",
        ["C1.records"] = "125000", ["C2.transactions"] = "48000", ["D1.accepted"] = "3", ["D1.total"] = "5", ["D2.rate"] = "0,42",
        ["E1.attended"] = "2", ["E1.held"] = "2", ["E2.speeches"] = "1", ["E2.reports"] = "0", ["E3.completion"] = "1",
    };

    [Fact]
    public async Task A_ministry_reporter_fills_and_submits_its_month_and_the_national_reviewer_approves_it()
    {
        var shots = new Screenshots(nameof(A_ministry_reporter_fills_and_submits_its_month_and_the_national_reviewer_approves_it));

        // 1. Bộ Tài chính's reporter finds January in "Việc của tôi" (every open report; January is due before the 5th).
        await using var reporter = await Person.SignInAsync(fixture, shots, "btc.reporter");
        await reporter.GoAsync(fixture, "/viec-cua-toi");
        var january = reporter.Page.Locator("[data-testid=open-task][data-framework=monthly-4585][data-period='2026-01'][data-target=btc]");
        await Assertions.Expect(january).ToContainTextAsync("Bộ Tài chính");
        await Assertions.Expect(january).ToContainTextAsync("trước 00:00 ngày 05/02/2026");
        await Assertions.Expect(january).ToContainTextAsync("20 chỉ tiêu");
        await reporter.ShotAsync("viec-cua-toi");

        // 2. The form has every input; the reporter fills them all and submits.
        await reporter.Page.GetByTestId("open-entry-monthly-4585-2026-01-btc").ClickAsync();
        await Assertions.Expect(reporter.Page.Locator("h1")).ToHaveTextAsync("Nhập liệu: Bộ Tài chính — kỳ tháng 01/2026");
        await Assertions.Expect(reporter.Page.Locator(".entry-field")).ToHaveCountAsync(20);
        foreach (var (key, value) in MinistryMonth) await reporter.Page.GetByTestId($"input-{key}").FillAsync(value);
        await reporter.Page.GetByTestId("input-E3.onTime").SelectOptionAsync("true");
        await reporter.ShotAsync("nhap-lieu");
        await reporter.Page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(reporter.Page.GetByTestId("state")).ToHaveTextAsync("Đã nộp");
        await Assertions.Expect(reporter.Page.GetByTestId("outcome")).ToContainTextAsync("Đã nộp báo cáo.");
        await reporter.ShotAsync("da-nop");

        // 3. The national reviewer finds it in the queue, by the ministry's name, and approves it.
        await using var reviewer = await Person.SignInAsync(fixture, shots, "tw-tham-dinh");
        await reviewer.GoAsync(fixture, "/tham-dinh");
        var row = reviewer.Page.Locator("[data-testid=review-row]", new() { HasText = "Bộ Tài chính" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await reviewer.ShotAsync("hang-doi");
        await row.GetByTestId("review-open").ClickAsync();
        await reviewer.ShotAsync("xem-bao-cao");
        await reviewer.Page.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(reviewer.Page.GetByTestId("review-confirmation")).ToBeVisibleAsync();
        await reviewer.ShotAsync("da-duyet");

        // 4. The ministry's leader reads the outcome in the ministry's picture; the reporter has nothing left to do.
        await using var leader = await Person.SignInAsync(fixture, shots, "btc.leader");
        await leader.GoAsync(fixture, "/tinh-hinh-bao-cao?ky=2026-01");
        await Assertions.Expect(leader.Page.GetByTestId("overview-status-btc")).ToHaveTextAsync("Đã duyệt");
        await Assertions.Expect(leader.Page.GetByTestId("overview-submitted-btc")).ToContainTextAsync("Báo cáo Bộ Tài chính");
        await leader.ShotAsync("tinh-hinh-bao-cao");
        await reporter.GoAsync(fixture, "/viec-cua-toi?framework=monthly-4585");
        await Assertions.Expect(reporter.Page.Locator("[data-testid=open-task][data-period='2026-01']")).ToHaveCountAsync(0);
        await reporter.ShotAsync("het-viec-thang-01");
    }

    [Fact]
    public async Task A_Thanh_Hoa_department_owning_a_non_A_input_submits_it_and_the_province_sees_it_in_its_picture()
    {
        var shots = new Screenshots(nameof(A_Thanh_Hoa_department_owning_a_non_A_input_submits_it_and_the_province_sees_it_in_its_picture));

        // 1. The Department of Finance owes D2 (disbursement rate) for the province, due before the 3rd.
        await using var finance = await Person.SignInAsync(fixture, shots, "thanh-hoa.so-tc.reporter");
        await finance.GoAsync(fixture, "/viec-cua-toi");
        var january = finance.Page.Locator("[data-testid=open-task][data-framework=monthly-4585][data-period='2026-01'][data-target=thanh-hoa]");
        await Assertions.Expect(january).ToContainTextAsync("Tỉnh Thanh Hóa");
        await Assertions.Expect(january).ToContainTextAsync("trước 00:00 ngày 03/02/2026");
        await finance.ShotAsync("viec-cua-toi");
        await finance.Page.GetByTestId("open-entry-monthly-4585-2026-01-thanh-hoa").ClickAsync();
        await Assertions.Expect(finance.Page.Locator(".entry-field")).ToHaveCountAsync(1);
        await finance.Page.GetByTestId("input-D2.rate").FillAsync("42%");
        await finance.ShotAsync("nhap-lieu");
        await finance.Page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(finance.Page.GetByTestId("state")).ToHaveTextAsync("Đã nộp");
        await finance.ShotAsync("da-nop");

        // 2. The province account sees the whole month: who owes what, who has submitted, whom to contact.
        await using var province = await Person.SignInAsync(fixture, shots, "thanh-hoa.reporter");
        await province.Page.GetByRole(AriaRole.Link, new() { Name = "Tình hình báo cáo" }).First.ClickAsync();
        await Assertions.Expect(province.Page.GetByTestId("overview-title")).ToHaveTextAsync("Tỉnh Thanh Hóa — kỳ tháng 01/2026");
        // The framework as intake names it: its definition's name.
        await Assertions.Expect(province.Page.GetByTestId("overview-framework")).ToHaveTextAsync(
            "Chấm điểm hằng tháng các bộ, ngành, địa phương về thực hiện nhiệm vụ khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số");
        await Assertions.Expect(province.Page.GetByTestId("overview-row")).ToHaveCountAsync(6);
        var financeRow = province.Page.Locator("[data-testid=overview-row][data-unit='thanh-hoa.so-tc']");
        await Assertions.Expect(financeRow.Locator("th")).ToContainTextAsync("Sở Tài chính tỉnh Thanh Hóa");
        await Assertions.Expect(financeRow).ToContainTextAsync("Tỷ lệ giải ngân");
        await Assertions.Expect(province.Page.GetByTestId("overview-status-thanh-hoa.so-tc")).ToHaveTextAsync("Đã nộp");
        await Assertions.Expect(province.Page.GetByTestId("overview-submitted-thanh-hoa.so-tc")).ToContainTextAsync("Báo cáo Sở Tài chính Thanh Hóa");
        await Assertions.Expect(province.Page.GetByTestId("overview-contacts-thanh-hoa.so-tc").Locator("a"))
            .ToHaveAttributeAsync("href", "mailto:thanh-hoa.so-tc.reporter@dev.platform.invalid");
        await Assertions.Expect(province.Page.GetByTestId("overview-status-thanh-hoa.tt-pvhcc")).ToHaveTextAsync("Chưa nhập");
        await province.ShotAsync("tinh-hinh-bao-cao");

        // 3. The province account owes nothing itself (its agencies report), and the form for the province says so.
        await province.GoAsync(fixture, "/viec-cua-toi");
        await Assertions.Expect(province.Page.GetByTestId("no-open-tasks")).ToBeVisibleAsync();
        await province.ShotAsync("viec-cua-toi");
        await province.GoAsync(fixture, "/nhap-lieu/monthly-4585/2026-01/thanh-hoa");
        await Assertions.Expect(province.Page.GetByTestId("not-assigned")).ToContainTextAsync("“Tỉnh Thanh Hóa”");
        await Assertions.Expect(province.Page.GetByTestId("entry-form")).ToHaveCountAsync(0);
        await province.ShotAsync("khong-duoc-giao");
    }
}
