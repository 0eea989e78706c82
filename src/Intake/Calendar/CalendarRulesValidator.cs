using Microsoft.Extensions.Options;

namespace Platform.Intake.Calendar;

/// <summary>Checks every framework's calendar, shared and per tenant, at start-up; each problem names the full key.</summary>
public sealed class CalendarRulesValidator : IValidateOptions<CalendarRules>
{
    public ValidateOptionsResult Validate(string? name, CalendarRules options)
    {
        var problems = new List<string>();
        foreach (var (id, _) in options.Frameworks)
            Check($"{CalendarRules.SectionName}:Frameworks:{id}", options.For(id)!, problems);
        foreach (var (tenant, overrides) in options.Tenants)
        {
            foreach (var (id, _) in overrides)
                Check($"{CalendarRules.SectionName}:Tenants:{tenant}:{id}", options.For(id, tenant)!, problems);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(string key, FrameworkCalendar calendar, List<string> problems)
    {
        if (calendar.LatePolicy is not (LatePolicies.Refuse or LatePolicies.AcceptAndMarkLate))
            problems.Add($"{key}:LatePolicy phải là '{LatePolicies.Refuse}' hoặc '{LatePolicies.AcceptAndMarkLate}' (đang là '{calendar.LatePolicy}').");

        switch (calendar.PeriodType)
        {
            case "month":
                if (calendar.FreezeDayOfNextMonth is < 1 or > 28)
                    problems.Add($"{key}:FreezeDayOfNextMonth phải từ 1 đến 28 (đang là {calendar.FreezeDayOfNextMonth}).");
                CheckDueRules(key, calendar, yearly: false, problems);
                break;
            case "year":
                CheckDueRules(key, calendar, yearly: true, problems);
                break;
            case "window":
                if (calendar.Windows.Count == 0) problems.Add($"{key}:Windows phải khai báo ít nhất một đợt.");
                foreach (var (id, window) in calendar.Windows)
                {
                    if (window.DataTo < window.DataFrom)
                        problems.Add($"{key}:Windows:{id}:DataTo phải không trước DataFrom.");
                    if (window.DueBefore <= (window.OpensAt ?? window.DataFrom.ToDateTime(TimeOnly.MinValue)))
                        problems.Add($"{key}:Windows:{id}:DueBefore phải sau thời điểm mở đợt.");
                }

                break;
            default:
                problems.Add($"{key}:PeriodType phải là 'month', 'year' hoặc 'window' (đang là '{calendar.PeriodType}').");
                break;
        }
    }

    private static void CheckDueRules(string key, FrameworkCalendar calendar, bool yearly, List<string> problems)
    {
        if (calendar.DueBefore.Count == 0) problems.Add($"{key}:DueBefore phải khai báo hạn nộp cho ít nhất một cấp.");
        foreach (var (level, due) in calendar.DueBefore)
        {
            var at = $"{key}:DueBefore:{level}";
            if (!ReportingLevels.All.Contains(level))
                problems.Add($"{at}: cấp báo cáo không hợp lệ (dùng {string.Join(" hoặc ", ReportingLevels.All)}).");
            if (!yearly && due.Month is not null)
                problems.Add($"{at}:Month không dùng cho khung báo cáo theo tháng (hạn nộp tính theo tháng kế tiếp).");
            if (yearly && due.Month is not (>= 1 and <= 12))
                problems.Add($"{at}:Month phải từ 1 đến 12 (đang là {due.Month?.ToString() ?? "trống"}).");
            // Monthly: day 29–31 does not exist in every month, so refuse it rather than guess. Yearly: no 29 February.
            var lastDay = yearly && due.Month is >= 1 and <= 12 ? DateTime.DaysInMonth(2001, due.Month.Value) : 28;
            if (due.Day < 1 || due.Day > lastDay)
                problems.Add($"{at}:Day phải từ 1 đến {lastDay} (đang là {due.Day}).");
        }
    }
}
