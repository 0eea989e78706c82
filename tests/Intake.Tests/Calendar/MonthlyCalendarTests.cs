using Platform.Intake.Calendar;

namespace Platform.Intake.Tests.Calendar;

/// <summary>
/// monthly-4585 (seed 001: "trước ngày 05 hằng tháng", data "chốt vào ngày 01"; seed 000: "trước ngày 03 hàng tháng").
/// "Before the 5th" = due at 00:00 on the 5th Vietnam time = 17:00 UTC on the 4th.
/// </summary>
public sealed class MonthlyCalendarTests
{
    private readonly TestCalendar _calendar = new();

    private PeriodSchedule National(string period) => _calendar.Schedule("monthly-4585", period, ReportingLevels.ToNational);

    private PeriodSchedule Agency(string period) => _calendar.Schedule("monthly-4585", period, ReportingLevels.AgencyToProvince);

    [Fact]
    public void A_month_opens_at_its_first_midnight_freezes_automatic_data_on_the_1st_and_is_due_before_the_5th()
    {
        var schedule = National("2026-01");

        Assert.Equal(TestCalendar.Utc("2025-12-31T17:00:00Z"), schedule.OpensAt);
        Assert.Equal(TestCalendar.Utc("2026-01-31T17:00:00Z"), schedule.FrozenAt);
        Assert.Equal(TestCalendar.Utc("2026-02-04T17:00:00Z"), schedule.DueAt);
        Assert.Equal(schedule.DueAt, schedule.LocksAt);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), (schedule.DataFrom, schedule.DataTo));
    }

    [Fact]
    public void The_last_second_of_the_4th_in_Vietnam_is_on_time_for_the_national_report()
    {
        // 23:59:59 on 04/02 in Vietnam = 16:59:59Z on 04/02.
        var decision = _calendar.SubmitAt("2026-02-04T16:59:59Z", National("2026-01"));

        Assert.Equal(SubmitDecision.OnTime, decision);
        Assert.Equal(PeriodStatus.Open, National("2026-01").StatusAt(TestCalendar.Utc("2026-02-04T16:59:59Z")));
    }

    [Fact]
    public void Midnight_starting_the_5th_in_Vietnam_is_late_for_the_national_report()
    {
        // 00:00:00 on 05/02 in Vietnam = 17:00:00Z on 04/02.
        var schedule = National("2026-01");
        var decision = _calendar.SubmitAt("2026-02-04T17:00:00Z", schedule);

        Assert.True(decision.Allowed);
        Assert.True(decision.Late);
        Assert.True(schedule.IsLate(TestCalendar.Utc("2026-02-04T17:00:00Z")));
        Assert.False(schedule.IsLate(TestCalendar.Utc("2026-02-04T16:59:59Z")));
        Assert.Equal(PeriodStatus.Late, _calendar.Calendar.StatusNow(schedule));
    }

    [Fact]
    public void Agencies_inside_a_province_are_due_before_the_3rd()
    {
        var schedule = Agency("2026-03");

        Assert.Equal(TestCalendar.Utc("2026-04-02T17:00:00Z"), schedule.DueAt);
        Assert.False(schedule.IsLate(TestCalendar.Utc("2026-04-02T16:59:59Z")));
        Assert.True(schedule.IsLate(TestCalendar.Utc("2026-04-02T17:00:00Z")));
    }

    [Fact]
    public void December_is_frozen_and_due_in_January_of_the_next_year()
    {
        var national = National("2025-12");
        var agency = Agency("2025-12");

        Assert.Equal(TestCalendar.Utc("2025-12-31T17:00:00Z"), national.FrozenAt);
        Assert.Equal(TestCalendar.Utc("2026-01-04T17:00:00Z"), national.DueAt);
        Assert.Equal(TestCalendar.Utc("2026-01-02T17:00:00Z"), agency.DueAt);
        Assert.Equal(new DateOnly(2025, 12, 31), national.DataTo);
    }

    [Fact]
    public void A_month_is_not_open_before_its_first_day_in_Vietnam()
    {
        var schedule = National("2026-02");

        // 23:59:59 on 31/01 in Vietnam.
        var decision = _calendar.SubmitAt("2026-01-31T16:59:59Z", schedule);

        Assert.False(decision.Allowed);
        Assert.Equal(PeriodStatus.NotOpen, _calendar.Calendar.StatusNow(schedule));
        Assert.Equal("Kỳ báo cáo 2026-02 chưa mở (mở từ 00:00 ngày 01/02/2026, giờ Việt Nam).", decision.Refusal);
    }
}
