using System.Globalization;
using Platform.Scoring.Engine;

namespace Platform.MonthlyScoring.Http;

/// <summary>A month as requests carry it (<c>YYYY-MM</c>) and as people read it (<c>01/2026</c>).</summary>
internal static class Months
{
    public const string BadPeriod = "Kỳ báo cáo phải là một tháng theo dạng YYYY-MM, ví dụ 2026-01.";

    /// <summary>True for a month <c>YYYY-MM</c> (2000–2100).</summary>
    public static bool IsMonth(string? period) => period is not null && Period.TryParse(period, out var p) && p.Month > 0;

    /// <summary>"2026-01" → "01/2026", how people read a month.</summary>
    public static string Display(string period) =>
        DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("MM/yyyy", CultureInfo.InvariantCulture) : period;
}
