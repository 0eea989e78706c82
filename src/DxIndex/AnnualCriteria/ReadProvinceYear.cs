using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>
/// <c>GET /api/dx-index/annual-criteria/provinces/{unit}/{year}</c>: the province's year, every criterion with value,
/// unit, group, direction, year of reference, source, the years before and the trend.
/// </summary>
public static class ReadProvinceYear
{
    public static async Task<Results<Ok<ProvinceYearView>, ValidationProblem, ProblemHttpResult>> Handle(
        string unit, string year, [AsParameters] AnnualCriteriaServices services, CancellationToken ct)
    {
        var (db, user, options, feature, catalog) = services;
        if (!Years.TryParse(year, out var y)) return ApiProblems.Invalid("year", Years.BadYear);
        var tenant = options.Value.Tenant;
        if (await ProvinceScope.ForAsync(db, tenant, user, ct) is not { } scope) return ApiProblems.NoUnit();
        if (await ProvinceYearReport.VisibleProvinceAsync(db, tenant, scope, unit, ct) is not { } name) return AnnualHttp.ProvinceNotFound(unit);
        if (Catalogue.For(catalog, y) is not { } framework) return AnnualHttp.NoCatalogue(y);
        return TypedResults.Ok(await ProvinceYearReport.BuildAsync(db, tenant, feature.Value.DemoData, unit, name, y, framework, ct));
    }
}
