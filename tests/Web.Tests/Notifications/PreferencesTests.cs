using System.Net;
using System.Text.Json;
using Bunit;
using Platform.Web.Components.Pages.Notifications;
using static Platform.Web.Tests.Notifications.NotificationData;

namespace Platform.Web.Tests.Notifications;

public sealed class PreferencesTests : BunitContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static StubGateway Reporter() => new StubGateway().ServeShippedFrameworks()
        .SignedIn("lao-cai.reporter", "lao-cai", "Tỉnh Lào Cai", "reporter")
        .Answer("/api/notifications/preferences", Preferences());

    [Fact]
    public void A_legal_kind_is_shown_checked_and_disabled_with_the_reason_and_the_others_as_chosen()
    {
        this.UseStubGateway(Reporter());

        var page = Render<PreferencesPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=preference]").Count));
        var legal = page.Find("[data-kind=deadline-reminder]");
        Assert.Equal("Nhắc hạn theo quy định, không thể tắt", legal.QuerySelector("[data-testid=preference-legal]")!.TextContent);
        Assert.All(legal.QuerySelectorAll("input[type=checkbox]"), box =>
        {
            Assert.True(box.HasAttribute("checked"));
            Assert.True(box.HasAttribute("disabled"));
        });
        var published = page.Find("[data-kind=results-published]");
        Assert.False(published.QuerySelector("input[name=email]")!.HasAttribute("checked"));
        Assert.True(published.QuerySelector("input[name=inApp]")!.HasAttribute("checked"));
        Assert.False(published.QuerySelector("input[name=email]")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Saving_sends_every_kind_with_the_legal_ones_on_whatever_was_posted()
    {
        var gateway = Reporter();
        gateway.Answer("/api/notifications/preferences", Preferences(), method: "PUT");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/thong-bao/cai-dat", Ct));

        // Only "returned by e-mail" ticked; the legal kind's boxes are disabled, so a browser does not post them.
        var answer = await browser.PostAsync("/thong-bao/cai-dat",
            new FormUrlEncodedContent([.. InProcessWeb.Fields(page, "preferences-form"), new("email", "submission-returned")]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.EndsWith("/thong-bao/cai-dat?xong=da-luu", answer.Headers.Location!.ToString(), StringComparison.Ordinal);
        var body = JsonDocument.Parse(Assert.Single(gateway.Requests, r => r.Method == HttpMethod.Put).Body!).RootElement.GetProperty("kinds");
        var sent = body.EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => (k.GetProperty("email").GetBoolean(), k.GetProperty("inApp").GetBoolean()));
        Assert.Equal((true, true), sent["deadline-reminder"]);
        Assert.Equal((true, false), sent["submission-returned"]);
        Assert.Equal((false, false), sent["results-published"]);
    }

    [Fact]
    public async Task A_refusal_is_shown_in_the_services_words_and_the_choices_stay_as_posted()
    {
        var gateway = Reporter();
        gateway.Problem("/api/notifications/preferences", HttpStatusCode.BadRequest, "Dữ liệu không hợp lệ", null,
            new Dictionary<string, string[]> { ["kinds[0]"] = ["Nhắc hạn báo cáo là nhắc hạn theo quy định, không thể tắt."] }, "PUT");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/thong-bao/cai-dat", Ct));

        var answer = await browser.PostAsync("/thong-bao/cai-dat",
            new FormUrlEncodedContent([.. InProcessWeb.Fields(page, "preferences-form"), new("inApp", "results-published")]), Ct);

        var shown = InProcessWeb.Parse(await answer.Content.ReadAsStringAsync(Ct));
        Assert.Contains("không thể tắt", shown.QuerySelector("[data-testid=problem]")!.TextContent, StringComparison.Ordinal);
        Assert.False(shown.QuerySelector("[data-kind=submission-returned] input[name=email]")!.HasAttribute("checked"));
        Assert.True(shown.QuerySelector("[data-kind=results-published] input[name=inApp]")!.HasAttribute("checked"));
    }
}
