using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Dti;
using static Platform.Web.Tests.Dti.DtiData;

namespace Platform.Web.Tests.Dti;

public sealed class DtiProvincePageTests : BunitContext
{
    private const string Actions = "/api/dx-index/dti/2026/provinces/lao-cai/actions";
    private const string LastYear = "/api/dx-index/dti/2025/provinces/lao-cai/actions?withOutcome=true";
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static StubGateway Answers(StubGateway gateway, params DtiAction[] actions)
    {
        gateway.Answer("/api/dx-index/dti/years", Years);
        gateway.Answer("/api/dx-index/dti/2026/provinces/lao-cai", LaoCaiProfile);
        gateway.Answer(Actions, actions);
        gateway.Answer(LastYear, new[] { Action("6.4", outcome: new DtiActionOutcome(2025, 0, 2026, 20, 20, 20), year: 2025) with { Status = "done", Progress = 100 } });
        return gateway;
    }

    private IRenderedComponent<DtiProvincePage> Open(string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/chi-so-cds/2026/lao-cai" + query);
        return Render<DtiProvincePage>(p => p.Add(x => x.Year, 2026).Add(x => x.Unit, "lao-cai"));
    }

    [Fact]
    public void The_profile_shows_the_pillars_against_the_best_and_median_as_chart_and_table_with_the_same_numbers()
    {
        Answers(this.UseStubGateway().SignedIn("tw-tham-dinh", "vn", "Việt Nam", "reviewer"));

        var page = Open();

        page.WaitForAssertion(() => Assert.Equal("430,25", page.Find("[data-testid=unit-total]").TextContent));
        Assert.Equal("2", page.Find("[data-testid=unit-rank]").TextContent);
        var rows = page.FindAll("[data-testid=pillar-row]");
        Assert.Equal(8, rows.Count);
        // Pillar 3 (200 points): Lào Cai 100 = 50 %, best 150 = 75 %, median (100 + 150) / 2 = 125 = 62,5 %.
        var infrastructure = page.Find("[data-testid=pillar-row][data-pillar='3']");
        Assert.Equal(("100 (50%)", "150 (75%)", "125 (62,5%)"), (infrastructure.QuerySelector("[data-testid=pillar-score]")!.TextContent,
            infrastructure.QuerySelector("[data-testid=pillar-best]")!.TextContent, infrastructure.QuerySelector("[data-testid=pillar-median]")!.TextContent));
        var chart = page.Find("[data-testid=pillar-chart]");
        Assert.Equal("bar", chart.GetAttribute("data-chart"));
        var series = JsonDocument.Parse(chart.GetAttribute("data-series")!).RootElement;
        Assert.Equal(["Tỉnh Lào Cai", "Cao nhất cả nước", "Trung vị cả nước"], series.EnumerateArray().Select(s => s.GetProperty("label").GetString()));
        Assert.Equal((50m, 75m, 62.5m), (series[0].GetProperty("data")[2].GetDecimal(), series[1].GetProperty("data")[2].GetDecimal(),
            series[2].GetProperty("data")[2].GetDecimal()));
        Assert.Equal(["2025", "2026"], page.FindAll("[data-testid=dti-history-year]").Select(r => r.GetAttribute("data-year")));
        // The national root reads the plan but writes nothing.
        Assert.Empty(page.FindAll("[data-testid=dti-action-form]"));
        Assert.Empty(page.FindAll("[data-testid=add-action]"));
    }

