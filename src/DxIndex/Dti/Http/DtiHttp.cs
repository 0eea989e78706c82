using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;
using Platform.DxIndex.Dti.Runs;

namespace Platform.DxIndex.Dti.Http;

/// <summary>Request checks and problem answers of the DTI endpoints (Vietnamese, RFC 7807, every problem at once).</summary>
internal static class DtiHttp
{
    public const string Provisional = "provisional";
    public const string Official = "official";

    /// <summary>Checks the year (a <c>YYYY</c> the framework is in force for) and, when asked, the kind; errors keyed by field.</summary>
    public static Dictionary<string, string[]> Check(FrameworkCatalog frameworks, string? year, out CompiledFramework? framework,
        string? kind = null, bool checkKind = false)
    {
        var errors = new Dictionary<string, string[]>();
        framework = DtiScoring.Framework(frameworks, year);
        if (framework is null)
        {
            errors["year"] = [year is { Length: 4 } && Period.TryParse(year, out _)
                ? $"Năm {year} chưa áp dụng Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (Quyết định số 405/QĐ-BKHCN áp dụng từ năm 2025)."
                : $"Năm \"{year}\" không hợp lệ: cần một năm dạng YYYY, ví dụ 2025."];
        }
        if (checkKind && kind is not (null or Provisional or Official))
            errors["kind"] = [$"Loại kết quả \"{kind}\" không hợp lệ: chỉ nhận provisional (tạm tính) hoặc official (chính thức)."];
        return errors;
    }

    /// <summary>The engine refused the stored values: say which, per province and input.</summary>
    public static ProblemHttpResult Unscorable(ScoringInputException ex) => ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity,
        "Không chấm được điểm", "Dữ liệu đã duyệt không hợp lệ: " + string.Join("; ", ex.Problems.Select(p => p.ToString())));

    public static ProblemHttpResult NotPublished(string year) => ApiProblems.NotFound($"Chỉ số chuyển đổi số cấp tỉnh năm {year} chưa được công bố.");

    public static ProblemHttpResult UnknownProvince(string unit, string year) =>
        ApiProblems.NotFound($"Không tìm thấy tỉnh, thành phố \"{unit}\" trong chỉ số chuyển đổi số năm {year} trong phạm vi của bạn.");
}
