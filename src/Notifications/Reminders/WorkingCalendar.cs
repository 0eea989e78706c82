namespace Platform.Notifications.Reminders;

/// <summary>Working days in Vietnam: Monday to Friday, minus the holidays an administrator keeps in the settings.</summary>
public sealed class WorkingCalendar(IReadOnlySet<DateOnly> holidays)
{
    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary><paramref name="day"/> itself when it is a working day, otherwise the working day before it.</summary>
    public DateOnly OnOrBefore(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }

    /// <summary><paramref name="day"/> itself when it is a working day, otherwise the working day after it.</summary>
    public DateOnly OnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>The working day <paramref name="count"/> working days before (negative: after) the working day <paramref name="day"/>.</summary>
    public DateOnly WorkingDaysBefore(DateOnly day, int count)
    {
        var step = count >= 0 ? -1 : 1;
        for (var left = Math.Abs(count); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }
}
