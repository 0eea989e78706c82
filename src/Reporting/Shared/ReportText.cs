using System.Globalization;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Shared;

/// <summary>The words and number forms every report, page and export of this service uses (vi-VN, Vietnam time).</summary>
public static class ReportText
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Sorts Vietnamese names as people expect (Đ after D, diacritics after the plain letter).</summary>
    public static readonly StringComparer NameOrder = StringComparer.Create(Vietnamese, ignoreCase: false);

    /// <summary><c>2026-11</c> → "Tháng 11/2026"; <c>2026</c> → "Năm 2026"; anything else (NQ57 rounds) as is.</summary>
    public static string PeriodName(string period) =>
        period.Length == 7 && period[4] == '-' ? $"Tháng {period[5..]}/{period[..4]}"
        : period.Length == 4 && period.All(char.IsAsciiDigit) ? $"Năm {period}"
        : period;

    /// <summary>The month before <c>YYYY-MM</c>; null for any other form.</summary>
    public static string? PreviousMonth(string period) =>
        DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : null;

    public static string PeerGroupName(string peerGroup) => peerGroup switch
    {
        "provinces" => "Tỉnh, thành phố trực thuộc Trung ương",
        "ministries" => "Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
        _ => peerGroup,
    };

    /// <summary>Seed 001 / QĐ 4585: A (Xuất sắc) 85–100, B (Tốt) 70–&lt;85, C (Khá) 50–&lt;70, D &lt;50.</summary>
    public static string ClassificationName(string? classification) => classification switch
    {
        "A" => "Loại A (Xuất sắc)",
        "B" => "Loại B (Tốt)",
        "C" => "Loại C (Khá)",
        "D" => "Loại D",
        _ => "Chưa báo cáo",
    };

    public static string LevelName(string level) => level switch
    {
        "agency-to-province" => "Cơ quan, đơn vị báo cáo tỉnh",
        "to-national" => "Báo cáo về Trung ương",
        _ => level,
    };

    /// <summary>dd/MM/yyyy HH:mm in Vietnam time.</summary>
    public static string Moment(DateTimeOffset instant) =>
        VietnamTime.ToVietnam(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>dd/MM/yyyy in Vietnam time.</summary>
    public static string Date(DateTimeOffset instant) =>
        VietnamTime.ToVietnam(instant).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>vi-VN number with a fixed number of decimals: 1.234,50.</summary>
    public static string Number(decimal value, int decimals = 2) => value.ToString("N" + decimals, Vietnamese);

    /// <summary>A signed change (+1,25 / −0,50 / 0,00).</summary>
    public static string Change(decimal value, int decimals = 2) =>
        value > 0 ? "+" + Number(value, decimals) : value < 0 ? "−" + Number(-value, decimals) : Number(0, decimals);
}
