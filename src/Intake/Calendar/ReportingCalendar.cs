using Platform.ServiceDefaults.Time;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Platform.Intake.Calendar;

/// <summary>
/// Turns (framework, period, level) into the period's dates under the tenant's <see cref="CalendarRules"/>,
/// and answers "may this unit submit now?" against the injected clock.
/// </summary>
public sealed class ReportingCalendar(IOptions<CalendarRules> options, TimeProvider time)
{
    private readonly CalendarRules _rules = options.Value;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The schedule, or a Vietnamese explanation of why the period or level is not valid for the framework.</summary>
    public ScheduleLookup Find(string frameworkId, string period, string level, string? tenant = null)
    {
        var calendar = _rules.For(frameworkId, tenant);
        if (calendar is null) return ScheduleLookup.Invalid($"Chưa có lịch báo cáo cho khung '{frameworkId}'.", "framework");
        if (!ReportingLevels.All.Contains(level))
            return ScheduleLookup.Invalid($"Cấp báo cáo '{level}' không hợp lệ; dùng '{ReportingLevels.AgencyToProvince}' hoặc '{ReportingLevels.ToNational}'.");

        return calendar.PeriodType switch
        {
            "month" => Monthly(frameworkId, calendar, period, level),
            "year" => Yearly(frameworkId, calendar, period, level),
            "window" => Window(frameworkId, calendar, period, level),
            _ => ScheduleLookup.Invalid($"Khung '{frameworkId}' có loại kỳ '{calendar.PeriodType}' không được hỗ trợ."),
        };
    }

    public PeriodStatus StatusNow(PeriodSchedule schedule) => schedule.StatusAt(Now);

    /// <summary>At most this many periods are listed from one start (ten years of months): a bound, never reached by the shipped data.</summary>
    public const int MaxPeriods = 120;

    /// <summary>
    /// The periods of the framework that have opened by now (Vietnam time), oldest first, starting with the one that
    /// holds <paramref name="from"/>: months up to this month, years up to this year, the windows whose data reach
    /// <paramref name="from"/> and that have opened. Empty when the framework has no calendar.
    /// </summary>
    public IReadOnlyList<string> OpenedPeriods(string frameworkId, DateOnly from, string? tenant = null)
    {
        var calendar = _rules.For(frameworkId, tenant);
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(Now).DateTime);
        var periods = new List<string>();
        switch (calendar?.PeriodType)
        {
            case "month":
                for (var month = new DateOnly(from.Year, from.Month, 1); month <= today && periods.Count < MaxPeriods; month = month.AddMonths(1))
                    periods.Add(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
                break;
            case "year":
                for (var year = from.Year; year <= today.Year && periods.Count < MaxPeriods; year++)
                    periods.Add(year.ToString(CultureInfo.InvariantCulture));
                break;
            case "window":
                periods.AddRange(calendar.Windows
                    .Where(w => w.Value.DataTo >= from && VietnamTime.ToUtc(w.Value.OpensAt ?? w.Value.DataFrom.ToDateTime(TimeOnly.MinValue)) <= Now)
                    .OrderBy(w => w.Value.DataFrom).Select(w => w.Key).Take(MaxPeriods));
                break;
        }
        return periods;
    }

    public SubmitDecision CanSubmit(PeriodSchedule schedule, string unitId, IEnumerable<PeriodReopening> reopenings) =>
        schedule.CanSubmit(Now, unitId, reopenings);

