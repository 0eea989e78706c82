using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Data;
using Platform.DataAndMessaging.Units;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Dti.ActionPlans;

/// <summary>
/// Whose plan it is and who may touch it. A province's plan is read by its own people (the province or a unit inside
/// it) and by the national root; it is written by the province's reporters, reviewers and leaders. Anyone else is told
/// nothing about another province: 404, as for a province that does not exist.
/// </summary>
public static class ActionPlanScope
{
    /// <summary>The framework whose indicators the actions target (QĐ 405).</summary>
    public const string FrameworkId = "dti-province-405";

    public static readonly string[] WriterRoles = [PlatformRoles.Reporter, PlatformRoles.Reviewer, PlatformRoles.Leader];

    /// <summary>
    /// The province's name when the caller may read its plan (<paramref name="write"/>: and write it); otherwise the problem to
    /// answer (403 without a unit or for a reader who may not write, 404 outside).
    /// </summary>
    public static async Task<(string? Name, ProblemHttpResult? Problem)> CheckAsync(DxIndexDbContext db, string tenant, ClaimsPrincipal user,
        string province, bool write, CancellationToken ct)
    {
        if (user.OrgUnit() is not { } callerUnit) return (null, ApiProblems.NoUnit());
        var unit = await db.Units.AsNoTracking()
            .Where(u => u.Tenant == tenant && u.Code == province && u.PeerGroups.Contains("provinces"))
            .Select(u => new { u.Name }).SingleOrDefaultAsync(ct);
        var inside = unit is not null && await db.SubtreeCodes(tenant, province).AnyAsync(c => c == callerUnit, ct);
        var national = !inside && unit is not null && await db.IsRootAsync(tenant, callerUnit, ct);
        if (unit is null || (!inside && !national)) return (null, NotFound(province));
        if (write && (!inside || !user.HasRole(WriterRoles)))
            return (null, ApiProblems.Forbidden($"Kế hoạch hành động của {unit.Name} do cán bộ báo cáo, thẩm định hoặc lãnh đạo của tỉnh ghi; bạn chỉ được xem."));
        return (unit.Name, null);
    }

    public static ProblemHttpResult NotFound(string province) =>
        ApiProblems.NotFound($"Không tìm thấy tỉnh \"{province}\" trong phạm vi của bạn.");

    /// <summary>The DTI version in force for the year, or the 404 saying none is.</summary>
    public static CompiledFramework? Framework(Scoring.FrameworkCatalog catalog, int year) =>
        catalog.Find(FrameworkId, null, year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static ProblemHttpResult NoFramework(int year) =>
        ApiProblems.NotFound($"Không có bộ chỉ số chuyển đổi số cấp tỉnh áp dụng cho năm {year}.");

    public static string AuditId(DtiAction a) => $"{a.Tenant}/{a.Year}/{a.Unit}/{a.Id}";
}
