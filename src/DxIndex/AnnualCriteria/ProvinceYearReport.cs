using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Data;
using Platform.DataAndMessaging.Units;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>
/// Builds a province's year (the page and the spreadsheet read the same): each criterion of the catalogue in force for
/// the year, its value and the three years before, the trend against the year before by the criterion's direction — real years beside real years
/// only, illustrative beside illustrative.
/// </summary>
internal static class ProvinceYearReport
{
    public const int PreviousYears = 3;

    public static async Task<ProvinceYearView> BuildAsync(DxIndexDbContext db, string tenant, bool demoData, string unit, string name,
        int year, Scoring.Engine.CompiledFramework framework, CancellationToken ct)
    {
        var criteria = Catalogue.Criteria(framework);
        var data = await AnnualData.LoadAsync(db, tenant, demoData, criteria, [unit], null, ct);
        var byYear = data.ToDictionary(d => d.Year);
        byYear.TryGetValue(year, out var current);
        var reporters = current?.Values.Values.Select(v => v.ReportingUnit).Where(r => r != DemoValues.Reporter).Distinct().ToList() ?? [];
        var names = await db.UnitNamesAsync(tenant, reporters, ct);

        // Real and illustrative values never meet: a real year is compared with, and shown beside, real years only.
        var demo = current?.Demo == true;
        decimal? ValueIn(int y, string code) => byYear.TryGetValue(y, out var d) && d.Demo == demo && d.Values.TryGetValue(code, out var v) ? v.Value : null;

        var groups = criteria.GroupBy(c => (c.GroupCode, c.GroupName)).Select(g => new CriterionGroupView(g.Key.GroupCode, g.Key.GroupName,
            g.Select(c =>
            {
                var v = current?.Values.GetValueOrDefault(c.Code);
                var previous = Enumerable.Range(year - PreviousYears, PreviousYears).Select(y =>
                {
                    var p = byYear.TryGetValue(y, out var d) && d.Demo == demo ? d.Values.GetValueOrDefault(c.Code) : null;
                    return new YearValueView(y, p?.Value, p?.ReferenceYear, p is not null && demo);
                }).ToList();
                var trend = Trend.Of(ValueIn(year - 1, c.Code), v?.Value, c.HigherIsBetter);
                return new CriterionYearView(c.Code, c.Name, c.Unit, c.InputType, c.Direction, Catalogue.DirectionText(c.Direction),
                    c.SourceType, Catalogue.SourceTypeText(c.SourceType), c.ReferenceYearLag, c.LeadAgency, v is not null, v?.Value,
                    v?.ReferenceYear ?? year - c.ReferenceYearLag,
                    v?.ReportingUnit is { } r && r != DemoValues.Reporter ? r : null,
                    v is null ? null : current!.Demo ? DemoValues.Label : names.GetValueOrDefault(v.ReportingUnit, v.ReportingUnit),
                    current is { Demo: false } ? v?.ApprovedAt : null, previous, trend, Trend.Text(trend), Trend.Arrow(trend));
            }).ToList())).ToList();
        var years = data.Select(d => d.Year).Append(year).Distinct().Order().ToList();
        return new ProvinceYearView(year, unit, name, framework.Definition.Version, current?.Demo == true,
            current?.Demo == true ? DemoValues.Label : null, current?.Values.Count ?? 0, criteria.Count, years, groups);
    }

    /// <summary>The province's name when <paramref name="unit"/> is a province the caller sees; null otherwise (404).</summary>
    public static async Task<string?> VisibleProvinceAsync(DxIndexDbContext db, string tenant, ProvinceScope scope, string unit, CancellationToken ct)
    {
        if (!scope.Sees(unit)) return null;
        var known = await db.Units.AsNoTracking().Where(u => u.Tenant == tenant && u.Code == unit).Select(u => new { u.Name, u.Kind }).SingleOrDefaultAsync(ct);
        return known is not null && ProvinceScope.IsProvince(known.Kind) ? known.Name : null;
    }
}
