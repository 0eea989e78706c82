using Platform.Notifications.Reminders;
using Platform.Notifications.Scheduling;

namespace Platform.Notifications.Tests.Reminders;

public sealed class ReminderPlanTests
{
    private static readonly EffectiveReminderSettings Defaults = new(
        [new(3, new TimeOnly(8, 0)), new(1, new TimeOnly(8, 0)), new(0, new TimeOnly(8, 0))], 1, 2,
        new HashSet<DateOnly> { new(2026, 1, 1), new(2026, 4, 30), new(2026, 5, 1), new(2026, 9, 2) }, new TimeOnly(8, 0));

    private static DateTimeOffset Vn(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(7));

    private static List<(string Step, DateTimeOffset At)> Plan(DateTimeOffset due, EffectiveReminderSettings? settings = null) =>
        ReminderPlan.For(due, settings ?? Defaults).Select(s => (s.Step, s.DueAt.ToOffset(TimeSpan.FromHours(7)))).ToList();

    [Fact]
    public void A_monthly_deadline_before_the_5th_is_reminded_on_the_working_days_before_the_4th_and_escalated_after_the_weekend()
    {
        // Seed 000: "trước ngày 05" → due 00:00 Saturday 05/12/2026; the last day is Friday 04/12.
        Assert.Equal(
            [("3wd-0800", Vn(2026, 12, 1, 8)), ("1wd-0800", Vn(2026, 12, 3, 8)), ("0wd-0800", Vn(2026, 12, 4, 8)),
             ("leader", Vn(2026, 12, 7, 8)), ("reviewer", Vn(2026, 12, 9, 8))],
            Plan(Vn(2026, 12, 5)));
    }

    [Fact]
    public void A_monthly_deadline_before_the_3rd_falls_due_the_same_morning_for_the_leaders()
    {
        // "trước ngày 03" → due 00:00 Thursday 03/12/2026; last day Wednesday 02/12; 3 working days before it is Friday 27/11.
        Assert.Equal(
            [("3wd-0800", Vn(2026, 11, 27, 8)), ("1wd-0800", Vn(2026, 12, 1, 8)), ("0wd-0800", Vn(2026, 12, 2, 8)),
             ("leader", Vn(2026, 12, 3, 8)), ("reviewer", Vn(2026, 12, 7, 8))],
            Plan(Vn(2026, 12, 3)));
    }

    [Theory]
    // Annual DX index: due 00:00 Monday 12/04/2027 → last day Sunday 11/04 → Friday 09/04.
    [InlineData(2027, 4, 12, "06/04 09/04", "08/04", "12/04", "14/04")]
    // Due 00:00 Thursday 15/04/2027 → last day Wednesday 14/04.
    [InlineData(2027, 4, 15, "09/04 14/04", "13/04", "15/04", "19/04")]
    public void The_annual_deadlines_of_12_and_15_April_are_reminded_on_working_days(int y, int m, int d, string firstAndLast, string oneBefore,
        string leader, string reviewer)
    {
        var plan = Plan(Vn(y, m, d)).ToDictionary(s => s.Step, s => s.At.ToString("dd/MM HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        var (first, last) = (firstAndLast.Split(' ')[0], firstAndLast.Split(' ')[1]);
        Assert.Equal(first + " 08:00", plan["3wd-0800"]);
        Assert.Equal(oneBefore + " 08:00", plan["1wd-0800"]);
        Assert.Equal(last + " 08:00", plan["0wd-0800"]);
        Assert.Equal(leader + " 08:00", plan["leader"]);
        Assert.Equal(reviewer + " 08:00", plan["reviewer"]);
    }

    [Fact]
    public void An_NQ57_window_closing_at_09_00_is_reminded_at_08_00_the_same_morning()
    {
        // Seed 003: 09:00 on Friday 19/06/2026.
        Assert.Equal(
            [("3wd-0800", Vn(2026, 6, 16, 8)), ("1wd-0800", Vn(2026, 6, 18, 8)), ("0wd-0800", Vn(2026, 6, 19, 8)),
             ("leader", Vn(2026, 6, 22, 8)), ("reviewer", Vn(2026, 6, 24, 8))],
            Plan(Vn(2026, 6, 19, 9)));
    }

    [Fact]
    public void A_last_day_on_a_weekend_after_two_holidays_moves_the_reminders_to_the_working_days_before()
    {
        // Due 00:00 Sunday 03/05/2026: Saturday 02/05, holiday Friday 01/05 and holiday Thursday 30/04 → Wednesday 29/04.
        Assert.Equal(
            [("3wd-0800", Vn(2026, 4, 24, 8)), ("1wd-0800", Vn(2026, 4, 28, 8)), ("0wd-0800", Vn(2026, 4, 29, 8)),
             ("leader", Vn(2026, 5, 4, 8)), ("reviewer", Vn(2026, 5, 6, 8))],
            Plan(Vn(2026, 5, 3)));
    }

    [Fact]
    public void A_morning_reminder_that_would_fall_after_an_early_deadline_moves_to_the_working_day_before()
    {
        // Due 07:00 Friday 19/06/2026: 08:00 that day is too late, so Thursday 18/06 is the last day for the 08:00 reminders.
        Assert.Equal(
            [("3wd-0800", Vn(2026, 6, 15, 8)), ("1wd-0800", Vn(2026, 6, 17, 8)), ("0wd-0800", Vn(2026, 6, 18, 8))],
            Plan(Vn(2026, 6, 19, 7)).Take(3));
    }

    [Fact]
    public void Every_step_is_planned_with_its_kind()
    {
        var kinds = ReminderPlan.For(Vn(2026, 12, 5), Defaults).Select(s => s.Kind).ToList();
        Assert.Equal([JobKinds.Reminder, JobKinds.Reminder, JobKinds.Reminder, JobKinds.LeaderEscalation, JobKinds.ReviewerEscalation], kinds);
    }
}
