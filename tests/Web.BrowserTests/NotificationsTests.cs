using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Platform.BrowserSupport;

namespace Platform.Web.BrowserTests;

/// <summary>
/// Notifications through the whole platform: Thanh Hóa's IT centre submits January's C2 input; the province's reviewer
/// returns it with a reason; intake's SubmissionReturned reaches the notifications service, which writes the in-app
/// notice for the centre's reporters and an e-mail to the reporter who has signed in. The reporter's bell counts it, the
/// inbox lists it, following it opens the entry form with the reason and marks it read; the e-mail, with its Vietnamese
/// subject, is in the development SMTP catcher AppHost runs (src/MailCatcher, <c>GET /api/messages</c>), and the platform
/// administrator finds it in the sent log. Thanh Hóa's IT centre (C2) is this class's own: no other
/// browser test writes to it.
/// </summary>
public sealed class NotificationsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>How long the event may take to travel intake → bus → notifications (the page is read again meanwhile).</summary>
    private static readonly TimeSpan Travel = TimeSpan.FromSeconds(60);

    private const string Subject = "bị trả lại";
    private const string Reason = "Số giao dịch qua NDXP phải khớp báo cáo của Cục Chuyển đổi số quốc gia (1.250).";

    [Fact]
    public async Task A_returned_report_reaches_the_reporters_bell_and_inbox_opens_the_form_and_the_email_is_in_the_sent_log()
    {
        var shots = new Screenshots(nameof(A_returned_report_reaches_the_reporters_bell_and_inbox_opens_the_form_and_the_email_is_in_the_sent_log));

        // 1. The IT centre's reporter submits January's only input.
        await using var reporter = await Person.SignInAsync(fixture, shots, "thanh-hoa.tt-cntt.reporter");
        // (Other notices may reach the centre's reporters meanwhile — the January deadline's reminders on this clock — so the
        // test counts the returned report's notice, not the bell's total.)
        await Assertions.Expect(reporter.Page.GetByTestId("bell")).ToBeVisibleAsync();
        await reporter.GoAsync(fixture, "/nhap-lieu/monthly-4585/2026-01/thanh-hoa");
        await reporter.Page.GetByTestId("input-C2.transactions").FillAsync("1.200");
        await reporter.Page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(reporter.Page.GetByTestId("state")).ToHaveTextAsync("Đã nộp");
        await reporter.ShotAsync("da-nop");

        // 2. The province's reviewer returns it with a reason.
        await using var reviewer = await Person.SignInAsync(fixture, shots, "thanh-hoa.reviewer");
        await reviewer.GoAsync(fixture, "/tham-dinh");
        var row = reviewer.Page.Locator("[data-testid=review-row]", new() { HasText = "Trung tâm Công nghệ thông tin" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByTestId("review-open").ClickAsync();
        await reviewer.Page.GetByLabel("Lý do trả lại (bắt buộc)").FillAsync(Reason);
        await reviewer.Page.GetByTestId("return").ClickAsync();
        await Assertions.Expect(reviewer.Page.GetByTestId("review-confirmation")).ToBeVisibleAsync();

        // 3. The notice reaches the reporter's inbox (the page is read again until it has travelled); the bell counts it.
        await reporter.GoAsync(fixture, "/thong-bao");
        var item = reporter.Page.Locator("[data-testid=inbox-item]", new() { HasText = Subject });
        await ReloadUntilVisibleAsync(reporter.Page, item);
        var unread = int.Parse(await reporter.Page.GetByTestId("bell-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(unread >= 1);
        await Assertions.Expect(reporter.Page.GetByTestId("bell")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(@"^\d+ thông báo chưa đọc$"));
        await reporter.ShotAsync("chuong-bao");

        // 4. The inbox lists it, unread, with the reason; following it opens the entry form, which shows the reason too.
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item.GetByTestId("inbox-unread")).ToBeVisibleAsync();
        await Assertions.Expect(item).ToContainTextAsync(Reason);
        await Assertions.Expect(item.GetByTestId("inbox-kind")).ToHaveTextAsync("Báo cáo bị trả lại");
        await reporter.ShotAsync("hop-thu");
        await item.GetByTestId("inbox-link").ClickAsync();
        // (The address a person sees, not the page's "load" event: on CI's loaded machine Chromium once went 30 s without
        // firing it for this page although its network had been idle — the form was there; the next line checks it.)
        await Assertions.Expect(reporter.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/nhap-lieu/monthly-4585/2026-01/thanh-hoa$"), new() { Timeout = (float)Travel.TotalMilliseconds });
        await Assertions.Expect(reporter.Page.GetByTestId("return-reason")).ToContainTextAsync("1.250");
        await reporter.ShotAsync("mo-bao-cao");

        // 5. It is read now: no "Chưa đọc" mark on it.
        await reporter.GoAsync(fixture, "/thong-bao");
        await Assertions.Expect(reporter.Page.Locator("[data-testid=inbox-item]", new() { HasText = Subject }).GetByTestId("inbox-unread")).ToHaveCountAsync(0);
        await reporter.ShotAsync("da-doc");

        // 6. The e-mail reached the SMTP server: AppHost's catcher has it, to the reporter, in Vietnamese with diacritics.
        var caught = await CaughtMailAsync("thanh-hoa.tt-cntt.reporter@dev.platform.invalid");
        // (The unit is named in it as the notifications service's copy of the unit directory knows it at that moment.)
        Assert.Contains("Chấm điểm hằng tháng", caught.Subject, StringComparison.Ordinal);
        Assert.Contains("tháng 01/2026", caught.Subject, StringComparison.Ordinal);
        Assert.Contains(Reason, caught.Text, StringComparison.Ordinal);
        Assert.Contains("/nhap-lieu/monthly-4585/2026-01/thanh-hoa", caught.Text, StringComparison.Ordinal);

        // 7. The e-mail to the reporter, with its Vietnamese subject, is in the platform administrator's sent log.
        await using var admin = await Person.SignInAsync(fixture, shots, "quan-tri");
        await admin.GoAsync(fixture, "/quan-tri/thong-bao?kenh=email&tim=" + Uri.EscapeDataString("thanh-hoa.tt-cntt.reporter"));
        var mail = admin.Page.Locator("[data-testid=log-row]", new() { HasText = Subject });
        await ReloadUntilVisibleAsync(admin.Page, mail.First);
        await Assertions.Expect(mail.First).ToContainTextAsync("tháng 01/2026");
        await Assertions.Expect(mail.First).ToContainTextAsync("Thư điện tử");
        await admin.ShotAsync("nhat-ky");
        await mail.First.Locator("a").ClickAsync();
        await Assertions.Expect(admin.Page.GetByTestId("entry-body")).ToContainTextAsync(Reason);
        await admin.ShotAsync("nhat-ky-chi-tiet");
    }

    /// <summary>The returned report's e-mail to <paramref name="address"/> in the catcher (asked again until it has come).</summary>
    private async Task<CaughtMessage> CaughtMailAsync(string address)
    {
        using var http = new HttpClient { BaseAddress = fixture.Platform.App.GetEndpoint("mail", "http") };
        var until = DateTimeOffset.UtcNow + Travel;
        while (true)
        {
            var messages = await http.GetFromJsonAsync<List<CaughtMessage>>("/api/messages") ?? [];
            var found = messages.FirstOrDefault(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase) && m.Subject.Contains(Subject, StringComparison.Ordinal));
            if (found is not null) return found;
            Assert.True(DateTimeOffset.UtcNow < until,
                $"No e-mail to {address} about the return in the catcher; it holds: {string.Join(" | ", messages.Select(m => $"{string.Join(',', m.To)}: {m.Subject}"))}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>What the catcher's JSON API says of one message (the fields read here).</summary>
    private sealed record CaughtMessage(IReadOnlyList<string> To, string Subject, string? Text);

    private static async Task ReloadUntilVisibleAsync(IPage page, ILocator locator)
    {
        var until = DateTimeOffset.UtcNow + Travel;
        while (!await locator.IsVisibleAsync() && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await page.ReloadAsync();
        }
        await Assertions.Expect(locator).ToBeVisibleAsync();
    }
}
