using System.Globalization;
using System.Text.RegularExpressions;
using Platform.ServiceDefaults.Time;

namespace Platform.Notifications.Delivery;

/// <summary>How notices write periods and moments for people: "tháng 11/2026", "năm 2025", "09:00 05/12/2026" (Vietnam time).</summary>
public static partial class Wording
{
    /// <summary><c>2026-11</c> → "tháng 11/2026"; <c>2025</c> → "năm 2025"; anything else (a round's id) as it is, after "kỳ".</summary>
    public static string Period(string period)
    {
        if (MonthPeriod().Match(period) is { Success: true } m) return $"tháng {m.Groups[2].Value}/{m.Groups[1].Value}";
        if (YearPeriod().IsMatch(period)) return $"năm {period}";
        return $"kỳ {period}";
    }

    /// <summary><c>dd/MM/yyyy HH:mm</c> in Vietnam time.</summary>
    public static string Moment(DateTimeOffset instant) =>
        VietnamTime.ToVietnam(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A number as Vietnamese write it (1.234,5).</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.GetCultureInfo("vi-VN"));

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex MonthPeriod();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPeriod();
}
