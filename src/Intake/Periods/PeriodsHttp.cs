using Platform.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Intake.Calendar;
using Platform.ServiceDefaults.Problems;

namespace Platform.Intake.Periods;

internal static class PeriodsHttp
{
    /// <summary>
    /// The period at the first level that has a deadline: a reopening concerns the unit, not a level, so the
    /// period only has to exist in the framework's calendar.
    /// </summary>
    public static ScheduleLookup FindAnyLevel(ReportingCalendar calendar, string framework, string period, string tenant)
    {
        var lookups = ReportingLevels.All.Select(level => calendar.Find(framework, period, level, tenant)).ToList();
        return lookups.FirstOrDefault(l => l.IsFound) ?? lookups[0];
    }

    public static ProblemHttpResult UnitNotFound(string unit, string callerUnit) =>
        ApiProblems.NotFound($"Không tìm thấy đơn vị '{unit}' trong phạm vi đơn vị của bạn ({callerUnit}).");

    /// <summary>The kebab-case name of a status, as the API writes it.</summary>
    public static string StatusName(PeriodStatus status) => status switch
    {
        PeriodStatus.NotOpen => "not-open",
        PeriodStatus.Open => "open",
        PeriodStatus.Late => "late",
        _ => "locked",
    };

    /// <summary>"dd/MM/yyyy HH:mm" in Vietnam time, the way the screens show an instant.</summary>
    public static string Display(DateTimeOffset instant) => $"{VietnamTime.FormatDate(instant)} {VietnamTime.FormatTime(instant)}";
}
