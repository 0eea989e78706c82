using Platform.Scoring.Engine;

namespace Platform.MonthlyScoring.Inputs;

/// <summary>The month check shared by this service's handlers.</summary>
internal static class InputsHttp
{
    /// <summary>True for a month <c>YYYY-MM</c> (2000–2100).</summary>
    public static bool IsMonth(string? period) => period is not null && Period.TryParse(period, out var p) && p.Month > 0;

    public const string BadPeriod = "Kỳ báo cáo phải là một tháng theo dạng YYYY-MM, ví dụ 2026-01.";
}
