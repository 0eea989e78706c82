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
