using System.Globalization;

namespace Platform.Scoring.Engine;

/// <summary>Periods are <c>YYYY-MM</c> (months) or <c>YYYY</c> (years); comparison is by their first month.</summary>
public static class Period
{
    public static bool TryParse(string text, out (int Year, int Month) period)
    {
        period = default;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            period = (y, 0);
            return y is >= 2000 and <= 2100;
        }
        if (text.Length == 7 && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12 && year is >= 2000 and <= 2100)
        {
            period = (year, month);
            return true;
        }
        return false;
    }

    public static bool IsMonth(string text) => TryParse(text, out var p) && p.Month > 0;

    public static int Compare((int Year, int Month) a, string b)
    {
        _ = TryParse(b, out var pb);
        return (a.Year * 13 + a.Month).CompareTo(pb.Year * 13 + pb.Month);
    }

    /// <summary>Whether <paramref name="period"/> lies within [from, to] (a year compares with all its months).</summary>
    public static bool Within(string period, string from, string? to)
    {
        if (!TryParse(period, out var p) || !TryParse(from, out var f)) return false;
        var start = p.Month == 0 ? (p.Year, 12) : p;
        var end = p.Month == 0 ? (p.Year, 1) : p;
        var fromKey = f.Month == 0 ? (f.Year, 1) : f;
        if (Key(start) < Key(fromKey)) return false;
        if (to is null) return true;
        _ = TryParse(to, out var t);
        var toKey = t.Month == 0 ? (t.Year, 12) : t;
        return Key(end) <= Key(toKey);
    }

    private static int Key((int Year, int Month) p) => p.Year * 12 + p.Month;
}