    private static ScheduleLookup Monthly(string frameworkId, FrameworkCalendar calendar, string period, string level)
    {
        if (period.Length != 7 || period[4] != '-' || !Number(period[..4], out var year) || !Number(period[5..], out var month)
            || year is < 2000 or > 2999 || month is < 1 or > 12)
        {
            return ScheduleLookup.Invalid($"Kỳ báo cáo '{period}' không hợp lệ: khung '{frameworkId}' báo cáo theo tháng, kỳ có dạng YYYY-MM (ví dụ 2026-01).");
        }

        if (!calendar.DueBefore.TryGetValue(level, out var due)) return NoDeadline(frameworkId, level);

        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        return ScheduleLookup.Found(new PeriodSchedule(
            frameworkId, period, level,
            DataFrom: first,
            DataTo: next.AddDays(-1),
            OpensAt: VietnamTime.ToUtc(first, TimeOnly.MinValue),
            DueAt: VietnamTime.ToUtc(new DateOnly(next.Year, next.Month, due.Day), due.Time),
            FrozenAt: calendar.FreezeDayOfNextMonth is { } freeze ? VietnamTime.ToUtc(new DateOnly(next.Year, next.Month, freeze), TimeOnly.MinValue) : null,
            LatePolicy: calendar.LatePolicy!));
    }

    private static ScheduleLookup Yearly(string frameworkId, FrameworkCalendar calendar, string period, string level)
    {
        if (period.Length != 4 || !Number(period, out var year) || year is < 2000 or > 2999)
            return ScheduleLookup.Invalid($"Kỳ báo cáo '{period}' không hợp lệ: khung '{frameworkId}' báo cáo theo năm, kỳ có dạng YYYY (ví dụ 2025).");

        if (!calendar.DueBefore.TryGetValue(level, out var due)) return NoDeadline(frameworkId, level);

        // The year's report is due in the following year ("trước ngày 12 tháng 4 hằng năm" for the year just ended).
        return ScheduleLookup.Found(new PeriodSchedule(
            frameworkId, period, level,
            DataFrom: new DateOnly(year, 1, 1),
            DataTo: new DateOnly(year, 12, 31),
            OpensAt: VietnamTime.ToUtc(new DateOnly(year, 1, 1), TimeOnly.MinValue),
            DueAt: VietnamTime.ToUtc(new DateOnly(year + 1, due.Month!.Value, due.Day), due.Time),
            FrozenAt: null,
            LatePolicy: calendar.LatePolicy!));
    }

    private static ScheduleLookup Window(string frameworkId, FrameworkCalendar calendar, string period, string level)
    {
        if (!calendar.Windows.TryGetValue(period, out var window))
        {
            var known = string.Join(", ", calendar.Windows.Keys.Order(StringComparer.Ordinal));
            return ScheduleLookup.Invalid($"Kỳ báo cáo '{period}' không có trong lịch của khung '{frameworkId}'; các đợt đã khai báo: {known}.");
        }

        return ScheduleLookup.Found(new PeriodSchedule(
            frameworkId, period, level,
            DataFrom: window.DataFrom,
            DataTo: window.DataTo,
            OpensAt: VietnamTime.ToUtc(window.OpensAt ?? window.DataFrom.ToDateTime(TimeOnly.MinValue)),
            DueAt: VietnamTime.ToUtc(window.DueBefore),
            FrozenAt: null,
            LatePolicy: calendar.LatePolicy!));
    }

    private static ScheduleLookup NoDeadline(string frameworkId, string level) =>
        ScheduleLookup.Invalid($"Khung '{frameworkId}' không quy định hạn nộp cho cấp '{level}'.");

    private static bool Number(string digits, out int value)
    {
        value = 0;
        return digits.All(char.IsAsciiDigit) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>A schedule, or the Vietnamese reason there is none (unknown framework, bad period string, level without a deadline).</summary>
public sealed record ScheduleLookup(PeriodSchedule? Schedule, string? Error)
{
    /// <summary>The request field the <see cref="Error"/> concerns: <c>framework</c> when the framework has no calendar, else <c>period</c>.</summary>
    public string Field { get; init; } = "period";

    [MemberNotNullWhen(true, nameof(Schedule))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsFound => Schedule is not null;

    public static ScheduleLookup Found(PeriodSchedule schedule) => new(schedule, null);

    public static ScheduleLookup Invalid(string error, string field = "period") => new(null, error) { Field = field };
}
