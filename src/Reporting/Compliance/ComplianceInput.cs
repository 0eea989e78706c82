using System.Text.RegularExpressions;

namespace Platform.Reporting.Compliance;

/// <summary>Checks of the compliance query strings; each adds its problem in Vietnamese under the field's name, so all come back at once.</summary>
public static partial class ComplianceInput
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>A month <c>YYYY-MM</c> or a year <c>YYYY</c>.</summary>
    public static bool IsPeriod(string? value) => value is not null && PeriodPattern().IsMatch(value);

    public static void Period(Dictionary<string, string[]> errors, string field, string? value, bool required)
    {
        if (value is null && !required) return;
        if (!IsPeriod(value))
            errors[field] = [$"Kỳ báo cáo \"{value}\" không đúng định dạng: dùng YYYY-MM (tháng, ví dụ 2026-11) hoặc YYYY (năm)."];
    }

    public static void Status(Dictionary<string, string[]> errors, string? value)
    {
        if (value is not null && !ComplianceStatuses.Filters.Contains(value))
            errors["status"] = [$"Tình trạng \"{value}\" không tồn tại; dùng một trong: {string.Join(", ", ComplianceStatuses.Filters)}."];
    }

    public static void Level(Dictionary<string, string[]> errors, string? value)
    {
        if (value is not null && value is not ("agency-to-province" or "to-national"))
            errors["level"] = [$"Cấp báo cáo \"{value}\" không tồn tại; dùng agency-to-province (cơ quan báo cáo tỉnh) hoặc to-national (báo cáo về Trung ương)."];
    }

    public static int Page(Dictionary<string, string[]> errors, string? value)
    {
        if (value is null) return 1;
        if (int.TryParse(value, out var page) && page >= 1) return page;
        errors["page"] = [$"Số trang \"{value}\" không hợp lệ: phải là số nguyên từ 1 trở lên."];
        return 1;
    }

    public static int PageSize(Dictionary<string, string[]> errors, string? value)
    {
        if (value is null) return DefaultPageSize;
        if (int.TryParse(value, out var size) && size is >= 1 and <= MaxPageSize) return size;
        errors["pageSize"] = [$"Số dòng mỗi trang \"{value}\" không hợp lệ: phải là số nguyên từ 1 đến {MaxPageSize}."];
        return DefaultPageSize;
    }

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2]))?$")]
    private static partial Regex PeriodPattern();
}
