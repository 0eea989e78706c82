using System.Text.Json;
using Platform.MonthlyScoring.Runs;
using Platform.Scoring;
using Platform.Scoring.Engine;

namespace Platform.MonthlyScoring.Simulations;

/// <summary>
/// The framework a simulation scores under: a version of <c>monthly-4585</c> the service knows (whatever its effective
/// dates: a what-if may score an earlier period under a later version), or a draft read exactly as an uploaded version
/// is read (<see cref="FrameworkFile.Read"/>). Problems go into <paramref name="errors"/>, Vietnamese, keyed by field.
/// </summary>
internal static class SimulationAlternative
{
    public static CompiledFramework? Resolve(SimulationRequest body, FrameworkCatalog frameworks, Dictionary<string, string[]> errors)
    {
        var hasVersion = !string.IsNullOrWhiteSpace(body.FrameworkVersion);
        var hasDraft = body.Draft is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };
        if (hasVersion == hasDraft)
        {
            errors["frameworkVersion"] = [hasVersion
                ? "Chỉ chọn một trong hai: một phiên bản của khung (frameworkVersion) hoặc một bản dự thảo (draft), không gửi cả hai."
                : "Cần chọn một phiên bản của khung (frameworkVersion) hoặc gửi một bản dự thảo (draft) để mô phỏng."];
            return null;
        }
        return hasVersion ? Version(body.FrameworkVersion!, frameworks, errors) : Draft(body.Draft!.Value, errors);
    }

    private static CompiledFramework? Version(string version, FrameworkCatalog frameworks, Dictionary<string, string[]> errors)
    {
        if (frameworks.All.FirstOrDefault(f => f.Id == RunScoring.FrameworkId && f.Version == version) is { } known) return known;
        var versions = frameworks.All.Where(f => f.Id == RunScoring.FrameworkId).Select(f => $"\"{f.Version}\"");
        errors["frameworkVersion"] = [$"Không có phiên bản \"{version}\" của khung {RunScoring.FrameworkId}. Các phiên bản hiện có: {string.Join(", ", versions)}."];
        return null;
    }

    private static CompiledFramework? Draft(JsonElement draft, Dictionary<string, string[]> errors)
    {
        if (draft.ValueKind != JsonValueKind.Object)
        {
            errors[DraftProblems.Field] = ["Bản dự thảo phải là một đối tượng JSON mô tả khung chỉ số (như tệp định nghĩa một phiên bản)."];
            return null;
        }
        var (framework, problems) = FrameworkFile.Read(draft.GetRawText());
        foreach (var (key, messages) in DraftProblems.Keyed(problems, draft)) errors[key] = messages;
        if (framework is null) return null;
        if (framework.Id != RunScoring.FrameworkId)
        {
            errors[$"{DraftProblems.Field}.id"] = [$"Bản dự thảo là khung \"{framework.Id}\"; chỉ mô phỏng được khung {RunScoring.FrameworkId} (chấm điểm hằng tháng)."];
            return null;
        }
        if (framework.Definition.PeriodType != "month")
        {
            errors[$"{DraftProblems.Field}.periodType"] = ["Khung chấm điểm hằng tháng phải có loại kỳ \"month\"."];
            return null;
        }
        return framework;
    }
}
