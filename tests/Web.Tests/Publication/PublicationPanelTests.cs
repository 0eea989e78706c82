using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Publication;

namespace Platform.Web.Tests.Publication;

public sealed class PublicationPanelTests : BunitContext
{
    private static readonly DateTimeOffset Monday = new(2026, 2, 9, 2, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Names = new() { ["lao-cai"] = "Tỉnh Lào Cai", ["thanh-hoa"] = "Tỉnh Thanh Hóa" };

    private static readonly ScoreRunInfo Preview = new(Guid.NewGuid(), "v1", "2026-01", "provinces", "provisional", "provisional", null, null, null, null, Monday.AddHours(-3));
    private static readonly ScoreRunInfo First = new(Guid.NewGuid(), "v1", "2026-01", "provinces", "official", "superseded", 1, null, null, null, Monday);
    private static readonly ScoreRunInfo Second = new(Guid.NewGuid(), "v1", "2026-01", "provinces", "official", "current", 2, First.Id,
        "Sở KHCN Lào Cai điều chỉnh số nhiệm vụ đúng hạn", ["lao-cai"], Monday.AddDays(1));

    [Fact]
    public void The_revisions_are_listed_newest_first_with_status_reason_and_changed_units()
    {
        var panel = RenderPanel([First, Preview, Second]);

        var rows = panel.FindAll("[data-testid=publication-revision]");
        Assert.Equal(["2", "1"], rows.Select(r => r.GetAttribute("data-revision")!));
        Assert.Contains("Hiện hành", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Sở KHCN Lào Cai điều chỉnh số nhiệm vụ đúng hạn", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1: Tỉnh Lào Cai", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Đã được thay thế", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Công bố lần đầu", rows[1].TextContent, StringComparison.Ordinal);
        // 09:00 on 10/02/2026 in Vietnam.
        Assert.Contains("09:00 10/02/2026", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Single(panel.FindAll(".previews li"));
        Assert.Contains("lần công bố 2", panel.Find("[data-testid=publication-current]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Republishing_without_a_reason_is_refused_next_to_the_field_and_nothing_is_published()
    {
        var published = false;
        var panel = RenderPanel([First, Second], p => p.Add(c => c.Reason, " ").Add(c => c.OnPublish, (string? _) => published = true));

        Assert.Contains("tạo lần công bố 3 thay thế lần 2", panel.Find("#republish-reason-help").TextContent, StringComparison.Ordinal);
        panel.Find("form[data-testid=publish-form]").Submit();

        Assert.False(published);
        Assert.Equal(PublicationPanel.ReasonRequired, panel.Find("#republish-reason-error").TextContent);
        Assert.Equal("true", panel.Find("#republish-reason").GetAttribute("aria-invalid"));
        Assert.Contains("republish-reason-error", panel.Find("#republish-reason").GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Fact]
    public void Republishing_hands_on_the_trimmed_reason_and_a_first_publication_needs_none()
    {
        var reasons = new List<string?>();
        var again = RenderPanel([First, Second], p => p.Add(c => c.Reason, "  Đính chính điểm B  ").Add(c => c.OnPublish, (string? r) => reasons.Add(r)));
        again.Find("form[data-testid=publish-form]").Submit();

        var first = RenderPanel([Preview], p => p.Add(c => c.OnPublish, (string? r) => reasons.Add(r)));
        Assert.Empty(first.FindAll("#republish-reason"));
        Assert.Equal("Công bố kết quả", first.Find("[data-testid=publish]").TextContent);
        first.Find("form[data-testid=publish-form]").Submit();

        Assert.Equal(["Đính chính điểm B", null], reasons);
        Assert.Equal("Chưa công bố lần nào.", first.Find("[data-testid=publication-none]").TextContent);
    }

    [Fact]
    public void A_refusal_of_the_service_is_shown_in_Vietnamese()
    {
        var problem = new ApiProblem("Xung đột dữ liệu", "Kỳ 01/2026 chưa khoá sổ cấp quốc gia; chỉ công bố kết quả chính thức sau khi khoá sổ.",
            new Dictionary<string, string[]>());

        var panel = RenderPanel([], p => p.Add(c => c.Problem, problem));

        Assert.Contains("chưa khoá sổ cấp quốc gia", panel.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_selected_runs_ranking_counts_classes_and_the_missing_units_are_listed()
    {
        var ranking = new RunRanking(Second, [
            new RankingLine("thanh-hoa", 58.25m, "C", 2, 0),
            new RankingLine("lao-cai", 71m, "B", 1, 2.5m),
        ]);
        var missing = new MissingReport("2026-01", "provinces", 34, [new MissingUnit("ha-noi", "Thành phố Hà Nội", [new MissingInput("A.due", "Số nhiệm vụ đến hạn")])]);

        var panel = RenderPanel([First, Second], p => p.Add(c => c.Selected, ranking).Add(c => c.Missing, missing));

        var rows = panel.FindAll("[data-testid=ranking] tbody tr");
        Assert.Equal(["lao-cai", "thanh-hoa"], rows.Select(r => r.GetAttribute("data-unit")!));
        Assert.Contains("58,25", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("2,5", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("lần công bố 2", panel.Find("#publication-ranking-heading").TextContent, StringComparison.Ordinal);
        Assert.Equal("1/34 đơn vị còn thiếu số liệu được phê duyệt (sẽ bị chấm 0 điểm ở các chỉ tiêu thiếu).", panel.Find("[data-testid=missing-summary]").TextContent);
        Assert.Contains("Số nhiệm vụ đến hạn", panel.Find("[data-testid=missing-list]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<PublicationPanel> RenderPanel(IReadOnlyList<ScoreRunInfo> runs,
        Action<ComponentParameterCollectionBuilder<PublicationPanel>>? more = null) =>
        Render<PublicationPanel>(p =>
        {
            p.Add(c => c.Period, "2026-01").Add(c => c.PeerGroup, "provinces").Add(c => c.Runs, runs).Add(c => c.UnitNames, Names)
                .Add(c => c.Href, id => $"/cong-bo?lan={id}");
            more?.Invoke(p);
        });
}
