using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Dti.Http;
using Platform.DxIndex.Dti.Inputs;
using Platform.DxIndex.Dti.Runs;

namespace Platform.DxIndex.Dti.Ranking;

/// <param name="Closed">The year is closed at <c>to-national</c> (publication may follow).</param>
/// <param name="Revision">The current official revision; null before the first publication.</param>
/// <param name="Demo">The year holds illustrative values ("dữ liệu minh họa").</param>
public sealed record DtiYear(string Year, string? FrameworkVersion, bool Closed, int? Revision, DateTimeOffset? PublishedAt, bool Demo);

/// <summary><c>GET /api/dx-index/dti/years</c>: every year with approved values, a close or a publication, newest first.</summary>
public static class ListYears
{
    public static async Task<Ok<List<DtiYear>>> Handle([AsParameters] DtiServices services, CancellationToken ct)
    {
        var (db, tenant) = (services.Db, services.Tenant);
        var values = await db.Set<DtiApprovedValue>().AsNoTracking().Where(v => v.Tenant == tenant && v.FrameworkId == DtiOptions.FrameworkId)
            .GroupBy(v => v.Year).Select(g => new { Year = g.Key, Demo = g.Any(v => v.Demo) }).ToListAsync(ct);
        var closed = await db.Set<DtiClosedYear>().AsNoTracking().Where(c => c.Tenant == tenant).Select(c => c.Year).ToListAsync(ct);
        var runs = await DtiResults.Official(db, tenant).Select(r => new { r.Year, r.Revision, r.CreatedAt }).ToListAsync(ct);
        var years = values.Select(v => v.Year).Union(closed).Union(runs.Select(r => r.Year)).OrderDescending(StringComparer.Ordinal);
        return TypedResults.Ok(years.Select(y =>
        {
            var current = runs.Where(r => r.Year == y).MaxBy(r => r.Revision);
            return new DtiYear(y, DtiScoring.Framework(services.Frameworks, y)?.Version, closed.Contains(y), current?.Revision, current?.CreatedAt,
                values.Any(v => v.Year == y && v.Demo));
        }).ToList());
    }
}
