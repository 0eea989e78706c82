namespace Platform.EndToEnd.Tests;

/// <summary>
/// The test classes of this assembly share one platform — one clock, one set of databases — and run one after the
/// other (AssemblyInfo.cs). Each works in its own month of monthly-4585 and, when it starts, sets the platform's clock
/// to 10:00 (Vietnam time) on the 2nd of the following month, when that month is open for agencies (until the 3rd)
/// and provinces (before the 5th). The months lie three apart: intake's closer only announces deadlines passed within
/// its lookback (62 days), so no class's clock, nor the clock one moves past its own deadline, ever closes another
/// class's month, whatever order the classes run in.
/// </summary>
internal static class TestMonths
{
    /// <summary>Tracing/ApprovalTraceTests.</summary>
    public const string Trace = "2026-01";

    /// <summary>CrossProvince/ProvincesBehindGateway.</summary>
    public const string CrossProvince = "2026-04";

    /// <summary>MonthlyScoresEndToEndTests (it moves the clock past the national deadline).</summary>
    public const string MonthlyScores = "2026-07";

    /// <summary>FrameworkVersionsEndToEndTests: the uploaded version is in force from this month on (after every other class's month).</summary>
    public const string FrameworkVersion = "2026-10";

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>10:00 on the 2nd of the month after <paramref name="period"/>, Vietnam time.</summary>
    public static DateTimeOffset Open(string period) =>
        new DateTimeOffset(int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(period[5..], System.Globalization.CultureInfo.InvariantCulture), 2, 10, 0, 0, Vietnam).AddMonths(1);

    /// <summary>08:00 on the 5th of the month after <paramref name="period"/>, Vietnam time: past the national deadline (before the 5th).</summary>
    public static DateTimeOffset PastNationalDeadline(string period) => Open(period).AddDays(3).AddHours(-2);
}
