using Platform.Web.Components.Scoreboard;
using static Platform.Web.Tests.Scoreboard.ScoreboardData;

namespace Platform.Web.Tests.Scoreboard;

public sealed class ScoreTextTests
{
    [Theory]
    [InlineData("A.onTime / (A.due + A.backlog) = 0.8", "A.onTime / (A.due + A.backlog) = 0,8")]
    [InlineData("(B.B1 + B.B2) × 0.2", "(B.B1 + B.B2) × 0,2")]
    [InlineData("C1.records / best × max", "C1.records / best × max")]
    [InlineData("giá trị cao nhất nhóm = 1250.75", "giá trị cao nhất nhóm = 1250,75")]
    public void Formulas_keep_input_keys_and_write_decimals_the_vietnamese_way(string engine, string shown) =>
        Assert.Equal(shown, ScoreText.Formula(engine));

    [Theory]
    [InlineData("E1.attended / E1.held × max", 5, "“Số cuộc họp có đúng thành phần được mời tham dự” / “Số cuộc họp đã tổ chức” × 5 điểm")]
    [InlineData("nếu E2.reports ≥ 1 thì max, ngược lại min(E2.speeches, 5)", 5,
        "nếu “Số báo cáo chuyên đề được trình bày” ≥ 1 thì 5 điểm, ngược lại nhỏ nhất của (“Số ý kiến phát biểu đóng góp của người đứng đầu”, 5)")]
    [InlineData("A.late / (A.due + A.backlog) × 0.5 × 18", 9,
        "“Số nhiệm vụ quá hạn đã hoàn thành trong tháng” / (“Số nhiệm vụ đến hạn trong tháng (Hệ thống 57)” + “Số nhiệm vụ quá hạn chưa hoàn thành đầu tháng”) × 0,5 × 18")]
    [InlineData("C1.records / cao nhất nhóm × max", 10, "“Số bản ghi dữ liệu được số hoá, tạo lập trong tháng” / cao nhất nhóm × 10 điểm")]
    [InlineData("E3.onTime ? max : 0", 5, "nếu “Cập nhật kết quả tháng trên Hệ thống 57 trước ngày 01 tháng sau” thì 5 điểm, ngược lại 0")]
    [InlineData("E3.onTime = 0", 5, "“Cập nhật kết quả tháng trên Hệ thống 57 trước ngày 01 tháng sau” = không")]
    [InlineData("E1.held = (chưa báo cáo)", 5, "“Số cuộc họp đã tổ chức” = (chưa báo cáo)")]
    [InlineData("giá trị cao nhất nhóm = 1250.75", 10, "giá trị cao nhất nhóm = 1250,75")]
    public void Formulas_and_working_read_in_words_with_input_names_instead_of_codes(string engine, int max, string shown) =>
        Assert.Equal(shown, ScoreText.Readable(engine, Framework, max));

    [Fact]
    public void The_run_shown_is_the_current_official_revision_else_the_latest_provisional_run()
    {
        var (p1, p2, r1, r2) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var provisional = new[] { Provisional(p1, 1), Provisional(p2, 30) };

        Assert.Equal(p2, ScoreText.Choose(provisional, "2026-01")!.Id);
        Assert.Equal(r2, ScoreText.Choose([.. provisional, Official(r1, 1, "superseded"), Official(r2, 2, "current")], "2026-01")!.Id);
        Assert.Null(ScoreText.Choose(provisional, "2026-02"));
    }

    [Theory]
    [InlineData("Thanh Hóa", "thanh hoa")]
    [InlineData("Đà Nẵng", "da nang")]
    [InlineData("  ", "")]
    public void Search_text_is_folded_to_lower_case_without_diacritics(string text, string folded) =>
        Assert.Equal(folded, ScoreText.Fold(text));
}
