namespace Platform.DxIndex.AnnualCriteria;

/// <summary>
/// How a criterion moved from the year before to this year, judged by its direction: a higher value is an improvement
/// for a higher-is-better criterion and a worsening for a lower-is-better one; equal values are unchanged; a year
/// without a value on either side gives no trend ("chưa có số liệu"), never a guess.
/// </summary>
public static class Trend
{
    public const string Improved = "improved", Worsened = "worsened", Unchanged = "unchanged", NoData = "no-data";

    public static string Of(decimal? previous, decimal? current, bool higherIsBetter)
    {
        if (previous is not { } before || current is not { } now) return NoData;
        if (now == before) return Unchanged;
        return (now > before) == higherIsBetter ? Improved : Worsened;
    }

    public static string Text(string trend) => trend switch
    {
        Improved => "Cải thiện",
        Worsened => "Kém đi",
        Unchanged => "Không đổi",
        _ => "Chưa có số liệu",
    };

    /// <summary>The arrow beside the words: ▲ improved, ▼ worsened, ▬ unchanged, nothing without data.</summary>
    public static string Arrow(string trend) => trend switch
    {
        Improved => "▲",
        Worsened => "▼",
        Unchanged => "▬",
        _ => "",
    };
}
