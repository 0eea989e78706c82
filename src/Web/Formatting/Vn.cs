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

    /// <summary>"dd/MM/yyyy HH:mm" in Vietnam time, for the moment a notification was made.</summary>
    public static string Stamp(DateTimeOffset? instant) =>
        instant is { } i ? $"{VietnamTime.FormatDate(i)} {VietnamTime.FormatTime(i)}" : "—";

    /// <summary>"tháng 06/2026" from a period "2026-06"; other periods as given.</summary>
    public static string Period(string period) =>
        period.Length == 7 && period[4] == '-' ? $"tháng {period[5..]}/{period[..4]}" : period;

    /// <summary>
    /// A number as people type it here: vi-VN <c>1.234,5</c>, <c>0,85</c>, <c>1 234,5</c>; a lone dot that does not group
    /// thousands is read as a decimal point (<c>0.85</c>, <c>1.5</c>), while <c>1.234</c> is one thousand two hundred and
    /// thirty-four, as in vi-VN. With <paramref name="percentAllowed"/>, <c>85%</c> or <c>85 %</c> is 0,85.
    /// </summary>
    public static bool TryParseNumber(string? text, bool percentAllowed, out decimal value)
    {
        value = 0;
        var t = new string((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace('−', '-');
        var percent = t.EndsWith('%');
        if (percent)
        {
            if (!percentAllowed) return false;
            t = t[..^1];
        }
        var negative = t.StartsWith('-');
        if (negative || t.StartsWith('+')) t = t[1..];
        if (t.Length == 0 || t.Any(c => !(char.IsAsciiDigit(c) || c is '.' or ','))) return false;

        string whole, fraction;
        var comma = t.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            if (t.IndexOf(',', comma + 1) >= 0) return false;
            (whole, fraction) = (t[..comma], t[(comma + 1)..]);
            if (fraction.Contains('.', StringComparison.Ordinal) || fraction.Length == 0 || (whole.Contains('.', StringComparison.Ordinal) && !GroupsThousands(whole))) return false;
        }
        else if (t.Contains('.', StringComparison.Ordinal) && !GroupsThousands(t))
        {
            var dot = t.IndexOf('.', StringComparison.Ordinal);
            if (t.IndexOf('.', dot + 1) >= 0) return false;
            (whole, fraction) = (t[..dot], t[(dot + 1)..]);
            if (fraction.Length == 0) return false;
        }
        else (whole, fraction) = (t, "");
        whole = whole.Replace(".", "", StringComparison.Ordinal);
        if (whole.Length == 0) whole = "0";
        if (!decimal.TryParse(fraction.Length == 0 ? whole : $"{whole}.{fraction}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            return false;
        if (percent) value /= 100;
        if (negative) value = -value;
        return true;
    }

    /// <summary><c>1.234</c>, <c>12.345.678</c>: dots between groups of three digits, not starting with 0.</summary>
    private static bool GroupsThousands(string text)
    {
        var groups = text.Split('.');
        return groups.Length > 1 && groups[0].Length is >= 1 and <= 3 && groups[0][0] != '0'
               && groups.Skip(1).All(g => g.Length == 3);
    }

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
