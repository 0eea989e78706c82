using System.Net;
using System.Text.Json;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Notifications;
using static Platform.Web.Tests.Notifications.NotificationData;

namespace Platform.Web.Tests.Notifications;

public sealed class FocalPointsTests : BunitContext
{
    private const string Path = "/api/notifications/focal-points/monthly-4585";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static StubGateway Reporter(FocalPointRegistration registration) => new StubGateway().ServeShippedFrameworks()
        .SignedIn("lao-cai.reporter", "lao-cai", "Tỉnh Lào Cai", "reporter")
        .Answer(Path, registration);

    [Fact]
    public void The_units_focal_points_are_a_form_with_the_due_date_and_an_overdue_warning()
    {
        this.UseStubGateway(Reporter(Registration(overdue: true, Hoa)));

        var page = Render<FocalPointsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=focal-person]")));
        Assert.Equal("Trần Thị Hoa", page.Find("#focal-0-name").GetAttribute("value"));
        Assert.Equal("hoa.tt@laocai.gov.vn", page.Find("#focal-0-email").GetAttribute("value"));
        Assert.Equal("15/01/2026", page.Find("[data-testid=focal-due]").TextContent);
        Assert.Contains("Đã quá hạn đăng ký đầu mối (15/01/2026)", page.Find("[data-testid=focal-overdue]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reviewer_reads_them_without_a_form_and_is_offered_the_overview()
    {
        this.UseStubGateway(new StubGateway().ServeShippedFrameworks().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer")
            .Answer(Path, Registration(false, Hoa)));

        var page = Render<FocalPointsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=focal-table]")));
        Assert.Empty(page.FindAll("form[data-testid=focal-form]"));
        Assert.NotNull(page.Find("a[href='/dau-moi/tong-hop?khung=monthly-4585']"));
        Assert.Empty(page.FindAll("[data-testid=focal-overdue]"));
    }

    [Fact]
    public async Task Adding_and_removing_rows_keeps_what_was_typed_and_sends_nothing()
    {
        var gateway = Reporter(Registration(false, Hoa));
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/dau-moi", Ct));

        var added = InProcessWeb.Parse(await (await browser.PostAsync("/dau-moi?khung=monthly-4585",
            Form(page, "add", Hoa with { Name = "Trần Thị Hoa (sửa)" }), Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, added.QuerySelectorAll("[data-testid=focal-person]").Length);
        Assert.Equal("Trần Thị Hoa (sửa)", added.QuerySelector("#focal-0-name")!.GetAttribute("value"));

        var removed = InProcessWeb.Parse(await (await browser.PostAsync("/dau-moi?khung=monthly-4585",
            Form(added, "remove-0", Hoa, new FocalPerson("Lê Văn Nam", null, "nam@laocai.gov.vn", null)), Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Single(removed.QuerySelectorAll("[data-testid=focal-person]"));
        Assert.Equal("Lê Văn Nam", removed.QuerySelector("#focal-0-name")!.GetAttribute("value"));

        Assert.DoesNotContain(gateway.Requests, r => r.Method == HttpMethod.Put);
    }

    [Fact]
    public async Task Saving_sends_the_rows_with_If_Match_and_every_problem_stands_next_to_its_field()
    {
        var gateway = Reporter(Registration(false, Hoa));
        gateway.Problem(Path, HttpStatusCode.BadRequest, "Dữ liệu không hợp lệ", "Một số giá trị không hợp lệ; xem chi tiết trong 'errors'.",
            new Dictionary<string, string[]>
            {
                ["people[1].email"] = ["Địa chỉ thư điện tử 'nam@' không hợp lệ (ví dụ: ten.nguoi@laocai.gov.vn)."],
                ["people[1].phone"] = ["Số điện thoại 'abc' không hợp lệ: chỉ gồm chữ số (9 đến 12 chữ số, có thể bắt đầu bằng +84)."],
            }, "PUT");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/dau-moi", Ct));

        // The blank second row is left out; the third is the service's people[1].
        var answer = await browser.PostAsync("/dau-moi?khung=monthly-4585",
            Form(page, "save", Hoa, new FocalPerson("", null, "", null), new FocalPerson("Lê Văn Nam", null, "nam@", "abc")), Ct);

        var put = Assert.Single(gateway.Requests, r => r.Method == HttpMethod.Put);
        var people = JsonDocument.Parse(put.Body!).RootElement.GetProperty("people");
        Assert.Equal(2, people.GetArrayLength());
        Assert.Equal("nam@", people[1].GetProperty("email").GetString());
        Assert.Single(gateway.IfMatches);
        var shown = InProcessWeb.Parse(await answer.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Địa chỉ thư điện tử 'nam@' không hợp lệ (ví dụ: ten.nguoi@laocai.gov.vn).", shown.QuerySelector("#focal-2-email-error")!.TextContent);
        Assert.StartsWith("Số điện thoại 'abc' không hợp lệ", shown.QuerySelector("#focal-2-phone-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", shown.QuerySelector("#focal-2-email")!.GetAttribute("aria-invalid"));
        Assert.Null(shown.QuerySelector("#focal-0-email-error"));
        Assert.Equal("nam@", shown.QuerySelector("#focal-2-email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_saved_list_comes_back_to_the_page_with_a_confirmation()
    {
        var gateway = Reporter(Registration(false, Hoa));
        gateway.Answer(Path, Registration(false, Hoa), method: "PUT");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/dau-moi", Ct));

        var answer = await browser.PostAsync("/dau-moi?khung=monthly-4585", Form(page, "save", Hoa), Ct);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.EndsWith("/dau-moi?khung=monthly-4585&xong=da-luu", answer.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(AngleSharp.Html.Dom.IHtmlDocument page, string action, params FocalPerson[] people) =>
        new([.. InProcessWeb.Fields(page, "focal-form"), new("action", action),
            .. people.SelectMany(p => new KeyValuePair<string, string>[] { new("name", p.Name), new("position", p.Position ?? ""), new("email", p.Email), new("phone", p.Phone ?? "") })]);
}
