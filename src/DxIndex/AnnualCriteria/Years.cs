using System.Globalization;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>A reported year as requests carry it (<c>2025</c>).</summary>
internal static class Years
{
    public const string BadYear = "Năm báo cáo phải là một năm dạng YYYY từ 2000 đến 2100, ví dụ 2025.";

    public static bool TryParse(string? text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && text!.Length == 4 && year is >= 2000 and <= 2100;
}
