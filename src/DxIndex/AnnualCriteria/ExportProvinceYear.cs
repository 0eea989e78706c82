using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>
/// <c>GET /api/dx-index/annual-criteria/provinces/{unit}/{year}/export</c>: the province's annual report table as an .xlsx
/// (<c>bao-cao-qd2244_{unit}_{year}.xlsx</c>), the same figures as the page.
/// </summary>
public static class ExportProvinceYear
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        string unit, string year, [AsParameters] AnnualCriteriaServices services, CancellationToken ct)
    {
        var (db, user, options, feature, catalog) = services;
        if (!Years.TryParse(year, out var y)) return ApiProblems.Invalid("year", Years.BadYear);
        var tenant = options.Value.Tenant;
        if (await ProvinceScope.ForAsync(db, tenant, user, ct) is not { } scope) return ApiProblems.NoUnit();
        if (await ProvinceYearReport.VisibleProvinceAsync(db, tenant, scope, unit, ct) is not { } name) return AnnualHttp.ProvinceNotFound(unit);
        if (Catalogue.For(catalog, y) is not { } framework) return AnnualHttp.NoCatalogue(y);
        var view = await ProvinceYearReport.BuildAsync(db, tenant, feature.Value.DemoData, unit, name, y, framework, ct);
        return TypedResults.File(AnnualReportSheet.Write(view), ContentType, $"bao-cao-qd2244_{unit}_{y}.xlsx");
    }
}