    [Fact]
    public void A_weak_indicator_is_highlighted_with_its_proposed_action_and_lead_agency_and_the_plan_stands_next_to_it()
    {
        Answers(this.UseStubGateway().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer"), Action("6.4"));

        var page = Open();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=dti-indicator]")));
        var weak = page.Find("[data-testid=dti-indicator][data-code='6.4']");
        Assert.Equal("true", weak.GetAttribute("data-weak"));
        Assert.Contains("weak", weak.ClassList);
        Assert.Equal("Thường xuyên cập nhật các DVCTT toàn trình lên Cổng dịch vụ công của tỉnh", weak.QuerySelector("[data-testid=proposed-action]")!.TextContent);
        Assert.StartsWith("Các sở, ban, ngành, UBND các xã, phường (phối hợp: Sở Khoa học và Công nghệ)", weak.QuerySelector("[data-testid=lead-agency]")!.TextContent, StringComparison.Ordinal);
        var action = weak.QuerySelector("[data-testid=dti-action]")!.TextContent;
        Assert.Contains("Triển khai nền tảng dịch vụ công toàn trình cho các xã", action, StringComparison.Ordinal);
        Assert.Contains("hạn 30/06/2027", action, StringComparison.Ordinal);
        Assert.Contains("Đang thực hiện", action, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Duyệt", action, StringComparison.Ordinal);
        Assert.Equal("false", page.Find("[data-testid=dti-indicator][data-code='1.1']").GetAttribute("data-weak"));
        Assert.Empty(page.FindAll("[data-testid=dti-indicator][data-code='1.1'] [data-testid=dti-action]"));
        // The province's reviewer writes: the form, and links to add for the weak indicator and to edit the action.
        Assert.Single(page.FindAll("[data-testid=dti-action-form]"));
        Assert.Equal("/chi-so-cds/2026/lao-cai?chi-so=6.4#ke-hoach", weak.QuerySelector("[data-testid=add-action]")!.GetAttribute("href"));
        // Last year's plan and what moved: 6.4 from 0 to 20 points.
        var moved = page.Find("[data-testid=last-year-action]");
        Assert.Equal("+20", moved.QuerySelector("[data-testid=outcome-change]")!.TextContent);
        Assert.Contains("0 / 20", moved.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_best_names_its_province_only_when_some_province_scored_points()
    {
        var gateway = Answers(this.UseStubGateway().SignedIn("tw-tham-dinh", "vn", "Việt Nam", "reviewer"));
        // 1.3 reported by nobody: the engine's best is 0, held by whichever province it met first — not a province to name.
        gateway.Answer("/api/dx-index/dti/2026/provinces/lao-cai", LaoCaiProfile with
        {
            Indicators = [Indicator("6.4", 0, true), Indicator("1.3", 0, true, ["missing"]) with { Best = 0, BestUnit = "lao-cai" }],
        });

        var page = Open();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=dti-indicator]")));
        Assert.Equal(" · cao nhất cả nước: 0", page.Find("[data-testid=dti-indicator][data-code='1.3'] [data-testid=indicator-best]").TextContent);
        Assert.StartsWith(" · cao nhất cả nước: 20 (", page.Find("[data-testid=dti-indicator][data-code='6.4'] [data-testid=indicator-best]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_department_of_the_province_writes_the_plan_and_another_province_does_not_see_the_form()
    {
        var gateway = this.UseStubGateway().SignedIn("lao-cai.so-khcn.reporter", "lao-cai.so-khcn", "Sở KHCN tỉnh Lào Cai", "reporter");
        gateway.UnitWithParent("lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "lao-cai");
        Answers(gateway);

        var page = Open("?chi-so=6.4");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=dti-action-form]")));
        Assert.Equal("6.4", page.Find("[data-testid=action-indicator] option[selected]").GetAttribute("value"));
        Assert.Equal("Các sở, ban, ngành, UBND các xã, phường", page.Find("[data-testid=action-owner]").GetAttribute("value"));
    }

    [Fact]
    public async Task Adding_an_action_posts_the_date_as_the_service_reads_it_and_the_services_problems_stand_next_to_their_fields()
    {
        var gateway = Answers(new StubGateway().ServeShippedFrameworks().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer"));
        gateway.Problem(Actions, HttpStatusCode.BadRequest, "Dữ liệu không hợp lệ", "Một số giá trị không hợp lệ; xem chi tiết trong 'errors'.",
            new Dictionary<string, string[]> { ["action"] = ["Cần mô tả hành động (giải pháp) sẽ thực hiện."], ["progress"] = ["Tiến độ phải từ 0 đến 100 (%)."] },
            method: "POST");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync("/chi-so-cds/2026/lao-cai?chi-so=6.4", Ct));

        // A date typed otherwise is told here, before anything is sent.
        var typo = await browser.PostAsync("/chi-so-cds/2026/lao-cai?chi-so=6.4", Form(page, "2027-06-30", "120"), Ct);
        var typoPage = InProcessWeb.Parse(await typo.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Thời hạn “2027-06-30” không đúng dạng ngày/tháng/năm (ví dụ 30/06/2027).", typoPage.QuerySelector("#dti-action-due-error")!.TextContent);
        Assert.DoesNotContain(gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == Actions);

        var refused = await browser.PostAsync("/chi-so-cds/2026/lao-cai?chi-so=6.4", Form(page, "30/06/2027", "120"), Ct);

        var body = Assert.Single(gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == Actions).Body!;
        var sent = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("6.4", "2027-06-30", 120, "in-progress"), (sent.GetProperty("indicator").GetString(), sent.GetProperty("dueDate").GetString(),
            sent.GetProperty("progress").GetInt32(), sent.GetProperty("status").GetString()));
        var refusedPage = InProcessWeb.Parse(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Cần mô tả hành động (giải pháp) sẽ thực hiện.", refusedPage.QuerySelector("#dti-action-action-error")!.TextContent);
        Assert.Equal("Tiến độ phải từ 0 đến 100 (%).", refusedPage.QuerySelector("#dti-action-progress-error")!.TextContent);
        Assert.Equal("true", refusedPage.QuerySelector("#dti-action-progress")!.GetAttribute("aria-invalid"));
        // What was typed stays.
        Assert.Equal("30/06/2027", refusedPage.QuerySelector("#dti-action-due")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Editing_sends_the_version_read_as_If_Match_and_a_change_made_meanwhile_is_told()
    {
        var gateway = Answers(new StubGateway().ServeShippedFrameworks().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer"), Action("6.4", version: 3));
        var id = Action("6.4").Id;
        gateway.Problem($"{Actions}/{id}", HttpStatusCode.PreconditionFailed, "Dữ liệu đã được người khác thay đổi",
            "Hành động đã được thay đổi sau khi bạn tải về; phiên bản hiện tại là \"4\". Vui lòng tải lại, kiểm tra và lưu lại.", method: "PUT");
        await using var web = new InProcessWeb(gateway);
        using var browser = web.Browser();
        var page = InProcessWeb.Parse(await browser.GetStringAsync($"/chi-so-cds/2026/lao-cai?sua={id}", Ct));
        Assert.Equal("Triển khai nền tảng dịch vụ công toàn trình cho các xã", page.QuerySelector("#dti-action-action")!.TextContent);

        var answer = await browser.PostAsync($"/chi-so-cds/2026/lao-cai?sua={id}", Form(page, "30/06/2027", "60", action: "Triển khai cho 20 xã"), Ct);

        var put = Assert.Single(gateway.Requests, r => r.Method == HttpMethod.Put);
        Assert.Equal($"{Actions}/{id}", put.PathAndQuery);
        Assert.Equal("Triển khai cho 20 xã", JsonDocument.Parse(put.Body!).RootElement.GetProperty("action").GetString());
        Assert.Equal("\"3\"", Assert.Single(gateway.IfMatches).IfMatch);
        var shown = InProcessWeb.Parse(await answer.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Hành động đã được thay đổi sau khi bạn tải về", shown.QuerySelector("[data-testid=dti-action-form] [data-testid=problem]")!.TextContent,
            StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(AngleSharp.Html.Dom.IHtmlDocument page, string due, string progress,
        string action = "Triển khai nền tảng dịch vụ công toàn trình") =>
        new([.. InProcessWeb.Fields(page, "dti-action-form"),
            new("indicator", "6.4"), new("action", action), new("ownerAgency", "Sở Khoa học và Công nghệ"),
            new("dueDate", due), new("progress", progress), new("status", "in-progress"), new("note", "")]);
}
