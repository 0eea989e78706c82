using Platform.Web.Formatting;

namespace Platform.Web.Tests;

public sealed class FormattingTests
{
    [Theory]
    [InlineData("1234.5", 2, "1.234,5")]
    [InlineData("71", 2, "71")]
    [InlineData("0.125", 2, "0,13")]
    [InlineData("1234567.891", 1, "1.234.567,9")]
    public void Numbers_are_written_the_Vietnamese_way(string value, int decimals, string expected) =>
        Assert.Equal(expected, Vn.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Fact]
    public void Dates_and_times_are_Vietnam_time_dd_MM_yyyy()
    {
        // 17:30 UTC on 31 January is 00:30 on 1 February in Vietnam.
        var instant = new DateTimeOffset(2026, 1, 31, 17, 30, 0, TimeSpan.Zero);
        Assert.Equal("01/02/2026", Vn.Date(instant));
        Assert.Equal("00:30 ngày 01/02/2026", Vn.Moment(instant));
        Assert.Equal("tháng 01/2026", Vn.Period("2026-01"));
    }

    [Theory]
    [InlineData(26 * 60 + 5, "còn 1 ngày 2 giờ")]
    [InlineData(90, "còn 1 giờ 30 phút")]
    [InlineData(-3 * 60, "quá hạn 3 giờ 0 phút")]
    [InlineData(0.2, "còn 1 phút")]
    public void Countdowns_read_naturally(double minutesLeft, string expected)
    {
        var now = new DateTimeOffset(2026, 2, 2, 3, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, Vn.Countdown(now.AddMinutes(minutesLeft), now));
    }
}
