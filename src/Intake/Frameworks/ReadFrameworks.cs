using Platform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.Scoring;
using Platform.Scoring.Definitions;
using Platform.Scoring.Engine;

namespace Platform.Intake.Frameworks;

/// <summary>The framework versions intake knows: every version of every framework, one version in full, or its changes.</summary>
public static class ReadFrameworks
{
    public static async Task<Ok<List<FrameworkVersionSummary>>> List(string? id, FrameworkCatalog frameworks, IntakeDbContext db, CancellationToken ct)
    {
        var stored = await db.FrameworkVersions.AsNoTracking().Where(v => id == null || v.FrameworkId == id)
            .Select(v => new { v.FrameworkId, v.Version, v.Source, v.RecordedBy, v.RecordedAt, v.EffectiveFrom, v.Definition })
            .ToListAsync(ct);
        var byKey = stored.ToDictionary(v => (v.FrameworkId, v.Version));
        return TypedResults.Ok(frameworks.All
            .Where(f => id is null || f.Id == id)
            .OrderBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Definition.EffectiveFrom, StringComparer.Ordinal)
            .Select(f => byKey.TryGetValue((f.Id, f.Version), out var s)
                ? FrameworkVersionSummary.Of(f.Definition) with { Source = s.Source, RecordedBy = s.RecordedBy, RecordedAt = s.RecordedAt }
                : FrameworkVersionSummary.Of(f.Definition))
            .ToList());
    }

    public static Results<Ok<FrameworkVersionView>, ProblemHttpResult> Version(string id, string version, FrameworkCatalog frameworks) =>
        Find(frameworks, id, version) is { } framework
            ? TypedResults.Ok(FrameworkVersionView.Of(framework))
            : NotFound($"Không có khung \"{id}\" phiên bản \"{version}\".");

    public static Results<Ok<FrameworkVersionChanges>, ProblemHttpResult> Changes(string id, string version, FrameworkCatalog frameworks)
    {
        if (Find(frameworks, id, version) is not { } framework) return NotFound($"Không có khung \"{id}\" phiên bản \"{version}\".");
        var earlier = frameworks.All
            .Where(f => f.Id == id && Period.Compare(Start(f.Definition.EffectiveFrom), framework.Definition.EffectiveFrom) < 0)
            .OrderBy(f => f.Definition.EffectiveFrom, StringComparer.Ordinal).LastOrDefault();
        return TypedResults.Ok(new FrameworkVersionChanges(FrameworkVersionSummary.Of(framework.Definition),
            earlier is null ? null : FrameworkVersionSummary.Of(earlier.Definition), FrameworkDiff.Between(earlier?.Definition, framework.Definition)));
    }

    public static Results<Ok<FrameworkVersionView>, ValidationProblem, ProblemHttpResult> InForce(string id, string period, FrameworkCatalog frameworks)
    {
        if (!Period.TryParse(period, out _))
        {
            var message = $"Kỳ \"{period}\" không hợp lệ: cần YYYY-MM (tháng) hoặc YYYY (năm).";
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["period"] = [message] }, message, "Kỳ không hợp lệ");
        }
        return frameworks.Find(id, null, period) is { } framework
            ? TypedResults.Ok(FrameworkVersionView.Of(framework))
            : NotFound($"Không có phiên bản nào của khung \"{id}\" có hiệu lực cho kỳ {period}.");
    }

    // Version names hold slashes ("4585/QĐ-BKHCN (30/12/2025)"): callers escape them (%2F), which routing leaves escaped.
    private static CompiledFramework? Find(FrameworkCatalog frameworks, string id, string version) =>
        frameworks.All.FirstOrDefault(f => f.Id == id && f.Version == version.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase));

    private static (int, int) Start(string period) => Period.TryParse(period, out var p) ? p : (0, 0);

    private static ProblemHttpResult NotFound(string detail) =>
        ApiProblems.Problem(StatusCodes.Status404NotFound, "Không tìm thấy khung chỉ số", detail);
}
