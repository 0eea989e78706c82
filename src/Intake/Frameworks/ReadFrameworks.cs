using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Scoring;
using Platform.Scoring.Engine;

namespace Platform.Intake.Frameworks;

/// <summary>The framework versions intake knows: every version of every framework, or one version in full.</summary>
public static class ReadFrameworks
{
    public static Ok<List<FrameworkVersionSummary>> List(string? id, FrameworkCatalog frameworks) =>
        TypedResults.Ok(frameworks.All
            .Where(f => id is null || f.Id == id)
            .OrderBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Definition.EffectiveFrom, StringComparer.Ordinal)
            .Select(f => FrameworkVersionSummary.Of(f.Definition)).ToList());

    public static Results<Ok<FrameworkVersionView>, ProblemHttpResult> Version(string id, string version, FrameworkCatalog frameworks)
    {
        // Versions are named after their decisions and hold slashes ("4585/QĐ-BKHCN (30/12/2025)"): a client sends them
        // as %2F, which routing leaves encoded in the value.
        version = Uri.UnescapeDataString(version);
        return frameworks.All.FirstOrDefault(f => f.Id == id && f.Version == version) is { } framework
            ? TypedResults.Ok(FrameworkVersionView.Of(framework))
            : NotFound($"Không có khung \"{id}\" phiên bản \"{version}\".");
    }

    public static Results<Ok<FrameworkVersionView>, ProblemHttpResult> InForce(string id, string period, FrameworkCatalog frameworks)
    {
        if (!Period.TryParse(period, out _))
            return TypedResults.Problem($"Kỳ \"{period}\" không hợp lệ: cần YYYY-MM (tháng) hoặc YYYY (năm).",
                title: "Kỳ không hợp lệ", statusCode: StatusCodes.Status400BadRequest);
        return frameworks.Find(id, null, period) is { } framework
            ? TypedResults.Ok(FrameworkVersionView.Of(framework))
            : NotFound($"Không có phiên bản nào của khung \"{id}\" có hiệu lực cho kỳ {period}.");
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, title: "Không tìm thấy khung chỉ số", statusCode: StatusCodes.Status404NotFound);
}
