using System.Globalization;
using Platform.Web.Api;
using Platform.Web.Formatting;

namespace Platform.Web.Components.Frameworks;

/// <summary>A framework's facts as people read them: periods "01/2026", decisions "Quyết định số … ngày 30/12/2025", kinds in words.</summary>
public static class FrameworkText
{
    /// <summary>"2026-01" → "01/2026"; a year or a window's name stays as written.</summary>
    public static string Period(string? period) => period switch
    {
        null or "" => "—",
        _ when ReportingPeriods.IsMonth(period) => $"{period[5..]}/{period[..4]}",
        _ => period,
    };

    /// <summary>"Quyết định số 4585/QĐ-BKHCN ngày 30/12/2025" (a month-only date: "tháng 06/2026").</summary>
    public static string LegalBasis(LegalBasis? basis)
    {
        if (basis is null) return "—";
        if (DateOnly.TryParseExact(basis.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return $"{basis.Document} ngày {Vn.Date(date)}";
        return ReportingPeriods.IsMonth(basis.Date) ? $"{basis.Document}, tháng {Period(basis.Date)}" : $"{basis.Document} ({basis.Date})";
    }

    /// <summary>The first day of the period a version takes effect from: "01/07/2026" (a year: "01/01/2026").</summary>
    public static string? FirstDay(string period) =>
        ReportingPeriods.IsMonth(period) ? $"01/{period[5..]}/{period[..4]}"
        : period.Length == 4 && period.All(char.IsAsciiDigit) ? $"01/01/{period}" : null;

    /// <summary>"tháng 07/2026 (từ ngày 01/07/2026)", "năm 2026 (từ ngày 01/01/2026)".</summary>
    public static string TakesEffect(string period) => FirstDay(period) is { } day
        ? $"{ReportingPeriods.Name(period)} (từ ngày {day})"
        : period;

    public static string PeriodType(string type) => type switch
    {
        "month" => "Hằng tháng",
        "year" => "Hằng năm",
        "window" => "Theo đợt",
        _ => type,
    };

    public static string InputType(string type) => type switch
    {
        "count" => "Số đếm",
        "amount" => "Số lượng",
        "fraction" => "Tỷ lệ (0–1)",
        "score" => "Điểm",
        "boolean" => "Có/Không",
        "choice" => "Lựa chọn",
        _ => type,
    };

    /// <summary>Who recorded a version: shipped with the platform, or uploaded by someone at a time.</summary>
    public static string Source(FrameworkVersionSummary version) => version.Source switch
    {
        "uploaded" => $"Tải lên{(version.RecordedBy is { Length: > 0 } by ? $" bởi {by}" : "")}{(version.RecordedAt is { } at ? $" lúc {Vn.DateTime(at)}" : "")}",
        "shipped" => "Có sẵn trong nền tảng",
        _ => "—",
    };

    public static string Change(string kind) => kind switch
    {
        "added" => "Thêm",
        "removed" => "Bỏ",
        "changed" => "Sửa",
        _ => kind,
    };

    /// <summary>What a change is about, as a heading.</summary>
    public static string Subject(string subject) => subject switch
    {
        "framework" => "Khung",
        "class" => "Xếp loại",
        "group" => "Nhóm chỉ tiêu",
        "indicator" => "Chỉ tiêu",
        "input" => "Số liệu đầu vào",
        "check" => "Ràng buộc giữa các số liệu",
        "interpretation" => "Cách hiểu",
        _ => subject,
    };

    public static readonly IReadOnlyList<string> Subjects = ["framework", "class", "group", "indicator", "input", "check", "interpretation"];

    /// <summary>Where a problem is in the file, for people: "$.effectiveFrom" as written, "definition" in words.</summary>
    public static string Where(string key) => key switch
    {
        "definition" => "Công thức, nhóm và điểm (kiểm tra toàn bộ định nghĩa)",
        "$" => "Toàn bộ tệp",
        _ => key,
    };
}
