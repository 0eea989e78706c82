using Platform.Notifications.Scheduling;
using Platform.ServiceDefaults.Time;

namespace Platform.Notifications.Reminders;

/// <summary>One job a deadline needs: its kind, which step, when.</summary>
public sealed record PlannedStep(string Kind, string Step, DateTimeOffset DueAt);

/// <summary>
/// When a deadline's reminders and escalations fall, in Vietnam time. The last day is the deadline's own date, or the day
/// before when the deadline is 00:00 ("trước ngày 05" is due 00:00 on the 5th: the last day is the 4th). A reminder
/// "n working days before" is on the n-th working day before the last working day on or before that last day, at its
/// time; when the deadline is earlier in the day than the reminder's time (07:00 and 08:00), the day before counts as the
/// last day for that reminder. The leaders are told on the morning of the first working day whose morning is after the deadline (or the
/// n-th, per the settings), the reviewers the set number of working days later.
/// </summary>
public static class ReminderPlan
{
    public static IReadOnlyList<PlannedStep> For(DateTimeOffset dueAt, EffectiveReminderSettings settings)
    {
        var calendar = settings.Calendar;
        var local = VietnamTime.ToVietnam(dueAt);
        var dueDay = DateOnly.FromDateTime(local.DateTime);
        var lastDay = local.TimeOfDay == TimeSpan.Zero ? dueDay.AddDays(-1) : dueDay;

        var steps = new List<PlannedStep>();
        foreach (var offset in settings.Offsets.OrderByDescending(o => o.WorkingDaysBefore).ThenBy(o => o.Time))
        {
            // A deadline earlier in the day than the reminder's time: the last day the reminder can be sent on is the day before.
            var last = VietnamTime.ToUtc(lastDay, offset.Time) < dueAt ? lastDay : lastDay.AddDays(-1);
            var day = calendar.WorkingDaysBefore(calendar.OnOrBefore(last), offset.WorkingDaysBefore);
            var at = VietnamTime.ToUtc(day, offset.Time);
            if (steps.All(s => s.DueAt != at)) steps.Add(new PlannedStep(JobKinds.Reminder, offset.Code, at));
        }

        var leaderDay = calendar.OnOrAfter(dueDay);
        if (VietnamTime.ToUtc(leaderDay, settings.Morning) <= dueAt) leaderDay = calendar.OnOrAfter(leaderDay.AddDays(1));
        leaderDay = calendar.WorkingDaysBefore(leaderDay, -(Math.Max(1, settings.LeaderAfterWorkingDays) - 1));
        var reviewerDay = calendar.WorkingDaysBefore(leaderDay, -Math.Max(0, settings.ReviewerAfterWorkingDays));
        steps.Add(new PlannedStep(JobKinds.LeaderEscalation, "leader", VietnamTime.ToUtc(leaderDay, settings.Morning)));
        steps.Add(new PlannedStep(JobKinds.ReviewerEscalation, "reviewer", VietnamTime.ToUtc(reviewerDay, settings.Morning)));
        return steps.OrderBy(s => s.DueAt).ToList();
    }

    /// <summary>The deadline's last day as people read it ("hạn 04/12/2026" for 00:00 on the 5th).</summary>
    public static DateOnly LastDay(DateTimeOffset dueAt)
    {
        var local = VietnamTime.ToVietnam(dueAt);
        var day = DateOnly.FromDateTime(local.DateTime);
        return local.TimeOfDay == TimeSpan.Zero ? day.AddDays(-1) : day;
    }
}
