using Platform.Intake.Calendar;

namespace Platform.Intake.Tests.Calendar;

/// <summary>A reviewer reopens one unit's locked period, with a written reason, until a given instant.</summary>
public sealed class ReopeningTests
{
    private readonly TestCalendar _calendar = new();

    // NQ57 refuses late submissions: due 09:00 19/06/2026 VN = 02:00Z.
    private PeriodSchedule Window => _calendar.Schedule("nq57-self-2026", "2026", ReportingLevels.AgencyToProvince);

    // Reopened until 17:00 on 20/06/2026 Vietnam time = 10:00Z.
    private static readonly PeriodReopening ForNhuThanh = new(
        "xa-nhu-thanh", "nq57-self-2026", "2026", TestCalendar.Utc("2026-06-20T10:00:00Z"),
        "Mất điện diện rộng sáng 19/6, không gửi kịp.", "van-phong-dang-uy");

    [Fact]
    public void A_reopening_lets_the_late_unit_submit_until_it_ends_and_the_submission_stays_late()
    {
        var decision = _calendar.SubmitAt("2026-06-20T09:59:59Z", Window, "xa-nhu-thanh", ForNhuThanh);

        Assert.Equal(new SubmitDecision(Allowed: true, Late: true, Reopening: ForNhuThanh, Refusal: null), decision);
    }

    [Fact]
    public void A_reopening_does_not_let_another_unit_submit()
    {
        var decision = _calendar.SubmitAt("2026-06-20T09:00:00Z", Window, "xa-xuan-du", ForNhuThanh);

        Assert.False(decision.Allowed);
    }

    [Fact]
    public void A_reopening_of_another_period_does_not_apply()
    {
        var otherPeriod = ForNhuThanh with { Period = "2027" };

        Assert.False(_calendar.SubmitAt("2026-06-20T09:00:00Z", Window, "xa-nhu-thanh", otherPeriod).Allowed);
    }

    [Fact]
    public void When_the_reopening_has_ended_the_unit_is_refused_and_told_when_it_ended()
    {
        var decision = _calendar.SubmitAt("2026-06-20T10:00:00Z", Window, "xa-nhu-thanh", ForNhuThanh);

        Assert.False(decision.Allowed);
        Assert.EndsWith("Thời hạn mở lại đã hết lúc 17:00 ngày 20/06/2026.", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reopening_needs_a_written_reason_and_an_end_in_the_future()
    {
        var blank = ForNhuThanh with { Reason = "  ", Until = TestCalendar.Utc("2026-06-19T03:00:00Z") };

        var problems = blank.Validate(TestCalendar.Utc("2026-06-19T04:00:00Z"));

        Assert.Equal(
            ["Phải ghi rõ lý do mở lại kỳ báo cáo.", "Thời hạn mở lại (10:00 ngày 19/06/2026, giờ Việt Nam) phải sau thời điểm hiện tại."],
            problems);
    }
}
