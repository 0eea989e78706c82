using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Intake.Data;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Units;

/// <summary><c>GET /api/intake/units</c> and <c>GET /api/intake/units/{code}</c>: the caller's part of the directory.</summary>
public static class ReadUnits
{
    /// <summary>
    /// Units of the caller's subtree as it stood on <paramref name="asOf"/> (default today, Vietnam time), filtered by
    /// <paramref name="kind"/>, <paramref name="parent"/> and <paramref name="q"/> (code or name contains, any case).
    /// </summary>
    public static async Task<Results<Ok<Paged<UnitView>>, ValidationProblem, ProblemHttpResult>> List(
        string? kind, string? parent, string? q, DateOnly? asOf, int? page, int? pageSize,
        IntakeDbContext db, ClaimsPrincipal user, IOptions<IntakeOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var (paging, invalid) = Paging.Check(page, pageSize);
        if (invalid is not null) return invalid;
        if (kind is not null && !UnitKinds.All.Contains(kind))
            return ApiProblems.InvalidByKey("kind", $"Loại đơn vị '{kind}' không hợp lệ; dùng một trong: {string.Join(", ", UnitKinds.All)}.");

        var tenant = options.Value.Tenant;
        var day = asOf ?? time.TodayInVietnam();
        var query = db.OrganisationUnits.AsNoTracking().AsOf(tenant, day)
            .WithinSubtree(u => u.Code, db.SubtreeCodes(tenant, caller.Unit, day));
        if (kind is not null) query = query.Where(u => u.Kind == kind);
        if (parent is not null) query = query.Where(u => u.ParentCode == parent);
        if (!string.IsNullOrWhiteSpace(q))
        {
            // ILIKE on the escaped text: "%" and "_" typed by the user are literal, Vietnamese letters fold case.
            var pattern = "%" + q.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
            query = query.Where(u => EF.Functions.ILike(u.Name, pattern, @"\") || EF.Functions.ILike(u.Code, pattern, @"\"));
        }
        return TypedResults.Ok(await query.OrderBy(u => u.Code).ToPageAsync(paging, UnitView.Of, ct));
    }

    /// <summary>One unit with its history; 404 when it is not (or, for a closed unit, was not) in the caller's subtree.</summary>
    public static async Task<Results<Ok<UnitDetailView>, ProblemHttpResult>> Get(
        string code, IntakeDbContext db, ClaimsPrincipal user, IOptions<IntakeOptions> options, TimeProvider time, CancellationToken ct)
    {
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
