using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Units;

/// <summary>
/// <c>GET /api/intake/units/{code}</c>: one unit with its history; 404 when it is not (or, for a closed unit, was not)
/// in the caller's subtree.
/// </summary>
public static class GetUnit
{
    public static async Task<Results<Ok<UnitDetailView>, ProblemHttpResult>> Handle(
        string code, [AsParameters] IntakeServices services, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        var revisions = await db.OrganisationUnits.AsNoTracking().Where(u => u.Tenant == tenant && u.Code == code)
            .OrderBy(u => u.Revision).ToListAsync(ct);
        if (revisions.Count == 0 || !await VisibleAsync(db, tenant, caller.Unit, revisions[^1], time, ct)) return NotFound();

        var latest = revisions[^1];
        var formedFrom = Names(latest.FormedFrom);
        // Mergers are recorded by name (formed_from is free text, the kind left out); units merge with their siblings.
        var siblings = (await db.OrganisationUnits.AsNoTracking()
                .Where(u => u.Tenant == tenant && u.Code != code && u.ParentCode == latest.ParentCode).ToListAsync(ct))
            .GroupBy(u => u.Code).Select(g => g.MaxBy(u => u.Revision)!).ToList();
        var predecessors = siblings.Where(s => formedFrom.Any(n => Names(s.Name, n)))
            .Select(s => s.Code).Order(StringComparer.Ordinal).ToList();
        var successors = siblings.Where(s => Names(s.FormedFrom).Any(n => Names(latest.Name, n)))
            .Select(s => s.Code).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new UnitDetailView(code, UnitView.Of(latest), [.. revisions.Select(UnitView.Of)], formedFrom, predecessors, successors));
    }

    public static ProblemHttpResult NotFound() => ApiProblems.NotFound("Không tìm thấy đơn vị, hoặc đơn vị không thuộc phạm vi của bạn.");

    /// <summary>In the caller's subtree today, or — for a unit that no longer exists — on its last day.</summary>
    private static async Task<bool> VisibleAsync(IntakeDbContext db, string tenant, string callerUnit, OrganisationUnit latest, TimeProvider time, CancellationToken ct)
    {
        var today = time.TodayInVietnam();
        if (await db.SubtreeCodes(tenant, callerUnit, today).ContainsAsync(latest.Code, ct)) return true;
        return latest.ValidTo is { } end && await db.SubtreeCodes(tenant, callerUnit, end.AddDays(-1)).ContainsAsync(latest.Code, ct);
    }

    private static List<string> Names(string? formedFrom) =>
        formedFrom?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];

    /// <summary>"Tỉnh Yên Bái" is named by "Yên Bái" (formed_from leaves out the kind).</summary>
    private static bool Names(string name, string listed) =>
        name == listed || name.EndsWith(" " + listed, StringComparison.Ordinal);
}
