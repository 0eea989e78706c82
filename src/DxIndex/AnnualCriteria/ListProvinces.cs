using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Time;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>
/// <c>GET /api/dx-index/annual-criteria/provinces</c>: the provinces the caller sees (national: all; a province: its own)
/// by name, each with the years it has values for, and the year being reported now (year N is reported in April of N+1).
/// </summary>
public static class ListProvinces
{
    public static async Task<Results<Ok<ProvinceListView>, ProblemHttpResult>> Handle(
        [AsParameters] AnnualCriteriaServices services, TimeProvider time, CancellationToken ct)
    {
        var (db, user, options, feature, catalog) = services;
        var tenant = options.Value.Tenant;
        if (await ProvinceScope.ForAsync(db, tenant, user, ct) is not { } scope) return ApiProblems.NoUnit();
        var provinces = (await db.Units.AsNoTracking().Where(u => u.Tenant == tenant && (u.Kind == "province" || u.Kind == "city"))
                .Select(u => new { u.Code, u.Name }).ToListAsync(ct))
            .Where(p => scope.Sees(p.Code)).ToList();
        var codes = provinces.Select(p => p.Code).ToArray();
        var real = (await db.Set<AnnualValue>().AsNoTracking().Where(v => v.Tenant == tenant && codes.Contains(v.Province))
                .Select(v => new { v.Province, v.Year }).Distinct().ToListAsync(ct))
            .ToLookup(v => v.Province, v => v.Year);
        var vietnamese = StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false);
        var entries = provinces.OrderBy(p => p.Name, vietnamese).Select(p =>
        {
            var years = real[p.Code].Order().ToList();
            var demo = feature.Value.DemoData && DemoValues.Provinces.Contains(p.Code)
                ? DemoValues.Years.Where(y => !years.Contains(y)).ToList()
                : [];
            return new ProvinceEntryView(p.Code, p.Name, years, demo);
        }).ToList();
        return TypedResults.Ok(new ProvinceListView(VietnamTime.ToVietnam(time.GetUtcNow()).Year - 1, entries));
    }
}
