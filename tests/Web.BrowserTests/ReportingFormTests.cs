using System.Net;
using Microsoft.Playwright;
using Platform.BrowserSupport;

namespace Platform.Web.BrowserTests;

/// <summary>
/// What a reporter meets on the entry form in Chromium: Vietnamese numbers typed and shown back the Vietnamese way,
/// no browser-made English messages, one truthful message when someone else saved in between; and how the site
/// answers addresses that do not exist or are not the person's to see.
/// </summary>
public sealed class ReportingFormTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Bộ Khoa học và Công nghệ's January: no other browser test writes to it (one platform serves them all).</summary>
    private const string Entry = "/nhap-lieu/monthly-4585/2026-01/bkhcn";

    [Fact]
    public async Task Vietnamese_decimals_and_percentages_are_accepted_and_shown_back_in_vi_VN()
    {
        var shots = new Screenshots(nameof(Vietnamese_decimals_and_percentages_are_accepted_and_shown_back_in_vi_VN));
        await using var reporter = await Person.SignInAsync(fixture, shots, "thanh-hoa.so-khcn.reporter");
        var page = reporter.Page;
        await reporter.GoAsync(fixture, "/nhap-lieu/monthly-4585/2026-01/thanh-hoa");
        Assert.Equal(0, await page.Locator("input[type=number]").CountAsync());

        // As people type them here: a decimal comma, thousands dots, a percentage for a ratio; one value is no number.
        await page.GetByTestId("input-A.due").FillAsync("1.200");
        await page.GetByTestId("input-A.onTime").FillAsync("1.000");
        await page.GetByTestId("input-D1.total").FillAsync("mười");
        await page.GetByTestId("input-E3.completion").FillAsync("0,85");
        await reporter.ShotAsync("go-so-kieu-viet");
        await page.GetByTestId("save").ClickAsync();

        // The browser let the form through (no English bubble); the page names the field in Vietnamese.
        await Assertions.Expect(page.GetByTestId("error-D1.total")).ToContainTextAsync("phải là số, viết kiểu Việt Nam");
        await Assertions.Expect(page.GetByTestId("input-E3.completion")).ToHaveValueAsync("0,85");
        Assert.Equal("", await page.GetByTestId("input-D1.total").EvaluateAsync<string>("e => e.validationMessage"));
        await reporter.ShotAsync("loi-bang-tieng-viet");

        await page.GetByTestId("input-D1.total").FillAsync("12");
        await page.GetByTestId("input-E3.completion").FillAsync("85,5%");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("Đã lưu bản nháp");

        // Stored as numbers, shown back vi-VN.
        await Assertions.Expect(page.GetByTestId("input-A.due")).ToHaveValueAsync("1.200");
        await Assertions.Expect(page.GetByTestId("input-A.onTime")).ToHaveValueAsync("1.000");
        await Assertions.Expect(page.GetByTestId("input-E3.completion")).ToHaveValueAsync("0,855");
        await Assertions.Expect(page.GetByTestId("input-E3.onTime")).ToHaveValueAsync("");
        await reporter.ShotAsync("da-luu");
    }

    [Fact]
    public async Task Someone_saving_in_between_gives_one_truthful_message_and_no_saved_notice()
    {
        var shots = new Screenshots(nameof(Someone_saving_in_between_gives_one_truthful_message_and_no_saved_notice));
        await using var first = await Person.SignInAsync(fixture, shots, "bkhcn.reporter");
        await first.GoAsync(fixture, Entry);
        await first.Page.GetByTestId("input-A.due").FillAsync("10");
        await first.Page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(first.Page.GetByTestId("outcome")).ToContainTextAsync("Đã lưu bản nháp");
        Assert.EndsWith("?ket-qua=da-luu", first.Page.Url, StringComparison.Ordinal);

        // A colleague of the same ministry saves in between, in a browser of their own.
        await using var colleague = await Person.SignInAsync(fixture, shots, "bkhcn.reporter");
        await colleague.GoAsync(fixture, Entry);
        await colleague.Page.GetByTestId("input-A.due").FillAsync("11");
        await colleague.Page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(colleague.Page.GetByTestId("outcome")).ToContainTextAsync("Đã lưu bản nháp");

        // The first page, still showing its own "saved", saves again.
        await first.Page.GetByTestId("input-A.due").FillAsync("12");
        await first.Page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(first.Page.GetByTestId("conflict")).ToContainTextAsync("chưa được lưu");
        await Assertions.Expect(first.Page.GetByTestId("outcome")).ToHaveCountAsync(0);
        Assert.DoesNotContain("ket-qua=", first.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(first.Page.GetByTestId("input-A.due")).ToHaveValueAsync("12");
        await first.ShotAsync("xung-dot");
    }

    [Fact]
    public async Task Pages_that_are_not_the_persons_answer_403_and_unknown_addresses_404_with_the_person_still_signed_in()
    {
        var shots = new Screenshots(nameof(Pages_that_are_not_the_persons_answer_403_and_unknown_addresses_404_with_the_person_still_signed_in));
        await using var reporter = await Person.SignInAsync(fixture, shots, "lao-cai.so-khcn.reporter");
        var page = reporter.Page;

        var review = await page.GotoAsync(fixture.Url("/tham-dinh"));
        Assert.Equal((int)HttpStatusCode.Forbidden, review!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không có quyền truy cập" })).ToBeVisibleAsync();
        await reporter.ShotAsync("khong-co-quyen");

        var otherTarget = await page.GotoAsync(fixture.Url("/nhap-lieu/monthly-4585/2026-01/thanh-hoa"));
        Assert.Equal((int)HttpStatusCode.Forbidden, otherTarget!.Status);

        foreach (var path in new[] { "/khong-co-trang-nay", "/a/b/c", "/nhap-lieu/khung-khong-co/2026-01/lao-cai" })
        {
            var missing = await page.GotoAsync(fixture.Url(path));
            Assert.True(missing!.Status == (int)HttpStatusCode.NotFound, $"{path}: {missing.Status}");
            // Signed in: the header names the person and offers sign-out, never sign-in.
            await Assertions.Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" })).ToHaveCountAsync(0);
        }
        // The last one: a framework intake does not have, said in words.
        await Assertions.Expect(page.GetByTestId("not-found-reason")).ToHaveTextAsync("Không có khung đánh giá “khung-khong-co” áp dụng cho kỳ tháng 01/2026.");
        await reporter.ShotAsync("khong-tim-thay");

        await using var reviewer = await Person.SignInAsync(fixture, shots, "lao-cai.reviewer");
        var unknown = await reviewer.Page.GotoAsync(fixture.Url("/tham-dinh/" + Guid.NewGuid()));
        Assert.Equal((int)HttpStatusCode.NotFound, unknown!.Status);

        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var favicon = await page.APIRequest.GetAsync(fixture.Url("/" + icon));
        Assert.Equal(((int)HttpStatusCode.OK, "image/svg+xml"), (favicon.Status, favicon.Headers["content-type"]));
    }

    [Fact]
    public async Task The_accessibility_and_phone_checks_catch_what_they_are_meant_to()
    {
        await using var context = await fixture.Chromium.NewContextAsync(PageChecks.PhoneWidth, 800);
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"vi\"><head><title>Thử</title></head><body><main><img src=\"x.png\"><div style=\"width:600px\">rộng</div></main></body></html>");

        var axe = await Assert.ThrowsAnyAsync<Exception>(() => PageChecks.AssertAccessibleAsync(page, "thu"));
        var phone = await Assert.ThrowsAnyAsync<Exception>(() => PageChecks.AssertFitsPhoneAsync(page, "thu"));

        Assert.Contains("image-alt", axe.Message, StringComparison.Ordinal);
        Assert.Contains("div", phone.Message, StringComparison.Ordinal);
    }
}
