using Platform.ServiceDefaults.Time;
using Platform.Intake.Calendar;

namespace Platform.Intake.Tests.Calendar;

public sealed class VietnamTimeTests
{
    [Fact]
    public void Midnight_in_Vietnam_is_five_in_the_afternoon_UTC_the_day_before()
    {
        var instant = VietnamTime.ToUtc(new DateTime(2026, 2, 5, 0, 0, 0, DateTimeKind.Unspecified));

        Assert.Equal(TestCalendar.Utc("2026-02-04T17:00:00Z"), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void A_UTC_instant_is_shown_as_Vietnam_wall_clock_time()
    {
        var vietnam = VietnamTime.ToVietnam(TestCalendar.Utc("2026-06-19T02:00:00Z"));

        Assert.Equal(new DateTime(2026, 6, 19, 9, 0, 0), vietnam.DateTime);
        Assert.Equal(TimeSpan.FromHours(7), vietnam.Offset);
    }

    [Fact]
    public void Dates_and_times_are_formatted_dd_MM_yyyy_and_HH_mm_in_Vietnam_time()
    {
        var instant = TestCalendar.Utc("2025-12-31T17:30:00Z");

        Assert.Equal("01/01/2026", VietnamTime.FormatDate(instant));
        Assert.Equal("00:30", VietnamTime.FormatTime(instant));
        Assert.Equal("00:30 ngày 01/01/2026", VietnamTime.FormatMoment(instant));
    }

    [Fact]
    public void Vietnam_is_seven_hours_ahead_all_year_round()
    {
        Assert.Equal(TimeSpan.FromHours(7), VietnamTime.Zone.GetUtcOffset(TestCalendar.Utc("2026-01-15T00:00:00Z")));
        Assert.Equal(TimeSpan.FromHours(7), VietnamTime.Zone.GetUtcOffset(TestCalendar.Utc("2026-07-15T00:00:00Z")));
    }
}
