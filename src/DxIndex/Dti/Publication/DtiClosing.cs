using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.Inputs;

namespace Platform.DxIndex.Dti.Publication;

/// <summary>Whether intake closed the year at national level, and which provinces hold illustrative values (left out of publication).</summary>
internal static class DtiClosing
{
    public static Task<bool> IsClosedAsync(DxIndexDbContext db, string tenant, string year, CancellationToken ct) =>
        db.Set<DtiClosedYear>().AnyAsync(c => c.Tenant == tenant && c.Year == year, ct);

    public static Task<List<string>> DemoUnitsAsync(DxIndexDbContext db, string tenant, string year, CancellationToken ct) =>
        db.Set<DtiApprovedValue>().AsNoTracking()
            .Where(v => v.Tenant == tenant && v.FrameworkId == DtiOptions.FrameworkId && v.Year == year && v.Demo)
            .Select(v => v.Unit).Distinct().OrderBy(u => u).ToListAsync(ct);
}
