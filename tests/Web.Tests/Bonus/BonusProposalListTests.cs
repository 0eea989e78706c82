using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Bonus;

namespace Platform.Web.Tests.Bonus;

public sealed class BonusProposalListTests : BunitContext
{
    private static readonly BonusProposal Open = new(Guid.NewGuid(), "lao-cai", "2026-01", "Triển khai sớm nền tảng dữ liệu", "https://lao-cai.gov.vn/qd-12",
        "proposed", new DateTimeOffset(2026, 2, 3, 1, 0, 0, TimeSpan.Zero), null, null, null);

    private const string Basis = "Quyết định số 123/QĐ-TTg ngày 05/02/2026";

    private static readonly BonusProposal Decided = new(Guid.NewGuid(), "thanh-hoa", "2026-01", "Hoàn thành vượt kế hoạch", null,
        "approved", new DateTimeOffset(2026, 2, 3, 1, 0, 0, TimeSpan.Zero), 2.5m, "Đồng ý", new DateTimeOffset(2026, 2, 5, 1, 0, 0, TimeSpan.Zero),
        Basis, "Thường trực Ban chỉ đạo Chính phủ");

    [Theory]
    [InlineData("2", "2")]
    [InlineData("2,5", "2.5")]
    [InlineData("2.5", "2.5")]
    [InlineData("5", "5")]
    [InlineData("0.5", null)]
    [InlineData("5.5", null)]
    [InlineData("2.25", null)]
    [InlineData("hai", null)]
    [InlineData("", null)]
    public void Points_are_one_to_five_with_at_most_one_decimal(string text, string? expected) =>
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BonusPoints.Parse(text));

    [Fact]
    public void An_approver_sees_decision_forms_only_for_open_proposals_and_invalid_points_and_a_missing_basis_are_refused_beside_the_fields()
    {
        BonusApproval? approval = null;
        var list = Render<BonusProposalList>(p => p
            .Add(c => c.Items, [Open, Decided]).Add(c => c.Period, "2026-01").Add(c => c.CanDecide, true)
            .Add(c => c.PostedFor, Open.Id).Add(c => c.PostedPoints, "7")
            .Add(c => c.OnApprove, (BonusApproval a) => approval = a));

        Assert.Single(list.FindAll("form[data-testid=bonus-approve-form]"));
        list.Find("form[data-testid=bonus-approve-form]").Submit();

        Assert.Null(approval);
        var id = Open.Id.ToString("N");
        Assert.Equal(BonusPoints.Invalid, list.Find($"#points-{id}-error").TextContent);
        Assert.Equal("true", list.Find($"#points-{id}").GetAttribute("aria-invalid"));
        Assert.Equal(BonusPoints.BasisRequired, list.Find($"#basis-approve-{id}-error").TextContent);
        Assert.Equal("true", list.Find($"#basis-approve-{id}").GetAttribute("aria-invalid"));
        var decided = list.FindAll("[data-testid=bonus-proposal]")[1];
        Assert.Contains("2,5 điểm", decided.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đã duyệt", decided.TextContent, StringComparison.Ordinal);
        // Who recorded the decision, when (Vietnam time) and on what basis.
        Assert.Equal(Basis, decided.QuerySelector("[data-testid=bonus-basis]")!.TextContent);
        Assert.Contains("Thường trực Ban chỉ đạo Chính phủ", decided.TextContent, StringComparison.Ordinal);
        Assert.Contains("05/02/2026", decided.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approval_with_points_and_basis_is_handed_on_trimmed()
    {
        BonusApproval? approval = null;
        var list = Render<BonusProposalList>(p => p
            .Add(c => c.Items, [Open]).Add(c => c.Period, "2026-01").Add(c => c.CanDecide, true)
            .Add(c => c.PostedFor, Open.Id).Add(c => c.PostedPoints, "2,5").Add(c => c.PostedBasis, $"  {Basis} ")
            .Add(c => c.OnApprove, (BonusApproval a) => approval = a));

        list.Find("form[data-testid=bonus-approve-form]").Submit();

        Assert.Equal(new BonusApproval(Open.Id, 2.5m, null, Basis), approval);
    }

    [Fact]
    public void Rejecting_needs_a_reason_and_a_reader_without_the_role_gets_no_forms()
    {
        BonusRejection? rejection = null;
        var list = Render<BonusProposalList>(p => p
            .Add(c => c.Items, [Open]).Add(c => c.Period, "2026-01").Add(c => c.CanDecide, true)
            .Add(c => c.PostedFor, Open.Id).Add(c => c.PostedReason, "Không đủ minh chứng").Add(c => c.PostedBasis, Basis)
            .Add(c => c.OnReject, (BonusRejection r) => rejection = r));
        list.Find("form[data-testid=bonus-reject-form]").Submit();

        var reader = Render<BonusProposalList>(p => p.Add(c => c.Items, [Open]).Add(c => c.Period, "2026-01"));

        Assert.Equal(new BonusRejection(Open.Id, "Không đủ minh chứng", Basis), rejection);
        Assert.Empty(reader.FindAll("form"));
        Assert.Equal("https://lao-cai.gov.vn/qd-12", reader.Find("a[rel='noopener noreferrer']").GetAttribute("href"));
    }
}
