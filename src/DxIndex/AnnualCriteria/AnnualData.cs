using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Data;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>One province's values of one year: real approved values, or — only where none exists — illustrative ones.</summary>
internal sealed record ProvinceYear(string Province, int Year, bool Demo, IReadOnlyDictionary<string, AnnualValue> Values);

/// <summary>Reads the stored values (and, when <c>DemoData</c> is on, the illustrative years) per province and year.</summary>
internal static class AnnualData
{
    /// <param name="provinces">Only these provinces; null = every province.</param>
    /// <param name="criterion">Only this criterion; null = all.</param>
    public static async Task<List<ProvinceYear>> LoadAsync(DxIndexDbContext db, string tenant, bool demoData, IReadOnlyList<Criterion> criteria,
        IReadOnlyCollection<string>? provinces, string? criterion, CancellationToken ct)
    {
        var query = db.Set<AnnualValue>().AsNoTracking().Where(v => v.Tenant == tenant);
        if (provinces is not null)
        {
            var wanted = provinces.ToArray();
            query = query.Where(v => wanted.Contains(v.Province));
        }
        if (criterion is not null) query = query.Where(v => v.Criterion == criterion);
        var rows = await query.ToListAsync(ct);
        // numeric(28,8) comes back as 1250.00000000: show what was reported.
        foreach (var row in rows) row.Value /= 1.000000000000000000000000000000000m;
        var years = rows.GroupBy(v => (v.Province, v.Year))
            .Select(g => new ProvinceYear(g.Key.Province, g.Key.Year, false, g.ToDictionary(v => v.Criterion, StringComparer.Ordinal)))
            .ToList();
        if (!demoData) return years;

        // Illustrative years exist only where the province has no real value that year — in the whole catalogue, not
        // just the criterion asked for, so a year is either real or illustrative everywhere it is shown.
        var realYears = (await db.Set<AnnualValue>().AsNoTracking().Where(v => v.Tenant == tenant && DemoValues.Provinces.Contains(v.Province))
                .Select(v => new { v.Province, v.Year }).Distinct().ToListAsync(ct))
            .Select(v => (v.Province, v.Year)).ToHashSet();
        foreach (var province in DemoValues.Provinces.Where(p => provinces is null || provinces.Contains(p)))
        foreach (var year in DemoValues.Years.Where(y => !realYears.Contains((province, y))))
        {
            var values = DemoValues.For(criteria, province, year);
            if (criterion is not null) values = values.Where(v => v.Key == criterion).ToDictionary(StringComparer.Ordinal);
            years.Add(new ProvinceYear(province, year, true, values));
        }
        return years;
    }
}
