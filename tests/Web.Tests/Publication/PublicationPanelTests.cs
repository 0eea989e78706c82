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

    private static readonly Recipient[] Recipients =
    [
        new("public-page", "Trang kết quả công khai", "Ai cũng xem được, không cần đăng nhập."),
        new("event", "Các hệ thống thông tin đăng ký nhận kết quả chấm điểm", "Các hệ thống đã đăng ký: Cổng thông tin điện tử Chính phủ."),
    ];

    private static readonly MissingUnit HaGiang = new("ha-giang", "Tỉnh Hà Giang", false,
        [new MissingInput("A.due", "Số nhiệm vụ đến hạn trong tháng (Hệ thống 57)"), new MissingInput("A.onTime", "Số nhiệm vụ hoàn thành đúng hạn trong tháng")]);

    private static readonly MissingUnit ThanhHoa = new("thanh-hoa", "Tỉnh Thanh Hóa", true,
        [new MissingInput("C1.records", "Số bản ghi dữ liệu được số hoá, tạo lập trong tháng")]);

    /// <summary>Revision 1 about to be published: Hà Giang has not reported, Thanh Hóa misses one input, Lào Cai has a 2.5-point bonus.</summary>
    private static PublicationPreview FirstPreview(bool closed = true) => new("2026-01", "provinces", closed, 1, null, 3, 2, 1, 1, [HaGiang, ThanhHoa],
        [new IncludedBonus("lao-cai", "Tỉnh Lào Cai", 2.5m, Monday.AddDays(-2), "Thường trực Ban chỉ đạo", "Quyết định số 123/QĐ-TTg ngày 05/02/2026", false)],
        null, false, false, [], Recipients, "f1");

    /// <summary>Revision 3 correcting revision 2: Lào Cai 71 → 73.</summary>
    private static PublicationPreview Correction(bool unchanged = false) => new("2026-01", "provinces", true, 3,
        new PublishedRevisionInfo(2, Monday.AddDays(1), Second.Reason), 2, 2, 0, 0, [], [],
        unchanged ? [] : [new UnitChange("lao-cai", "Tỉnh Lào Cai", new StandingInfo(true, 71m, "B", 1), new StandingInfo(true, 73m, "B", 1))],
        unchanged, !unchanged, unchanged ? [] : ["Kết quả tính từ số liệu đã duyệt và điểm thưởng hiện nay khác lần công bố 2 ở 1 đơn vị."],
        Recipients, "f3");

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
    public void The_confirmation_names_the_revision_the_missing_units_and_inputs_the_bonuses_and_the_recipients()
    {
        var panel = RenderPanel([Preview], p => p.Add(c => c.Preview, FirstPreview()));

        var confirmation = panel.Find("[data-testid=publication-preview]");
        Assert.Equal("Xác nhận công bố lần 1", confirmation.QuerySelector("h2")!.TextContent);
        Assert.Contains("Lần 1 — lần công bố chính thức đầu tiên", panel.Find("[data-testid=preview-revision]").TextContent, StringComparison.Ordinal);
        var units = panel.Find("[data-testid=preview-units]").TextContent;
        Assert.Contains("2/3 đơn vị có số liệu được xếp hạng", units, StringComparison.Ordinal);
        Assert.Contains("1 đơn vị chưa báo cáo", units, StringComparison.Ordinal);
        Assert.Contains("1 đơn vị báo cáo thiếu", units, StringComparison.Ordinal);
        var missing = panel.FindAll("[data-testid=missing-unit]");
        Assert.Equal(["ha-giang", "thanh-hoa"], missing.Select(m => m.GetAttribute("data-unit")!));
        Assert.Equal("chưa báo cáo", missing[0].QuerySelector("[data-testid=not-reported]")!.TextContent);
        Assert.Contains("Tỉnh Hà Giang", missing[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Số bản ghi dữ liệu được số hoá, tạo lập trong tháng", missing[1].TextContent, StringComparison.Ordinal);
        var bonus = panel.Find("[data-testid=preview-bonuses] li").TextContent;
        Assert.Contains("Tỉnh Lào Cai: 2,5 điểm", bonus, StringComparison.Ordinal);
        Assert.Contains("Quyết định số 123/QĐ-TTg ngày 05/02/2026", bonus, StringComparison.Ordinal);
        var recipients = panel.FindAll("[data-testid=preview-recipients] li");
        Assert.Equal(["public-page", "event"], recipients.Select(r => r.GetAttribute("data-kind")!));
        Assert.Contains("Cổng thông tin điện tử Chính phủ", recipients[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("f1", panel.Find("form[data-testid=publish-form] input[name=fingerprint]").GetAttribute("value"));
        Assert.Equal("Tôi xác nhận công bố khi còn thiếu số liệu của 2 đơn vị", panel.Find("label[for=acknowledge-missing]").TextContent);
        Assert.Equal("Công bố lần 1", panel.Find("[data-testid=publish]").TextContent.Trim());
    }

    [Fact]
    public void Publishing_with_data_missing_needs_the_acknowledgement_and_then_hands_on_the_fingerprint_that_was_shown()
    {
        var published = new List<PublishRun>();
        var unticked = RenderPanel([], p => p.Add(c => c.Preview, FirstPreview()).Add(c => c.OnPublish, (PublishRun r) => published.Add(r)));
        unticked.Find("form[data-testid=publish-form]").Submit();

        Assert.Empty(published);
        Assert.Equal(PublicationConfirmation.AcknowledgeRequired, unticked.Find("[data-testid=acknowledge-missing-error]").TextContent);
        Assert.Equal("true", unticked.Find("#acknowledge-missing").GetAttribute("aria-invalid"));

        // The form posted the fingerprint of the preview the person saw ("f0"), even if a newer preview is on screen now.
        var ticked = RenderPanel([], p => p.Add(c => c.Preview, FirstPreview()).Add(c => c.Acknowledged, true).Add(c => c.PostedFingerprint, "f0")
            .Add(c => c.OnPublish, (PublishRun r) => published.Add(r)));
        ticked.Find("form[data-testid=publish-form]").Submit();

        Assert.Equal([new PublishRun("2026-01", "provinces", null, "f0", true)], published);
    }

    [Fact]
    public void A_correction_shows_what_changes_and_needs_a_reason_which_it_hands_on_trimmed()
    {
        var published = new List<PublishRun>();
        var blank = RenderPanel([First, Second], p => p.Add(c => c.Preview, Correction()).Add(c => c.Reason, " ")
            .Add(c => c.OnPublish, (PublishRun r) => published.Add(r)));

        Assert.Contains("tạo lần công bố 3 thay thế lần 2", blank.Find("#republish-reason-help").TextContent, StringComparison.Ordinal);
        var change = blank.Find("[data-testid=preview-changes] tbody tr");
        Assert.Equal("lao-cai", change.GetAttribute("data-unit"));
        Assert.Contains("71 điểm", change.Children[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("73 điểm", change.Children[2].TextContent, StringComparison.Ordinal);
        Assert.Empty(blank.FindAll("#acknowledge-missing"));
        blank.Find("form[data-testid=publish-form]").Submit();
        Assert.Empty(published);
        Assert.Equal(PublicationConfirmation.ReasonRequired, blank.Find("#republish-reason-error").TextContent);
        Assert.Equal("true", blank.Find("#republish-reason").GetAttribute("aria-invalid"));

        var filled = RenderPanel([First, Second], p => p.Add(c => c.Preview, Correction()).Add(c => c.Reason, "  Đính chính điểm B  ")
            .Add(c => c.PostedFingerprint, "f3").Add(c => c.OnPublish, (PublishRun r) => published.Add(r)));
        filled.Find("form[data-testid=publish-form]").Submit();

        Assert.Equal([new PublishRun("2026-01", "provinces", "Đính chính điểm B", "f3", null)], published);
        Assert.Equal("Công bố đính chính (lần 3)", filled.Find("[data-testid=republish]").TextContent.Trim());
    }

    [Fact]
    public void A_period_that_needs_a_correction_says_why_and_an_unchanged_result_says_plainly_there_is_nothing_to_publish()
    {
        var needed = RenderPanel([First, Second], p => p.Add(c => c.Preview, Correction()));
        var unchanged = RenderPanel([First, Second], p => p.Add(c => c.Preview, Correction(unchanged: true)));

        Assert.Contains("Cần đính chính", needed.Find("[data-testid=correction-needed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("khác lần công bố 2 ở 1 đơn vị", needed.Find("[data-testid=correction-needed] li").TextContent, StringComparison.Ordinal);
        Assert.Empty(unchanged.FindAll("[data-testid=correction-needed]"));
        Assert.Contains("Không có gì thay đổi", unchanged.Find("[data-testid=preview-unchanged]").TextContent, StringComparison.Ordinal);
        Assert.Empty(unchanged.FindAll("form[data-testid=publish-form]"));
        Assert.DoesNotContain("Xung đột", unchanged.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_month_closes_the_confirmation_is_shown_without_a_publish_button()
    {
        var panel = RenderPanel([], p => p.Add(c => c.Preview, FirstPreview(closed: false)));

        Assert.Contains("chưa chốt số liệu cấp trung ương", panel.Find("[data-testid=preview-not-closed]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("form[data-testid=publish-form]"));
        Assert.NotEmpty(panel.FindAll("[data-testid=missing-unit]"));
    }

    [Fact]
    public void A_refusal_of_the_service_is_shown_in_Vietnamese_with_its_field_message_beside_the_field()
    {
        var problem = new ApiProblem("Dữ liệu không hợp lệ", "Một số giá trị không hợp lệ; xem chi tiết trong 'errors'.",
            new Dictionary<string, string[]> { ["acknowledgeMissing"] = ["Còn 2/3 đơn vị thiếu số liệu (1 đơn vị chưa báo cáo); cần xác nhận công bố khi còn thiếu số liệu (acknowledgeMissing: true)."] });
        var stale = new ApiProblem("Nội dung công bố đã thay đổi", "Số liệu, điểm thưởng hoặc lần công bố của kỳ 01/2026 đã thay đổi kể từ lúc bạn xem trước (sẽ là lần công bố 1). Hãy xem lại nội dung công bố rồi xác nhận lại.",
            new Dictionary<string, string[]>());

        var refused = RenderPanel([], p => p.Add(c => c.Preview, FirstPreview()).Add(c => c.Problem, problem));
        var overtaken = RenderPanel([], p => p.Add(c => c.Preview, FirstPreview()).Add(c => c.Problem, stale));

        Assert.Contains("cần xác nhận công bố khi còn thiếu số liệu", refused.Find("[data-testid=acknowledge-missing-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Hãy xem lại nội dung công bố", overtaken.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_selected_runs_ranking_counts_classes_and_lists_units_that_have_not_reported_last()
    {
        var ranking = new RunRanking(Second, [
            new RankingLine("ha-giang", null, null, null, 0, Reported: false),
            new RankingLine("thanh-hoa", 58.25m, "C", 2, 0),
            new RankingLine("lao-cai", 71m, "B", 1, 2.5m),
        ]);

        var panel = RenderPanel([First, Second], p => p.Add(c => c.Selected, ranking));

        var rows = panel.FindAll("[data-testid=ranking] tbody tr");
        Assert.Equal(["lao-cai", "thanh-hoa", "ha-giang"], rows.Select(r => r.GetAttribute("data-unit")!));
        Assert.Contains("58,25", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("2,5", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("chưa báo cáo", rows[2].QuerySelector("[data-testid=not-reported]")!.TextContent);
        Assert.Equal("—", rows[2].Children[0].TextContent);
        Assert.Contains("1 đơn vị", panel.Find("[data-testid=ranking-classes]").TextContent, StringComparison.Ordinal);
        Assert.Contains("lần công bố 2", panel.Find("#publication-ranking-heading").TextContent, StringComparison.Ordinal);
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
