using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Dti;
using static Platform.Web.Tests.Dti.DtiData;

namespace Platform.Web.Tests.Dti;

public sealed class DtiExplanationPageTests : BunitContext
{
    [Fact]
    public void Every_indicator_is_explained_in_words_with_its_inputs_working_and_peer_best_under_its_pillar()
    {
        var gateway = this.UseStubGateway().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        gateway.Answer("/api/dx-index/dti/years", Years);
        gateway.Answer("/api/dx-index/dti/2026/provinces/lao-cai", LaoCaiProfile);
        gateway.Answer("/api/dx-index/dti/2026/provinces/lao-cai/explanation", new DtiExplanation(null, "2026", "provisional", null, "lao-cai",
        [
            new IndicatorWorking("1.2", "Ban hành các văn bản chỉ đạo chuyên đề về chuyển đổi số", "ratio(1.2.a, 1.2.b) * max",
                ["1.2.a / 1.2.b = 3 / 4 = 0.75", "0.75 × 10 = 7.5"],
                new Dictionary<string, System.Text.Json.JsonElement?> { ["1.2.a"] = System.Text.Json.JsonSerializer.SerializeToElement(3),
                    ["1.2.b"] = System.Text.Json.JsonSerializer.SerializeToElement(4) }, 1m, "thanh-hoa", 7.5m, 10, []),
        ]));

        var page = Render<DtiExplanationPage>(p => p.Add(x => x.Year, 2026).Add(x => x.Unit, "lao-cai"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=explanation-group]")));
        Assert.Equal(8, page.FindAll("[data-testid=explanation-group]").Count);
        var indicator = page.Find("[data-testid=indicator][data-code='1.2']");
        Assert.Equal("7,5", indicator.QuerySelector("[data-testid=indicator-score]")!.TextContent);
        Assert.Equal(2, indicator.QuerySelectorAll("[data-testid=indicator-input]").Length);
        Assert.DoesNotContain("max", indicator.QuerySelector("[data-testid=indicator-formula]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("30", page.Find("[data-testid=explanation-group][data-group='1'] [data-testid=group-total]").TextContent);
        Assert.Equal("provisional", page.Find("[data-testid=dti-status]").GetAttribute("data-kind"));
    }
}
