using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Bonus;

namespace Platform.Web.Tests.Bonus;

/// <summary>Who does what with bonus points: the national standing body records decisions; a province's committee sends its own proposals.</summary>
public sealed class BonusPageTests : BunitContext
{
    private static readonly BonusProposal Open = new(Guid.NewGuid(), "lao-cai", "2026-01", "Sáng kiến đột phá về dữ liệu dùng chung", null,
        "proposed", new DateTimeOffset(2026, 2, 3, 1, 0, 0, TimeSpan.Zero), null, null, null);

    public BonusPageTests() => Services.AddSingleton(TimeProvider.System);

    private IRenderedComponent<BonusPage> Open_(StubGateway gateway)
    {
        gateway.Answer("/api/monthly-scoring/bonuses?period=2026-01", new[] { Open });
        Services.GetRequiredService<NavigationManager>().NavigateTo("/diem-thuong?ky=2026-01");
        return Render<BonusPage>();
    }

    [Fact]
    public void A_provinces_committee_sends_its_own_proposal_and_is_told_the_decision_is_national_without_decision_forms()
    {
        var gateway = this.UseStubGateway().SignedIn("lao-cai.bonus-approver", "lao-cai", "Tỉnh Lào Cai", "bonus-approver");
        gateway.UnitWithParent("lao-cai", "Tỉnh Lào Cai", "vn");

        var page = Open_(gateway);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=bonus-proposal]")));
        Assert.Contains("gửi đề xuất điểm thưởng của đơn vị mình", page.Find("[data-testid=bonus-role-note]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Thủ tướng Chính phủ", page.Find("[data-testid=bonus-role-note]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("form[data-testid=bonus-approve-form]"));
        Assert.Empty(page.FindAll("form[data-testid=bonus-reject-form]"));
        // Its open proposal for the month is already there: the form says so instead of offering a second one.
        Assert.NotNull(page.Find("[data-testid=bonus-already]"));
    }

    [Fact]
    public void The_national_standing_body_records_decisions_with_their_basis_and_proposes_nothing()
    {
        var gateway = this.UseStubGateway().SignedIn("tw-khen-thuong", "vn", "Việt Nam", "bonus-approver");

        var page = Open_(gateway);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("form[data-testid=bonus-approve-form]")));
        Assert.NotNull(page.Find("form[data-testid=bonus-reject-form]"));
        Assert.Equal(2, page.FindAll("[data-testid=bonus-basis-input]").Count);
        Assert.Empty(page.FindAll("form[data-testid=bonus-propose-form]"));
        Assert.Contains("kèm căn cứ", page.Find("[data-testid=bonus-role-note]").TextContent, StringComparison.Ordinal);
    }
}
