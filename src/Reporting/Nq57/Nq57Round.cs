using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Reporting.Compliance;
using Platform.Reporting.Shared;

namespace Platform.Reporting.Nq57;

/// <summary>
/// The communes' reports of an NQ57 round within a scope, counted per province: the owed self-assessments
/// (<see cref="ComplianceRows"/> of the NQ57 framework, the round as its period) grouped by the unit they report to.
/// </summary>
public static partial class Nq57Round
{
    public static bool IsRound(string round) => RoundPattern().IsMatch(round);

    public static IQueryable<ComplianceRow> Rows(ComplianceServices services, IOptions<Nq57Options> options, string round, ReportScope scope) =>
        ComplianceRows.Query(services.Db, services.Tenant, options.Value.Nq57Framework, [round], scope, services.Time.GetUtcNow());

    public static async Task<List<Nq57ProvinceRow>> ProvincesAsync(IQueryable<ComplianceRow> rows, CancellationToken ct) =>
        await rows.GroupBy(r => new { r.OverseeingUnit, r.OverseeingUnitName })
            .OrderBy(g => EF.Functions.Collate(g.Key.OverseeingUnitName, ComplianceRows.VietnameseCollation)).ThenBy(g => g.Key.OverseeingUnit)
            .Select(g => new Nq57ProvinceRow(
                g.Key.OverseeingUnit, g.Key.OverseeingUnitName, g.Count(),
                g.Count(r => r.ReviewState == "submitted" || r.ReviewState == "approved"), g.Count(r => r.ReviewState == "approved"),
                g.Count(r => r.ReviewState == "returned"), g.Count(r => r.Status == ComplianceStatuses.NotReported),
                g.Count(r => r.Status == ComplianceStatuses.Late)))
            .ToListAsync(ct);

    public static Nq57Totals Totals(IReadOnlyList<Nq57ProvinceRow> provinces) => new(provinces.Sum(p => p.Communes),
        provinces.Sum(p => p.SelfAssessed), provinces.Sum(p => p.Approved), provinces.Sum(p => p.Returned), provinces.Sum(p => p.NotReported),
        provinces.Sum(p => p.Late));

    /// <summary>The round's deadline in the scope (the latest, when provinces were given different ones); null before any announcement.</summary>
    public static Task<DateTimeOffset?> DueAtAsync(IQueryable<ComplianceRow> rows, CancellationToken ct) =>
        rows.MaxAsync(r => (DateTimeOffset?)r.DueAt, ct);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$")]
    private static partial Regex RoundPattern();
}
