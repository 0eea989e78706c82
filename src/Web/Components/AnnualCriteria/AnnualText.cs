using Platform.Web.Formatting;

namespace Platform.Web.Components.AnnualCriteria;

/// <summary>How the QĐ 2244 pages write values, years and addresses.</summary>
public static class AnnualText
{
    public const string NoData = "chưa có số liệu";
    public const string NoDataHelp = "Tiêu chí chưa được báo cáo hoặc chưa được duyệt cho năm này (không phải số 0).";
    public const string DemoBanner = "Dữ liệu minh họa — số liệu dựng sẵn để xem thử, không phải số liệu báo cáo của tỉnh.";

    /// <summary>A value as people read it: a rate 0,4523 → "45,23 %", a count 1234567 → "1.234.567", an amount 1234,5 → "1.234,5".</summary>
    public static string Value(decimal? value, string inputType) => value is not { } v ? NoData : inputType switch
    {
        "fraction" => Vn.Number(v * 100, 2) + " %",
        "count" => Vn.Number(v, 0),
        _ => Vn.Number(v, 4),
    };

    /// <summary>The unit beside a value (a rate is shown as a percentage, so its unit "tỷ lệ" is not repeated).</summary>
    public static string? Unit(string? unit, string inputType) => inputType == "fraction" ? null : unit;

    public static string ProvinceHref(string unit, int year) => $"/tieu-chi-2244/{Uri.EscapeDataString(unit)}/{year}";

    public static string CriterionHref(string code) => $"/tieu-chi-2244/tieu-chi/{Uri.EscapeDataString(code)}";

    public static string ExportHref(string unit, int year) => $"/api/dx-index/annual-criteria/provinces/{Uri.EscapeDataString(unit)}/{year}/export";

    public static string EntryHref(string unit, int year) => $"/nhap-lieu/qd2244-annual/{year}/{Uri.EscapeDataString(unit)}";

    public static string TrendClass(string trend) => "trend trend-" + trend;

    /// <summary>The year being reported now: the year before the current one (year N is reported in April of N+1).</summary>
    public static int ReportingYear(DateTimeOffset now) => VietnamTimeYear(now) - 1;

    private static int VietnamTimeYear(DateTimeOffset now) => now.ToOffset(TimeSpan.FromHours(7)).Year;
}
