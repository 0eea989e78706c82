using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Units;

/// <summary>
/// <c>GET /api/intake/units?kind=&amp;parent=&amp;q=&amp;asOf=&amp;page=&amp;pageSize=</c>:
/// units of the caller's subtree as it stood on <c>asOf</c> (default today, Vietnam time), filtered by <c>kind</c>,
/// <c>parent</c> and <c>q</c> (code or name contains, any case), one page at a time.
/// </summary>
public static class ListUnits
{
    public static async Task<Results<Ok<Paged<UnitView>>, ValidationProblem, ProblemHttpResult>> Handle(
        string? kind, string? parent, string? q, DateOnly? asOf, int? page, int? pageSize, [AsParameters] IntakeServices services,
        CancellationToken ct)
    {
        var (db, user, options, time) = services;
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
}
