using Platform.Intake.Calendar;

namespace Platform.Intake.Tests.Calendar;

/// <summary>After the deadline a framework either refuses submissions or accepts them marked late.</summary>
public sealed class LatePolicyTests
{
    private static CalendarRules MonthlyWith(string policy)
    {
        var rules = new CalendarRules();
        rules.Frameworks["monthly-4585"].LatePolicy = policy;
        return rules;
    }

    [Fact]
    public void Under_accept_and_mark_late_a_submission_after_the_deadline_is_accepted_and_marked_late()
    {
        var calendar = new TestCalendar(MonthlyWith(LatePolicies.AcceptAndMarkLate));
        var schedule = calendar.Schedule("monthly-4585", "2026-01", ReportingLevels.ToNational);

        var decision = calendar.SubmitAt("2026-02-10T03:00:00Z", schedule);

        Assert.Equal(new SubmitDecision(Allowed: true, Late: true, Reopening: null, Refusal: null), decision);
        Assert.Equal(PeriodStatus.Late, calendar.Calendar.StatusNow(schedule));
    }

    [Fact]
    public void Under_refuse_a_submission_after_the_deadline_is_refused_naming_the_deadline_in_Vietnam_time()
    {
        var calendar = new TestCalendar(MonthlyWith(LatePolicies.Refuse));
        var schedule = calendar.Schedule("monthly-4585", "2026-01", ReportingLevels.ToNational);

        var decision = calendar.SubmitAt("2026-02-04T17:00:00Z", schedule);

        Assert.False(decision.Allowed);
        Assert.Equal(PeriodStatus.Locked, calendar.Calendar.StatusNow(schedule));
        Assert.StartsWith("Đã quá hạn nộp (trước 00:00 ngày 05/02/2026, giờ Việt Nam); kỳ báo cáo 2026-01 đã khoá.", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_deadline_both_policies_accept_on_time()
    {
        foreach (var policy in new[] { LatePolicies.Refuse, LatePolicies.AcceptAndMarkLate })
        {
            var calendar = new TestCalendar(MonthlyWith(policy));
            var schedule = calendar.Schedule("monthly-4585", "2026-01", ReportingLevels.ToNational);

            Assert.Equal(SubmitDecision.OnTime, calendar.SubmitAt("2026-02-01T00:00:00Z", schedule));
        }
    }
}
