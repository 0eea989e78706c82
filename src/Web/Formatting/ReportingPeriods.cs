using System.Globalization;
using Platform.ServiceDefaults.Time;
using Platform.Web.Api;

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

    /// <summary>"Tháng 12/2025", "Năm 2024": a period as a choice or a heading starts with a capital.</summary>
    public static string Title(string period)
    {
        var name = Name(period);
        return name.Length > 0 ? char.ToUpper(name[0], Vn.Culture) + name[1..] : name;
    }

    /// <summary>The months of the monthly framework (scoring, bonus, publication), newest first.</summary>
    public static IReadOnlyList<string> Monthly(FrameworkChoices frameworks, DateTimeOffset now) =>
        Choices("month", frameworks.Find(MonthlyFramework.Id)?.EffectiveFrom ?? "", now);

    /// <summary>Every framework's periods (a filter across frameworks): months newest first, then years.</summary>
    public static IReadOnlyList<string> AllChoices(FrameworkChoices frameworks, DateTimeOffset now) =>
        [.. frameworks.All
            .SelectMany(f => Choices(f.PeriodType, f.EffectiveFrom, now)).Distinct(StringComparer.Ordinal)
            .OrderByDescending(p => p.Length == 7).ThenByDescending(p => p, StringComparer.Ordinal)];

    /// <summary>How far back the period pickers offer months: three years of monthly reports.</summary>
    public const int MonthsOffered = 36;

    /// <summary>
    /// The periods a person may pick for a framework of <paramref name="periodType"/> in force from
    /// <paramref name="effectiveFrom"/>, newest first: months up to this month (at most <see cref="MonthsOffered"/>),
    /// years up to this year, or the collection window itself.
    /// </summary>
    public static IReadOnlyList<string> Choices(string periodType, string effectiveFrom, DateTimeOffset now)
    {
        var local = VietnamTime.ToVietnam(now);
        switch (periodType)
        {
            case "month":
                var first = IsMonth(effectiveFrom)
                    ? DateOnly.ParseExact(effectiveFrom + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : new DateOnly(local.Year, local.Month, 1).AddMonths(-MonthsOffered + 1);
                var months = new List<string>();
                for (var month = new DateOnly(local.Year, local.Month, 1); month >= first && months.Count < MonthsOffered; month = month.AddMonths(-1))
                    months.Add(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
                return months;
            case "year":
                var from = int.TryParse(effectiveFrom.AsSpan(0, Math.Min(4, effectiveFrom.Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : local.Year;
                return [.. Enumerable.Range(from, Math.Max(1, local.Year - from + 1)).Reverse().Select(year => year.ToString(CultureInfo.InvariantCulture))];
            default:
                return [effectiveFrom];
        }
    }

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
