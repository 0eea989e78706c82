using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;

namespace Platform.MonthlyScoring.Publication;

/// <summary>Whether intake closed a month at national level (<c>PeriodClosed</c>): official results wait for it.</summary>
internal static class PeriodClosing
{
    public const string NationalLevel = "to-national";

    public static Task<bool> IsClosedNationallyAsync(MonthlyScoringDbContext db, string tenant, string frameworkId, string period, CancellationToken ct) =>
        db.ClosedPeriods.AnyAsync(c => c.Tenant == tenant && c.FrameworkId == frameworkId && c.Period == period && c.Level == NationalLevel, ct);
}
