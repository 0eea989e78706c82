using Platform.Intake.Calendar;

namespace Platform.Intake.Tests.Calendar;

/// <summary>
/// qd2244-annual (seed 002): agencies "trước ngày 12 tháng 4 hằng năm", Sở KHCN "trước ngày 15 tháng 4 hằng năm",
/// for the reporting year just ended. dti-province-405 follows the same dates (seed 004 gives none).
/// </summary>
public sealed class AnnualCalendarTests
{
    private readonly TestCalendar _calendar = new();

    [Fact]
    public void The_year_2025_is_due_from_agencies_before_12_April_2026()
    {
        var schedule = _calendar.Schedule("qd2244-annual", "2025", ReportingLevels.AgencyToProvince);

        Assert.Equal(TestCalendar.Utc("2024-12-31T17:00:00Z"), schedule.OpensAt);
        Assert.Equal(TestCalendar.Utc("2026-04-11T17:00:00Z"), schedule.DueAt);
        Assert.Null(schedule.FrozenAt);
    }

    [Fact]
    public void The_last_second_of_11_April_in_Vietnam_is_on_time_and_midnight_of_12_April_is_late()
    {
        var schedule = _calendar.Schedule("qd2244-annual", "2025", ReportingLevels.AgencyToProvince);

        // 23:59:59 on 11/04 in Vietnam = 16:59:59Z; 00:00:00 on 12/04 = 17:00:00Z on 11/04.
        Assert.Equal(SubmitDecision.OnTime, _calendar.SubmitAt("2026-04-11T16:59:59Z", schedule));
        var late = _calendar.SubmitAt("2026-04-11T17:00:00Z", schedule);
        Assert.True(late is { Allowed: true, Late: true });
    }

    [Fact]
    public void The_province_reports_the_year_before_15_April()
    {
        var schedule = _calendar.Schedule("qd2244-annual", "2025", ReportingLevels.ToNational);

        Assert.Equal(TestCalendar.Utc("2026-04-14T17:00:00Z"), schedule.DueAt);
    }

    [Fact]
    public void The_provincial_DTI_index_uses_the_same_April_dates()
    {
        var agency = _calendar.Schedule("dti-province-405", "2025", ReportingLevels.AgencyToProvince);
        var national = _calendar.Schedule("dti-province-405", "2025", ReportingLevels.ToNational);

        Assert.Equal(TestCalendar.Utc("2026-04-11T17:00:00Z"), agency.DueAt);
        Assert.Equal(TestCalendar.Utc("2026-04-14T17:00:00Z"), national.DueAt);
    }
}
