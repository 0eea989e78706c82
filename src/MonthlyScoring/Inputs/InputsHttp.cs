using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Scoring.Engine;

namespace Platform.MonthlyScoring.Inputs;

/// <summary>Problem answers (RFC 7807, Vietnamese) shared by this service's handlers.</summary>
internal static class InputsHttp
{
    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    public static ProblemHttpResult NoUnit() => Problem(StatusCodes.Status403Forbidden, "Không có quyền thực hiện",
        "Tài khoản chưa được gán đơn vị (org_unit) hoặc được gán nhiều đơn vị; không xác định được phạm vi dữ liệu.");

    public static ValidationProblem Invalid(string key, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [message] },
            "Một số giá trị không hợp lệ; xem chi tiết trong 'errors'.", title: "Dữ liệu không hợp lệ");

    /// <summary>True for a month <c>YYYY-MM</c> (2000–2100).</summary>
    public static bool IsMonth(string? period) => period is not null && Period.TryParse(period, out var p) && p.Month > 0;

    public const string BadPeriod = "Kỳ báo cáo phải là một tháng theo dạng YYYY-MM, ví dụ 2026-01.";
}
