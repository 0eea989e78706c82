using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.BrowserSupport;
using Platform.PlatformHarness;
using Platform.TestSupport;

namespace Platform.Web.BrowserTests;

/// <summary>
/// The monthly cycle in a real browser against the real platform: a reporter of Lào Cai's Department of Science and
/// Technology fills and submits January 2026; the province's reviewer returns it with a reason; the reporter fixes it
/// and submits again; the reviewer approves; the month closes; the national publisher confirms what is missing and
/// publishes; the scoreboard and Lào Cai's explanation show the numbers worked out by hand below, the provinces without
/// data as "chưa báo cáo"; Lào Cai's committee proposes a bonus, the national standing body decides it after publication,
/// the publisher sees the period needs a correction and publishes it with a reason, which the public page shows.
/// Screenshots of every step are kept.
/// <para>
/// It moves the platform's one clock past January's deadline, so it runs alone, after the other browser tests
/// (<see cref="ClockMovingTests"/>), and puts the clock back when done. Lào Cai is its own: no other browser test writes
/// to Lào Cai's January, and only Lào Cai's Department of Science and Technology reports in it.
/// </para>
/// </summary>
[Collection(ClockMovingTests.Name)]
public sealed class MonthlyCycleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

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
        // The resubmission says why it was returned and what changed since: A.onTime 7 → 8, nothing else.
        await Assertions.Expect(reviewer.Page.GetByTestId("earlier-return-reason")).ToContainTextAsync("phải là 8 theo Hệ thống 57");
        var changed = reviewer.Page.Locator("[data-testid=changes-since-return] tbody tr");
        await Assertions.Expect(changed).ToHaveCountAsync(1);
        await Assertions.Expect(changed.First).ToHaveAttributeAsync("data-key", "A.onTime");
        await Assertions.Expect(changed.First.Locator("[data-column=returned]")).ToHaveTextAsync("7");
        await Assertions.Expect(changed.First.Locator("[data-column=current]")).ToHaveTextAsync("8");
        await reviewer.ShotAsync("xem-lai");
        await reviewer.Page.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(reviewer.Page.GetByTestId("review-confirmation")).ToBeVisibleAsync();
        await reviewer.ShotAsync("da-duyet");
        //    The approval reaches scoring through the outbox and RabbitMQ: the reviewer sees there that Lào Cai still lacks
        //    the inputs of the other agencies, but none of the 8 its Department of Science and Technology reported.
        string[] reported = [.. values.Keys, "E3.onTime"];
        await Eventually.WaitForAsync(() => InputsStatusAsync(reviewer), s => s.Lists("lao-cai") && s.Has("lao-cai", reported), Wait,
            "the 8 approved inputs of Lào Cai in scoring");

        // 5. Past the national deadline (before the 5th, Vietnam time: 08:00 on 5 February) intake's closer, looking every
        //    second, closes January; PeriodClosed reaches scoring through the outbox and RabbitMQ. The national publisher
        //    signs in and waits until scoring's publication preview says January is closed at national level.
        fixture.Platform.SetNow(new DateTimeOffset(2026, 2, 5, 1, 0, 0, TimeSpan.Zero));
        await using var publisher = await Person.SignInAsync(fixture, shots, "tw-cong-bo");
        await Eventually.WaitForAsync(() => ClosedAsync(publisher), closed => closed, Wait, "January closed at national level in scoring");

        // 6. The national publisher publishes January for the provinces. The confirmation names what is missing — the other
        //    33 provinces have not reported at all, Lào Cai only in part — and publishing needs the acknowledgement.
        await publisher.GoAsync(fixture, "/cong-bo?ky=2026-01&nhom=provinces");
        await Assertions.Expect(publisher.Page.GetByTestId("publication-closed")).ToContainTextAsync("Đã chốt số liệu cấp trung ương");
        var confirmation = publisher.Page.GetByTestId("publication-preview");
        await Assertions.Expect(confirmation.Locator("h2")).ToHaveTextAsync("Xác nhận công bố lần 1");
        await Assertions.Expect(publisher.Page.GetByTestId("preview-units")).ToContainTextAsync("1/34 đơn vị có số liệu được xếp hạng");
        await Assertions.Expect(publisher.Page.GetByTestId("preview-units")).ToContainTextAsync("33 đơn vị chưa báo cáo");
        var haNoi = publisher.Page.Locator("[data-testid=missing-unit][data-unit=ha-noi]");
        await Assertions.Expect(haNoi).ToContainTextAsync("Thành phố Hà Nội");
        await Assertions.Expect(haNoi.GetByTestId("not-reported")).ToHaveTextAsync("chưa báo cáo");
        var laoCaiMissing = publisher.Page.Locator("[data-testid=missing-unit][data-unit=lao-cai]");
        await Assertions.Expect(laoCaiMissing).ToContainTextAsync("Báo cáo thiếu 12 số liệu");
        await Assertions.Expect(laoCaiMissing).ToContainTextAsync("Số cuộc họp đã tổ chức");
        await Assertions.Expect(publisher.Page.GetByTestId("preview-recipients")).ToContainTextAsync("Trang kết quả công khai");
        await Assertions.Expect(publisher.Page.GetByTestId("preview-recipients")).ToContainTextAsync("Các hệ thống thông tin đăng ký nhận kết quả chấm điểm");
        await Assertions.Expect(publisher.Page.Locator("label[for=acknowledge-missing]")).ToHaveTextAsync("Tôi xác nhận công bố khi còn thiếu số liệu của 34 đơn vị");
        await publisher.ShotAsync("xac-nhan-cong-bo");
        await publisher.Page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(publisher.Page.GetByTestId("acknowledge-missing-error")).ToHaveTextAsync("Đánh dấu xác nhận để công bố khi còn thiếu số liệu.");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=publication-revision]")).ToHaveCountAsync(0);
        await publisher.ShotAsync("chua-xac-nhan");
        await publisher.Page.GetByTestId("acknowledge-missing").CheckAsync();
        await publisher.Page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(publisher.Page.GetByTestId("publication-confirmation")).ToBeVisibleAsync();
        await Assertions.Expect(publisher.Page.Locator("[data-testid=publication-revision][data-revision='1'][data-status=current]")).ToBeVisibleAsync();
        await publisher.ShotAsync("da-cong-bo");

        // 7. The scoreboard and Lào Cai's explanation, worked out by hand from frameworks.md §1. Only Lào Cai's
        //    Department of Science and Technology reported (the other agencies and the other 33 provinces did not:
        //    their indicators are not scored, flagged missing, and lower no best):
        //      T = A.due + A.backlog = 10 + 0 = 10; best T = 10 (Lào Cai itself)
        //      A1 = onTime / T × 18 = 8/10 × 18 = 14.4;  A2 = late / T × 0.5 × 18 = 1/10 × 9 = 0.9;  A3 = T / best T × 2 = 2
        //      → A = 17.3;  B = 0;  C = 0;  D1 = accepted / total × 10 = 5/10 × 10 = 5, D2 = 0 → D = 5
        //      E1 = E2 = 0 (not reported);  E3 = on time, completion 1 × 5 = 5 → E = 5
        //      total = round(17.3 + 0 + 0 + 5 + 5) = round(27.3) = 27 → class D (below 50), rank 1 of the 1 ranked unit;
        //      the 33 provinces that reported nothing are "chưa báo cáo", after it, without rank or class.
        await publisher.GoAsync(fixture, "/bang-xep-hang?ky=2026-01&nhom=provinces");
        var row = publisher.Page.Locator("[data-testid=scoreboard-row][data-unit=lao-cai]");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=run-status][data-kind=official]")).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("unit-total")).ToHaveTextAsync("27");
        await Assertions.Expect(row.GetByTestId("unit-class")).ToHaveTextAsync("D");
        await Assertions.Expect(row.GetByTestId("unit-rank")).ToHaveTextAsync("1");
        var silent = publisher.Page.Locator("[data-testid=scoreboard-row][data-unit=ha-noi]");
        await Assertions.Expect(silent.GetByTestId("unit-total")).ToHaveTextAsync("chưa báo cáo");
        await Assertions.Expect(silent.GetByTestId("unit-rank")).ToHaveTextAsync("—");
        await Assertions.Expect(publisher.Page.GetByTestId("scoreboard-count")).ToContainTextAsync("1 được xếp hạng, 33 chưa báo cáo");
        await publisher.ShotAsync("bang-xep-hang");
        await row.GetByTestId("unit-link").ClickAsync();
        await Assertions.Expect(publisher.Page.Locator("[data-testid=indicator][data-code=A1] [data-testid=indicator-score]")).ToContainTextAsync("14,4");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=indicator][data-code=A2] [data-testid=indicator-score]")).ToContainTextAsync("0,9");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=indicator][data-code=A3] [data-testid=indicator-score]")).ToContainTextAsync("2");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=explanation-group][data-group=A] [data-testid=group-total]")).ToContainTextAsync("17,3");
        var e1 = publisher.Page.Locator("[data-testid=indicator][data-code=E1]");
        await Assertions.Expect(e1.GetByTestId("indicator-score")).ToHaveTextAsync("chưa báo cáo");
        await Assertions.Expect(e1.Locator("ol.steps")).ToContainTextAsync("không tính được vì chưa báo cáo đủ số liệu");
        await Assertions.Expect(e1.Locator("ol.steps")).Not.ToContainTextAsync("(mẫu số bằng 0)");
        await Assertions.Expect(e1.GetByTestId("indicator-formula")).ToHaveTextAsync("“Số cuộc họp có đúng thành phần được mời tham dự” / “Số cuộc họp đã tổ chức” × 5 điểm");
        await publisher.ShotAsync("giai-thich-lao-cai");

        // 8. After publication Lào Cai's steering committee sends a bonus proposal; it cannot decide it. The national
        //    standing body records the Prime Minister's decision (2.5 points) with its basis: January is published, so
        //    the published revision stays and the period needs a correction.
        await using var committee = await Person.SignInAsync(fixture, shots, "lao-cai.bonus-approver");
        await committee.GoAsync(fixture, "/diem-thuong?ky=2026-01");
        await Assertions.Expect(committee.Page.GetByTestId("bonus-role-note")).ToContainTextAsync("gửi đề xuất điểm thưởng của đơn vị mình");
        await committee.Page.GetByTestId("bonus-justification").FillAsync("Đưa nền tảng dữ liệu dùng chung của tỉnh vào vận hành trước kế hoạch 3 tháng.");
        await committee.ShotAsync("nhap-de-xuat");
        await committee.Page.GetByTestId("bonus-propose").ClickAsync();
        await Assertions.Expect(committee.Page.GetByTestId("bonus-confirmation")).ToBeVisibleAsync();
        await Assertions.Expect(committee.Page.Locator("form[data-testid=bonus-approve-form]")).ToHaveCountAsync(0);
        await committee.ShotAsync("de-xuat-diem-thuong");

        const string basis = "Quyết định số 123/QĐ-TTg ngày 10/02/2026 của Thủ tướng Chính phủ";
        await using var standingBody = await Person.SignInAsync(fixture, shots, "tw-khen-thuong");
        await standingBody.GoAsync(fixture, "/diem-thuong?ky=2026-01");
        var approve = standingBody.Page.Locator("form[data-testid=bonus-approve-form]");
        await approve.GetByTestId("bonus-points-input").FillAsync("2,5");
        await approve.GetByTestId("bonus-basis-input").FillAsync(basis);
        await standingBody.ShotAsync("ghi-nhan-quyet-dinh");
        await approve.GetByTestId("bonus-approve").ClickAsync();
        await Assertions.Expect(standingBody.Page.GetByTestId("bonus-confirmation")).ToContainTextAsync("cần đính chính");
        await Assertions.Expect(standingBody.Page.GetByTestId("bonus-basis")).ToHaveTextAsync(basis);
        await standingBody.ShotAsync("da-ghi-nhan");

        // 9. The publisher sees the period needs a correction and why, and publishes revision 2 with its reason:
        //    Lào Cai 27.3 + 2.5 = 29.8 → 30.
        const string reason = "Cộng 2,5 điểm thưởng cho Tỉnh Lào Cai theo Quyết định số 123/QĐ-TTg";
        await publisher.GoAsync(fixture, "/cong-bo?ky=2026-01&nhom=provinces");
        await Assertions.Expect(publisher.Page.GetByTestId("correction-needed")).ToContainTextAsync("Điểm thưởng 2,5 điểm của Tỉnh Lào Cai");
        await Assertions.Expect(publisher.Page.Locator("[data-testid=preview-changes] tr[data-unit=lao-cai]")).ToContainTextAsync("30 điểm");
        await publisher.Page.GetByTestId("republish-reason").FillAsync(reason);
        await publisher.Page.GetByTestId("acknowledge-missing").CheckAsync();
        await publisher.ShotAsync("dinh-chinh");
        await publisher.Page.GetByTestId("republish").ClickAsync();
        await Assertions.Expect(publisher.Page.Locator("[data-testid=publication-revision][data-revision='2'][data-status=current]")).ToBeVisibleAsync();
        await Assertions.Expect(publisher.Page.GetByTestId("correction-needed")).ToHaveCountAsync(0);
        await publisher.ShotAsync("da-dinh-chinh");

        // 10. Anyone, without signing in, reads revision 2 with its reason; the provinces without data read "chưa báo cáo".
        await using var citizen = await Person.AnonymousAsync(fixture, shots, "nguoi-dan");
        await citizen.GoAsync(fixture, "/ket-qua?ky=2026-01&nhom=provinces");
        await Assertions.Expect(citizen.Page.GetByTestId("run-status")).ToContainTextAsync("công bố lần 2");
        await Assertions.Expect(citizen.Page.GetByTestId("correction-reason")).ToContainTextAsync(reason);
        var published = citizen.Page.Locator("[data-testid=scoreboard-row][data-unit=lao-cai]");
        await Assertions.Expect(published.GetByTestId("unit-total")).ToHaveTextAsync("30");
        await Assertions.Expect(published.GetByTestId("unit-rank")).ToHaveTextAsync("1");
        await Assertions.Expect(citizen.Page.Locator("[data-testid=scoreboard-row][data-unit=ha-noi] [data-testid=unit-total]")).ToHaveTextAsync("chưa báo cáo");
        await Assertions.Expect(citizen.Page.GetByTestId("not-reported-note")).ToContainTextAsync("33 đơn vị");
        await citizen.ShotAsync("ket-qua-cong-khai");

        // 11. The reports (docs/reporting.md), built by the reporting service from the events of the steps above. Lào Cai's
        //     reviewer opens "who is late": the agencies assigned January's other inputs (monthly-4585.csv) have reported
        //     nothing, e.g. the Department of Finance (D2.*), named.
        await Eventually.WaitForAsync(() => ReportingAsync(reviewer, "/api/reporting/compliance/monthly-4585/2026-01?status=not-reported&pageSize=200"),
            body => body.Contains("\"lao-cai.so-tc\"", StringComparison.Ordinal), Wait, "Lào Cai's Department of Finance not reported in reporting");
        await reviewer.GoAsync(fixture, "/bao-cao");
        await reviewer.ShotAsync("bao-cao");
        await reviewer.Page.GetByRole(AriaRole.Link, new() { Name = "Tình hình nộp báo cáo" }).First.ClickAsync();
        await Assertions.Expect(reviewer.Page.GetByTestId("compliance-title")).ToContainTextAsync(new Regex("Tỉnh Lào Cai — [Tt]háng 01/2026"));
        var finance = reviewer.Page.Locator("[data-testid=compliance-line][data-unit='lao-cai.so-tc']");
        await Assertions.Expect(finance.Locator("th")).ToHaveTextAsync("Sở Tài chính tỉnh Lào Cai");
        await Assertions.Expect(finance.GetByTestId("line-status")).ToHaveTextAsync("Chưa báo cáo");
        await Assertions.Expect(reviewer.Page.Locator("[data-testid=by-unit-row][data-unit='lao-cai.so-tc']")).ToBeVisibleAsync();
        await reviewer.ShotAsync("ai-chua-bao-cao");

        //     The meeting ranking of January (revision 2, with its correction) as PDF and as Excel.
        await Eventually.WaitForAsync(() => ReportingAsync(reviewer, "/api/reporting/rankings?framework=monthly-4585"),
            body => body.Contains("\"revision\":2", StringComparison.Ordinal), Wait, "January's revision 2 in reporting");
        await reviewer.GoAsync(fixture, "/bao-cao/xep-hang?ky=2026-01&nhom=provinces");
        await Assertions.Expect(reviewer.Page.Locator("[data-testid=ranking-row][data-unit=lao-cai] [data-testid=unit-total]")).ToHaveTextAsync("30");
        await Assertions.Expect(reviewer.Page.GetByTestId("correction-reason")).ToContainTextAsync(reason);
        await Assertions.Expect(reviewer.Page.GetByTestId("legal-footer")).ToContainTextAsync("lần công bố 2");
        await reviewer.ShotAsync("xep-hang-phien-hop");
        var pdf = await DownloadAsync(reviewer, "download-pdf");
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(pdf.Length > 5_000, $"the ranking PDF has {pdf.Length} bytes");
        var xlsx = await DownloadAsync(reviewer, "download-xlsx");
        Assert.Equal("PK", Encoding.ASCII.GetString(xlsx, 0, 2));
        Assert.True(xlsx.Length > 3_000, $"the ranking workbook has {xlsx.Length} bytes");

        //     Lào Cai's dashboard: January's 30 points in the chart and in the table beside it.
        await reviewer.GoAsync(fixture, "/bao-cao/bieu-do?unit=lao-cai");
        await Assertions.Expect(reviewer.Page.Locator("[data-testid=total-chart] svg")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.Page.Locator("[data-testid=month-row][data-period='2026-01'] [data-testid=month-total]")).ToHaveTextAsync("30");
        await Assertions.Expect(reviewer.Page.Locator("[data-testid=class-chart] svg")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.Page.GetByTestId("class-table")).ToBeVisibleAsync();
        await reviewer.ShotAsync("bieu-do");

        //     Anyone, without signing in, reads the publication history: the correction and its reason.
        await citizen.GoAsync(fixture, "/ket-qua/lich-su");
        await Assertions.Expect(citizen.Page.Locator("[data-testid=history-row][data-revision='2'] [data-testid=history-reason]")).ToHaveTextAsync(reason);
        await citizen.ShotAsync("lich-su-cong-bo");
    }

    /// <summary>The body of a reporting answer to <paramref name="person"/> (empty unless 200).</summary>
    private async Task<string> ReportingAsync(Person person, string path)
    {
        var response = await person.Page.APIRequest.GetAsync(fixture.Url(path));
        return response.Ok ? await response.TextAsync() : "";
    }

    /// <summary>The file a click on the download link <paramref name="testId"/> saves, read back.</summary>
    private static async Task<byte[]> DownloadAsync(Person person, string testId)
    {
        var download = await person.Page.RunAndWaitForDownloadAsync(() => person.Page.GetByTestId(testId).ClickAsync());
        Assert.Null(await download.FailureAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>What monthly scoring's API tells <paramref name="person"/> the provinces in their part of the tree still lack for January.</summary>
    private async Task<ScoringInputsStatus> InputsStatusAsync(Person person)
    {
        var response = await person.Page.APIRequest.GetAsync(fixture.Url(ScoringInputsStatus.Path("2026-01")));
        return ScoringInputsStatus.Parse((HttpStatusCode)response.Status, await response.TextAsync());
    }

    /// <summary>Whether monthly scoring's publication preview tells <paramref name="publisher"/> January is closed at national level.</summary>
    private async Task<bool> ClosedAsync(Person publisher)
    {
        var response = await publisher.Page.APIRequest.GetAsync(fixture.Url("/api/monthly-scoring/publications/preview?period=2026-01&peerGroup=provinces"));
        Assert.True(response.Ok, $"{response.Status}: {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value.GetProperty("closed").GetBoolean();
    }

    /// <summary>Back to 10:00 on 2 February 2026 for whatever runs next (January stays closed: closing is final).</summary>
    public void Dispose() => fixture.Platform.SetNow(AspirePlatform.Start);
}
