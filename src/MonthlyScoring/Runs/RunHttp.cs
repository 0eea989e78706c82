using Platform.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;

namespace Platform.MonthlyScoring.Runs;

/// <summary>Request checks and problem answers of the run and publication endpoints (Vietnamese, RFC 7807).</summary>
internal static class RunHttp
{
    public static ProblemHttpResult NotFound() => ApiProblems.NotFound("Không tìm thấy lượt chấm điểm.");

    /// <summary>The engine refused the stored values (e.g. onTime + late > due + backlog): say which, per unit and key.</summary>
    public static ProblemHttpResult Unscorable(ScoringInputException ex) => ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity,
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
}
