using Platform.Scoring;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Scoring.Engine;

namespace Platform.MonthlyScoring.Runs;

/// <summary>Problem answers and request checks shared by the run and publication endpoints (Vietnamese, RFC 7807).</summary>
internal static class RunHttp
{
    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    public static ProblemHttpResult NotFound(string detail = "Không tìm thấy lượt chấm điểm.") =>
        Problem(StatusCodes.Status404NotFound, "Không tìm thấy", detail);

    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Xung đột dữ liệu", detail);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, "Một số giá trị không hợp lệ; xem chi tiết trong 'errors'.", title: "Dữ liệu không hợp lệ");

    /// <summary>The engine refused the stored values (e.g. onTime + late > due + backlog): say which, per unit and key.</summary>
    public static ProblemHttpResult Unscorable(ScoringInputException ex) => Problem(StatusCodes.Status422UnprocessableEntity,
        "Không chấm được điểm", "Dữ liệu đã duyệt không hợp lệ: " + string.Join("; ", ex.Problems.Select(p => p.ToString())));

    /// <summary>Checks period (a month the framework is in force for) and peer group; errors keyed by field.</summary>
    public static Dictionary<string, string[]> Check(FrameworkCatalog frameworks, string? period, string? peerGroup, out CompiledFramework? framework)
    {
        var errors = new Dictionary<string, string[]>();
        framework = string.IsNullOrWhiteSpace(period) ? null : RunScoring.Framework(frameworks, period);
        if (framework is null)
            errors["period"] = [$"Kỳ \"{period}\" không hợp lệ: cần một tháng dạng YYYY-MM mà khung {RunScoring.FrameworkId} có hiệu lực."];
        if (peerGroup is null || !RunScoring.PeerGroups.Contains(peerGroup))
            errors["peerGroup"] = [$"Nhóm so sánh \"{peerGroup}\" không hợp lệ: chỉ nhận provinces (tỉnh, thành phố) hoặc ministries (bộ, ngành)."];
        return errors;
    }

    /// <summary>"2026-01" → "01/2026", how people read a month.</summary>
    public static string Month(string period) =>
        DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("MM/yyyy", CultureInfo.InvariantCulture) : period;
}
