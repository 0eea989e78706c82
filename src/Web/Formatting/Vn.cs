using System.Globalization;
using Platform.ServiceDefaults.Time;

namespace Platform.Web.Formatting;

/// <summary>How people read numbers, dates and times here: vi-VN (1.234,5), dd/MM/yyyy, Vietnam time (UTC+7).</summary>
public static class Vn
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>1.234,5 — at most <paramref name="decimals"/> decimals, trailing zeros dropped.</summary>
    public static string Number(decimal? value, int decimals = 2) =>
        value is { } v ? v.ToString("#,##0." + new string('#', decimals), Culture) : "—";

    /// <summary>Always <paramref name="decimals"/> decimals: 71,00.</summary>
    public static string Fixed(decimal? value, int decimals = 2) =>
        value is { } v ? v.ToString("N" + decimals, Culture) : "—";

    public static string Date(DateTimeOffset? instant) => instant is { } i ? VietnamTime.FormatDate(i) : "—";

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    /// <summary>"09:00 ngày 19/06/2026" in Vietnam time.</summary>
    public static string Moment(DateTimeOffset? instant) => instant is { } i ? VietnamTime.FormatMoment(i) : "—";

    /// <summary>"HH:mm dd/MM/yyyy" in Vietnam time, for tables.</summary>
    public static string DateTime(DateTimeOffset? instant) =>
        instant is { } i ? $"{VietnamTime.FormatTime(i)} {VietnamTime.FormatDate(i)}" : "—";

    /// <summary>"tháng 06/2026" from a period "2026-06"; other periods as given.</summary>
    public static string Period(string period) =>
        period.Length == 7 && period[4] == '-' ? $"tháng {period[5..]}/{period[..4]}" : period;

    /// <summary>"còn 2 ngày 3 giờ", "còn 45 phút", "quá hạn 1 ngày 2 giờ" from now to a deadline.</summary>
    public static string Countdown(DateTimeOffset deadline, DateTimeOffset now)
    {
        var left = deadline - now;
        var span = left.Duration();
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays} ngày {span.Hours} giờ"
            : span.TotalHours >= 1 ? $"{(int)span.TotalHours} giờ {span.Minutes} phút"
            : $"{Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))} phút";
        return left >= TimeSpan.Zero ? $"còn {text}" : $"quá hạn {text}";
    }
}
