using Platform.Intake.Calendar;

namespace Platform.Intake.Tests.Calendar;

/// <summary>
/// nq57-self-2026 (seed 003): data "từ ngày 01/7/2025 đến ngày 18/6/2026", report "trước 09 giờ, ngày 19/6/2026".
/// 09:00 on 19/06 in Vietnam = 02:00 UTC; the framework refuses late submissions.
/// </summary>
public sealed class Nq57WindowTests
{
    private readonly TestCalendar _calendar = new();

    private PeriodSchedule Window => _calendar.Schedule("nq57-self-2026", "2026", ReportingLevels.AgencyToProvince);

    [Fact]
    public void The_window_covers_1_July_2025_to_18_June_2026_and_is_due_at_9_on_19_June()
    {
        var schedule = Window;

        Assert.Equal((new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 18)), (schedule.DataFrom, schedule.DataTo));
        Assert.Equal(TestCalendar.Utc("2025-06-30T17:00:00Z"), schedule.OpensAt);
        Assert.Equal(TestCalendar.Utc("2026-06-19T02:00:00Z"), schedule.DueAt);
    }

    [Fact]
    public void One_second_before_9_in_Vietnam_is_on_time()
    {
        // 08:59:59 on 19/06 in Vietnam.
        Assert.Equal(SubmitDecision.OnTime, _calendar.SubmitAt("2026-06-19T01:59:59Z", Window));
    }

    [Fact]
    public void At_9_in_Vietnam_the_window_is_locked_and_the_submission_refused()
    {
        var decision = _calendar.SubmitAt("2026-06-19T02:00:00Z", Window);

        Assert.False(decision.Allowed);
        Assert.Equal(PeriodStatus.Locked, _calendar.Calendar.StatusNow(Window));
        Assert.Contains("trước 09:00 ngày 19/06/2026, giờ Việt Nam", decision.Refusal, StringComparison.Ordinal);
    }
}
