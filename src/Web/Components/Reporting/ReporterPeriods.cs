using System.Globalization;
using Platform.ServiceDefaults.Time;
using Platform.Web.Api;

namespace Platform.Web.Components.Reporting;

/// <summary>Which framework a reporter's page opens on and which period, when none is asked for.</summary>
public static class ReporterPeriods
{
    /// <summary>Most reports are the monthly ones.</summary>
    public const string DefaultFramework = MonthlyFramework.Id;

    /// <summary>
    /// The framework asked for, else the default, else the first intake lists; what stands for the default while intake
    /// cannot be read (the page shows intake's problem).
    /// </summary>
    public static FrameworkChoice Choose(FrameworkChoices frameworks, string? asked) =>
        frameworks.Find(asked) ?? frameworks.Find(DefaultFramework) ?? (frameworks.All.Count > 0 ? frameworks.All[0] : null)
        ?? new FrameworkChoice(DefaultFramework, DefaultFramework, "month", "");

    /// <summary>Whether <paramref name="period"/> has the shape the framework's periods have (YYYY-MM, YYYY, a window name).</summary>
    public static bool Fits(FrameworkChoice framework, string? period) => period is { Length: > 0 } && framework.PeriodType switch
    {
        "month" => DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "year" => period.Length == 4 && period.All(char.IsAsciiDigit),
        _ => period.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'),
    };

    /// <summary>The month of <paramref name="now"/> in Vietnam, <paramref name="monthsBack"/> months earlier: <c>2026-01</c>.</summary>
    public static string Month(DateTimeOffset now, int monthsBack = 0)
    {
        var local = VietnamTime.ToVietnam(now);
        return new DateOnly(local.Year, local.Month, 1).AddMonths(-monthsBack).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    /// <summary>The period being reported now, without asking intake: last month, last year, or the framework's window.</summary>
    public static string Reported(FrameworkChoice framework, DateTimeOffset now) => framework.PeriodType switch
    {
        "month" => Month(now, 1),
        "year" => (VietnamTime.ToVietnam(now).Year - 1).ToString(CultureInfo.InvariantCulture),
        _ => framework.EffectiveFrom,
    };

    public static string MineUri(string framework, string period) =>
        $"/api/intake/assignments/mine?framework={Uri.EscapeDataString(framework)}&period={Uri.EscapeDataString(period)}";

    /// <summary>
    /// The period open now for the caller's unit. Monthly: last month while its deadline (the unit's own, from
    /// <c>mine</c>) is still ahead — data for January is reported in early February — else this month. Yearly: last
    /// year (reported the following spring). A window: the framework's first. Returns what <c>mine</c> answered for
    /// last month when it was asked, so the page need not ask again.
    /// </summary>
    public static async Task<(string Period, ApiResult<OwedInputs>? LastMonth)> CurrentAsync(
        PlatformApi api, FrameworkChoice framework, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        switch (framework.PeriodType)
        {
            case "month":
                var last = Month(now, 1);
                var owed = await api.GetAsync<OwedInputs>(MineUri(framework.Id, last), cancellationToken);
                var stillOpen = owed.Value?.Inputs.Any(i => i.DueAt > now) == true;
                return (stillOpen ? last : Month(now), owed);
            case "year":
                return ((VietnamTime.ToVietnam(now).Year - 1).ToString(CultureInfo.InvariantCulture), null);
            default:
                return (framework.EffectiveFrom, null);
        }
    }
}
