using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Problems;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>
/// <c>GET /api/dx-index/annual-criteria/criteria/{code}</c>: one criterion across the provinces the caller sees (national:
/// every province; a province: its own) and every year they have, each value with its trend against the year before.
/// </summary>
public static class ReadCriterion
{
    public static async Task<Results<Ok<CriterionAcrossView>, ProblemHttpResult>> Handle(
        string code, [AsParameters] AnnualCriteriaServices services, CancellationToken ct)
    {
        var (db, user, options, feature, catalog) = services;
        var tenant = options.Value.Tenant;
        if (await ProvinceScope.ForAsync(db, tenant, user, ct) is not { } scope) return ApiProblems.NoUnit();
        if (Catalogue.Latest(catalog) is not { } framework) return ApiProblems.NotFound("Chưa có bộ tiêu chí QĐ 2244.");
        var criteria = Catalogue.Criteria(framework);
        if (criteria.SingleOrDefault(c => c.Code == code) is not { } criterion)
            return ApiProblems.NotFound($"Không có tiêu chí '{code}' trong bộ tiêu chí QĐ 2244.");

        var provinces = await db.Units.AsNoTracking().Where(u => u.Tenant == tenant && (u.Kind == "province" || u.Kind == "city"))
            .Select(u => new { u.Code, u.Name }).ToListAsync(ct);
        var visible = provinces.Where(p => scope.Sees(p.Code)).ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var data = await AnnualData.LoadAsync(db, tenant, feature.Value.DemoData, criteria, visible.Keys.ToList(), code, ct);
        var years = data.Where(d => d.Values.Count > 0).Select(d => d.Year).Distinct().Order().ToList();
        var series = visible.OrderBy(p => p.Value, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).Select(p =>
        {
            var mine = data.Where(d => d.Province == p.Key && d.Values.ContainsKey(code)).ToDictionary(d => d.Year);
            var values = years.Select(y =>
            {
                var v = mine.GetValueOrDefault(y);
                // No trend between an illustrative year and a real one.
                var before = mine.GetValueOrDefault(y - 1) is { } b && b.Demo == v?.Demo ? b.Values[code].Value : (decimal?)null;
                var trend = Trend.Of(before, v?.Values[code].Value, criterion.HigherIsBetter);
                return new ProvinceYearValueView(y, v?.Values[code].Value, v?.Values[code].ReferenceYear, v?.Demo == true, trend, Trend.Text(trend), Trend.Arrow(trend));
            }).ToList();
            return new ProvinceSeriesView(p.Key, p.Value, values);
        }).ToList();
        return TypedResults.Ok(new CriterionAcrossView(criterion.Code, criterion.Name, criterion.Unit, criterion.InputType, criterion.GroupCode,
            criterion.GroupName, criterion.Direction, Catalogue.DirectionText(criterion.Direction), criterion.SourceType,
            Catalogue.SourceTypeText(criterion.SourceType), criterion.ReferenceYearLag, years, series));
    }
}
