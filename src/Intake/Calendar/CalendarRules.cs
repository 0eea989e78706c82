namespace Platform.Intake.Calendar;

/// <summary>
/// The reporting calendar of every framework, bound from <c>Intake:Calendar</c>. The defaults are the dates
/// the source documents give (seeds 000–003); a tenant (one province's deployment) overrides any of them under
/// <c>Intake:Calendar:Tenants:{tenant}:{framework}</c>, field by field.
/// </summary>
public sealed class CalendarRules
{
    public const string SectionName = "Intake:Calendar";

    public Dictionary<string, FrameworkCalendar> Frameworks { get; init; } = SeedDefaults.Frameworks();

    /// <summary>Per-tenant overrides: tenant → framework id → the fields that differ from <see cref="Frameworks"/>.</summary>
    public Dictionary<string, Dictionary<string, FrameworkCalendar>> Tenants { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The framework's calendar as the tenant sees it, or null when the framework has none.</summary>
    public FrameworkCalendar? For(string frameworkId, string? tenant = null)
    {
        Frameworks.TryGetValue(frameworkId, out var shared);
        FrameworkCalendar? own = null;
        if (tenant is not null && Tenants.TryGetValue(tenant, out var overrides)) overrides.TryGetValue(frameworkId, out own);
        return (shared, own) switch
        {
            (null, null) => null,
            (_, null) => shared,
            (null, _) => own,
            _ => shared!.OverriddenBy(own),
        };
    }
}

/// <summary>Reporting levels: who reports to whom.</summary>
public static class ReportingLevels
{
    /// <summary>A department or commune to the provincial lead agency (Sở KHCN), inside a province.</summary>
    public const string AgencyToProvince = "agency-to-province";

    /// <summary>A province or ministry to the national level (Văn phòng Chính phủ, Bộ KHCN).</summary>
    public const string ToNational = "to-national";

    public static IReadOnlyList<string> All { get; } = [AgencyToProvince, ToNational];

    /// <summary>
    /// The level a report is due at: a unit reporting on itself under an assignment (a ministry, or a province's own
    /// report) reports to the national level; everyone else — an agency reporting for its province, a unit reporting on
    /// itself without an assignment (province-internal self-assessment) — to the province.
    /// </summary>
    public static string Of(string reportingUnit, string targetUnit, bool assigned) =>
        assigned && reportingUnit == targetUnit ? ToNational : AgencyToProvince;
}

/// <summary>One framework's calendar. Every field is nullable so that a tenant override states only what differs.</summary>
public sealed class FrameworkCalendar
{
    /// <summary><c>month</c>, <c>year</c> or <c>window</c>, as in the framework definition.</summary>
    public string? PeriodType { get; set; }

    /// <summary><c>refuse</c> or <c>accept-and-mark-late</c>: what happens to a submission after the deadline.</summary>
    public string? LatePolicy { get; set; }

    /// <summary>Monthly frameworks: automatically extracted data is frozen at 00:00 (Vietnam) on this day of the next month.</summary>
    public int? FreezeDayOfNextMonth { get; set; }

    /// <summary>Month and year frameworks: level → the first moment that is too late.</summary>
    public Dictionary<string, DueRule> DueBefore { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Window frameworks: window id (the period string) → its dates; one deadline for every level.</summary>
    public Dictionary<string, WindowRule> Windows { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public FrameworkCalendar OverriddenBy(FrameworkCalendar own) => new()
    {
        PeriodType = own.PeriodType ?? PeriodType,
        LatePolicy = own.LatePolicy ?? LatePolicy,
        FreezeDayOfNextMonth = own.FreezeDayOfNextMonth ?? FreezeDayOfNextMonth,
        DueBefore = Merge(DueBefore, own.DueBefore),
        Windows = Merge(Windows, own.Windows),
    };

    private static Dictionary<string, T> Merge<T>(Dictionary<string, T> shared, Dictionary<string, T> own)
    {
        var merged = new Dictionary<string, T>(shared, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in own) merged[key] = value;
        return merged;
    }
}

/// <summary>
/// "Before day <see cref="Day"/>" of the month after a monthly period, or "before <see cref="Day"/>/<see cref="Month"/>"
/// of the year after a yearly period, at <see cref="Time"/> Vietnam time. The deadline is exclusive:
/// "trước ngày 05" is due at 00:00 on the 5th, so 23:59:59 on the 4th is still on time.
/// </summary>
public sealed class DueRule
{
    /// <summary>Yearly periods only: the month of the following year.</summary>
    public int? Month { get; set; }

    public int Day { get; set; }

    public TimeOnly Time { get; set; }
}

/// <summary>A dated collection window (rubric frameworks): the data it covers and its hard deadline.</summary>
public sealed class WindowRule
{
    public DateOnly DataFrom { get; set; }

    public DateOnly DataTo { get; set; }

    /// <summary>Vietnam wall-clock time from which submissions are accepted; default 00:00 on <see cref="DataFrom"/>.</summary>
    public DateTime? OpensAt { get; set; }

    /// <summary>Vietnam wall-clock time that is too late ("trước 09 giờ, ngày 19/6/2026" → 2026-06-19T09:00).</summary>
    public DateTime DueBefore { get; set; }
}
