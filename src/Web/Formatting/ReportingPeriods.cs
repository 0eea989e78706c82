using System.Globalization;
using Platform.ServiceDefaults.Time;

namespace Platform.Web.Formatting;

/// <summary>Reporting periods as the services write them: a month <c>2026-01</c> or a year <c>2025</c>.</summary>
public static class ReportingPeriods
{
    /// <summary>The period before: 2026-01 → 2025-12, 2025 → 2024; null for anything else (collection windows).</summary>
    public static string? Previous(string period)
    {
        if (period.Length == 7 && DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return month.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (period.Length == 4 && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year > 1)
            return (year - 1).ToString(CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>"tháng 12/2025", "năm 2024" or the period as written.</summary>
    public static string Name(string period) => period.Length == 4 ? $"năm {period}" : Vn.Period(period);

    /// <summary>The month that ended last in Vietnam: the one being reported, scored and published now.</summary>
    public static string LastMonth(DateTimeOffset now)
    {
        var local = VietnamTime.ToVietnam(now);
        return new DateOnly(local.Year, local.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the text is a month <c>YYYY-MM</c>.</summary>
    public static bool IsMonth(string? text) =>
        text is { Length: 7 } && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
