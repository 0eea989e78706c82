using System.Globalization;
using Platform.Reporting.Shared;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Documents;

/// <summary>How a cell's value reads in each format: vi-VN text for people (PDF), invariant text for machines (CSV).</summary>
internal static class CellText
{
    /// <summary>vi-VN: 1.234 / 1.234,50 / +1,25 / 87,5 % / 15/12/2026 10:00 (Vietnam time).</summary>
    public static string ForPeople(object? value, CellKind kind) => value switch
    {
        null => "",
        string text => text,
        DateTimeOffset instant => ReportText.Moment(instant),
        _ => kind switch
        {
            CellKind.Count => ReportText.Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture), 0),
            CellKind.Decimal2 => ReportText.Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
            CellKind.Change2 => ReportText.Change(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
            CellKind.Percent1 => ReportText.Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture) * 100, 1) + " %",
            _ => Convert.ToString(value, ReportText.Vietnamese) ?? "",
        },
    };

    /// <summary>Invariant: 1234.5, -0.5, 0.875 (percentages as fractions), 2026-12-15 10:00 (Vietnam time).</summary>
    public static string ForMachines(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTimeOffset instant => VietnamTime.ToVietnam(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Whether the value is written as an Excel number (right-aligned in the PDF).</summary>
    public static bool IsNumber(CellKind kind) => kind is not CellKind.Text and not CellKind.DateTime;
}
