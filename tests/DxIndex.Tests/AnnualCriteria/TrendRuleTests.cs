using Platform.DxIndex.AnnualCriteria;

namespace Platform.DxIndex.Tests.AnnualCriteria;

/// <summary>
/// The trend rule worked by hand. A higher-is-better criterion — 0418 "Tỷ lệ kích hoạt tài khoản định danh điện tử cho
/// người dân": 2024 = 0,62, 2025 = 0,71 → 0,71 &gt; 0,62 and higher is better → cải thiện; 0,71 → 0,65 → kém đi; 0,71 → 0,71
/// → không đổi. A lower-is-better criterion (the catalogue has none today; an administrator may add one, e.g. a share of
/// late dossiers): 0,12 → 0,08 → 0,08 &lt; 0,12 and lower is better → cải thiện; 0,08 → 0,10 → kém đi. A year without a
/// value on either side → chưa có số liệu.
/// </summary>
public sealed class TrendRuleTests
{
    [Theory]
    [InlineData("0.62", "0.71", true, Trend.Improved, "Cải thiện", "▲")]
    [InlineData("0.71", "0.65", true, Trend.Worsened, "Kém đi", "▼")]
    [InlineData("0.71", "0.71", true, Trend.Unchanged, "Không đổi", "▬")]
    [InlineData("0.12", "0.08", false, Trend.Improved, "Cải thiện", "▲")]
    [InlineData("0.08", "0.10", false, Trend.Worsened, "Kém đi", "▼")]
    [InlineData("0.10", "0.10", false, Trend.Unchanged, "Không đổi", "▬")]
    public void The_trend_follows_the_direction_of_the_criterion(string before, string now, bool higherIsBetter, string trend, string text, string arrow)
    {
        var result = Trend.Of(decimal.Parse(before, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(now, System.Globalization.CultureInfo.InvariantCulture), higherIsBetter);

        Assert.Equal((trend, text, arrow), (result, Trend.Text(result), Trend.Arrow(result)));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void A_year_without_a_value_gives_no_trend(bool hasBefore, bool hasNow)
    {
        var result = Trend.Of(hasBefore ? 0.5m : null, hasNow ? 0.6m : null, higherIsBetter: true);

        Assert.Equal((Trend.NoData, "Chưa có số liệu", ""), (result, Trend.Text(result), Trend.Arrow(result)));
    }
}
