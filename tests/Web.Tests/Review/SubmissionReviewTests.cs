using System.Text.Json;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Review;

namespace Platform.Web.Tests.Review;

public sealed class SubmissionReviewTests : BunitContext
{
    private static readonly FrameworkDefinition Monthly = ShippedDefinitions.Definition(MonthlyFramework.Id, "2026-01");

    private static readonly Dictionary<string, string> Names = new()
    {
        ["lao-cai.so-khcn"] = "Sở Khoa học và Công nghệ tỉnh Lào Cai",
        ["lao-cai"] = "Tỉnh Lào Cai",
    };

    [Fact]
    public void Every_value_is_shown_beside_last_months_with_the_difference_in_Vietnamese()
    {
        var current = Submission("2026-01", "submitted", new()
        {
            ["A.due"] = 12, ["A.onTime"] = 10, ["C2.transactions"] = 12000, ["E3.onTime"] = true, ["D2.rate"] = 0.45m,
        });
        var previous = Submission("2025-12", "approved", new()
        {
            ["A.due"] = 10, ["A.onTime"] = 10, ["C2.transactions"] = 10500, ["E3.onTime"] = false, ["C1.records"] = 500,
        });

        var review = Render<SubmissionReview>(p => p
            .Add(c => c.Submission, current).Add(c => c.Previous, previous).Add(c => c.Definition, Monthly).Add(c => c.UnitNames, Names));

        Assert.Contains("so với tháng 12/2025", review.Find("h2#values-heading").TextContent, StringComparison.Ordinal);
        Assert.Equal(("10", "12", "+2 (+20 %)"), Cells(review, "A.due"));
        Assert.Contains("Số nhiệm vụ đến hạn trong tháng", review.Find("tr[data-key='A.due'] th").TextContent, StringComparison.Ordinal);
        Assert.Equal(("10", "10", "Không đổi"), Cells(review, "A.onTime"));
        // 1.500 more transactions than 10.500: +14,3 %.
        Assert.Equal(("10.500", "12.000", "+1.500 (+14,3 %)"), Cells(review, "C2.transactions"));
        Assert.Equal(("Không", "Có", "Thay đổi"), Cells(review, "E3.onTime"));
        Assert.Equal(("—", "0,45", "Mới báo cáo"), Cells(review, "D2.rate"));
        Assert.Equal(("500", "—", "Không báo cáo kỳ này"), Cells(review, "C1.records"));
        // Inputs neither month reported are left out; rows follow the framework's order (A before C before D before E).
        Assert.Equal(["A.due", "A.onTime", "C1.records", "C2.transactions", "D2.rate", "E3.onTime"],
            review.FindAll("table[data-testid=value-changes] tbody tr").Select(r => r.GetAttribute("data-key")!));
        Assert.Empty(review.FindAll("[data-testid=previous-not-approved]"));
        Assert.Contains("Sở Khoa học và Công nghệ tỉnh Lào Cai", review.Find("[data-testid=submission-facts]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decrease_is_signed_and_an_unapproved_previous_month_is_flagged()
    {
        var current = Submission("2026-02", "submitted", new() { ["A.due"] = 8 });
        var previous = Submission("2026-01", "returned", new() { ["A.due"] = 10 });

        var review = Render<SubmissionReview>(p => p.Add(c => c.Submission, current).Add(c => c.Previous, previous).Add(c => c.Definition, Monthly));

        Assert.Equal(("10", "8", "−2 (−20 %)"), Cells(review, "A.due"));
        Assert.Contains("Bị trả lại", review.Find("[data-testid=previous-not-approved]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Returning_without_a_reason_shows_a_Vietnamese_error_next_to_the_field_and_sends_nothing()
    {
        string? returned = null;
        var review = Render<SubmissionReview>(p => p
            .Add(c => c.Submission, Submission("2026-01", "submitted", new() { ["A.due"] = 1 }))
            .Add(c => c.Definition, Monthly)
            .Add(c => c.ReturnReason, "   ")
            .Add(c => c.OnReturn, (string reason) => returned = reason));

        review.Find("form[data-testid=return-form]").Submit();

        Assert.Null(returned);
        var field = review.Find("#return-reason");
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("return-reason-error", field.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(SubmissionReview.ReasonRequired, review.Find("#return-reason-error").TextContent);
        Assert.Equal("return-reason", review.Find("label[for=return-reason]").GetAttribute("for"));
    }

    [Fact]
    public void Returning_with_a_reason_hands_the_trimmed_reason_on_and_approving_needs_none()
    {
        string? returned = null;
        var approved = false;
        var review = Render<SubmissionReview>(p => p
            .Add(c => c.Submission, Submission("2026-01", "submitted", new() { ["A.due"] = 1 }))
            .Add(c => c.ReturnReason, "  Thiếu minh chứng cho A.due  ")
            .Add(c => c.OnReturn, (string reason) => returned = reason)
            .Add(c => c.OnApprove, () => approved = true));

        review.Find("form[data-testid=return-form]").Submit();
        review.Find("form[data-testid=approve-form]").Submit();

        Assert.Equal("Thiếu minh chứng cho A.due", returned);
        Assert.True(approved);
        Assert.Empty(review.FindAll("#return-reason-error"));
    }

    [Fact]
    public void The_services_refusal_is_shown_and_its_reason_message_sits_next_to_the_field()
    {
        var problem = new ApiProblem("Dữ liệu không hợp lệ", "Một số giá trị không hợp lệ.",
            new Dictionary<string, string[]> { ["reason"] = ["Phải ghi rõ lý do trả lại báo cáo."] });

        var review = Render<SubmissionReview>(p => p
            .Add(c => c.Submission, Submission("2026-01", "submitted", new() { ["A.due"] = 1 }))
            .Add(c => c.ReturnReason, "Số liệu A chưa khớp")
            .Add(c => c.Problem, problem));

        Assert.Contains("Dữ liệu không hợp lệ", review.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Phải ghi rõ lý do trả lại báo cáo.", review.Find("#return-reason-error").TextContent);
        // What the reviewer typed stays in the field.
        Assert.Equal("Số liệu A chưa khớp", review.Find("#return-reason").GetAttribute("value"));
    }

    [Fact]
    public void A_decided_submission_offers_no_decision_and_evidence_links_preview_images_and_open_pdfs_in_a_new_tab()
    {
        var evidence = new List<EvidenceItem>
        {
            new(Guid.NewGuid(), "A.due", "bao-cao.pdf", "application/pdf", 20480, DateTimeOffset.UtcNow, "/api/intake/evidence/1"),
            new(Guid.NewGuid(), null, "anh-chup.png", "image/png", 1024, DateTimeOffset.UtcNow, "/api/intake/evidence/2"),
        };

        var review = Render<SubmissionReview>(p => p
            .Add(c => c.Submission, Submission("2026-01", "approved", new() { ["A.due"] = 1 }))
            .Add(c => c.Definition, Monthly)
            .Add(c => c.Evidence, evidence));

        Assert.Empty(review.FindAll("form"));
        Assert.Equal("Đã phê duyệt", review.Find("[data-testid=submission-state]").TextContent);
        var pdf = review.Find("a[href='/api/intake/evidence/1']");
        Assert.Equal("_blank", pdf.GetAttribute("target"));
        Assert.Equal("/api/intake/evidence/2", review.Find("img").GetAttribute("src"));
        Assert.Contains("anh-chup.png", review.Find("img").GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Contains("Số nhiệm vụ đến hạn trong tháng", review.FindAll("[data-testid=evidence-item]")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resubmission_names_the_earlier_return_reason_and_shows_only_what_changed_since_the_returned_version()
    {
        var current = Submission("2026-01", "submitted", new() { ["A.due"] = 11, ["A.onTime"] = 8, ["D1.accepted"] = 3 });
        var returns = new List<SubmissionReturnItem>
        {
            Return(new DateTimeOffset(2026, 2, 2, 8, 30, 0, TimeSpan.Zero), "Số nhiệm vụ đến hạn chưa khớp Hệ thống 57",
                new() { ["A.due"] = 10, ["A.onTime"] = 8, ["A.late"] = 1 }),
            Return(new DateTimeOffset(2026, 2, 2, 4, 0, 0, TimeSpan.Zero), "Thiếu minh chứng", new() { ["A.due"] = 9 }),
        };

        var review = Render<SubmissionReview>(p => p
            .Add(c => c.Submission, current).Add(c => c.Definition, Monthly).Add(c => c.Returns, returns));

        var section = review.Find("[data-testid=resubmission]");
        // 08:30 UTC is 15:30 in Vietnam.
        Assert.Contains("15:30 ngày 02/02/2026", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("lần trả lại thứ 2", section.TextContent, StringComparison.Ordinal);
        Assert.Equal("Số nhiệm vụ đến hạn chưa khớp Hệ thống 57", review.Find("[data-testid=earlier-return-reason]").TextContent);
        var rows = review.FindAll("table[data-testid=changes-since-return] tbody tr");
        // A.onTime is unchanged and left out; A.late was emptied; D1.accepted is new.
        Assert.Equal(["A.due", "A.late", "D1.accepted"], rows.Select(r => r.GetAttribute("data-key")!));
        Assert.Equal(("10", "11", "+1 (+10 %)"), ReturnCells(review, "A.due"));
        Assert.Equal(("1", "—", "Đã bỏ trống"), ReturnCells(review, "A.late"));
        Assert.Equal(("—", "3", "Mới bổ sung"), ReturnCells(review, "D1.accepted"));
        Assert.Contains("Thiếu minh chứng", section.QuerySelector("details")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resubmission_without_any_change_says_so_and_a_never_returned_submission_shows_no_return_section()
    {
        var values = new Dictionary<string, object> { ["A.due"] = 10 };
        var resubmitted = Render<SubmissionReview>(p => p
            .Add(c => c.Submission, Submission("2026-01", "submitted", values)).Add(c => c.Definition, Monthly)
            .Add(c => c.Returns, [Return(DateTimeOffset.UnixEpoch, "Kiểm tra lại", values)]));
        var first = Render<SubmissionReview>(p => p
            .Add(c => c.Submission, Submission("2026-01", "submitted", values)).Add(c => c.Definition, Monthly));

        Assert.Contains("không sửa số liệu nào", resubmitted.Find("[data-testid=no-change-since-return]").TextContent, StringComparison.Ordinal);
        Assert.Empty(first.FindAll("[data-testid=resubmission]"));
    }

    [Fact]
    public void A_return_made_before_values_were_kept_shows_its_reason_and_says_the_values_are_unknown()
    {
        var review = Render<SubmissionReview>(p => p
            .Add(c => c.Submission, Submission("2026-01", "submitted", new() { ["A.due"] = 10 })).Add(c => c.Definition, Monthly)
            .Add(c => c.Returns, [new SubmissionReturnItem(DateTimeOffset.UnixEpoch, "sub", "Bổ sung minh chứng", null)]));

        Assert.Equal("Bổ sung minh chứng", review.Find("[data-testid=earlier-return-reason]").TextContent);
        Assert.NotEmpty(review.FindAll("[data-testid=returned-values-unknown]"));
        Assert.Empty(review.FindAll("[data-testid=no-change-since-return]"));
    }

    private static SubmissionReturnItem Return(DateTimeOffset at, string reason, Dictionary<string, object> values) =>
        new(at, "sub-reviewer", reason, values.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value)));

    private static (string Returned, string Current, string Difference) ReturnCells(IRenderedComponent<SubmissionReview> review, string key)
    {
        var row = review.Find($"table[data-testid=changes-since-return] tr[data-key='{key}']");
        return (row.QuerySelector("[data-column=returned]")!.TextContent, row.QuerySelector("[data-column=current]")!.TextContent,
            row.QuerySelector("[data-column=difference]")!.TextContent);
    }

    private static (string Previous, string Current, string Difference) Cells(IRenderedComponent<SubmissionReview> review, string key)
    {
        var row = review.Find($"tr[data-key='{key}']");
        return (row.QuerySelector("[data-column=previous]")!.TextContent, row.QuerySelector("[data-column=current]")!.TextContent,
            row.QuerySelector("[data-column=difference]")!.TextContent);
    }

    private static ReviewSubmission Submission(string period, string state, Dictionary<string, object> values) => new(
        Guid.NewGuid(), "monthly-4585", Monthly.Version, period, "lao-cai.so-khcn", "lao-cai",
        values.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value)),
        null, state, null, false, 3, "sub-1", new DateTimeOffset(2026, 2, 2, 3, 0, 0, TimeSpan.Zero), null, null);
}
