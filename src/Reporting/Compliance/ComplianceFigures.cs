using Microsoft.EntityFrameworkCore;
using Platform.Reporting.ReadModels;
using Platform.Reporting.Shared;

namespace Platform.Reporting.Compliance;

/// <summary>Totals, deadlines and lines of <see cref="ComplianceRows"/>, shared by the list, the export and the NQ57 summary.</summary>
public static class ComplianceFigures
{
    public static async Task<ComplianceTotals> TotalsAsync(IQueryable<ComplianceRow> rows, CancellationToken ct)
    {
        var t = await rows.GroupBy(_ => 1).Select(g => new
        {
            Owed = g.Count(),
            OnTime = g.Count(r => r.Status == ComplianceStatuses.OnTime),
            Late = g.Count(r => r.Status == ComplianceStatuses.Late),
            NotReported = g.Count(r => r.Status == ComplianceStatuses.NotReported),
            NotYetDue = g.Count(r => r.Status == ComplianceStatuses.NotYetDue),
            AwaitingReview = g.Count(r => r.ReviewState == "submitted"),
            Approved = g.Count(r => r.ReviewState == "approved"),
            Returned = g.Count(r => r.ReviewState == "returned"),
        }).SingleOrDefaultAsync(ct);
        if (t is null) return new ComplianceTotals(0, 0, 0, 0, 0, 0, 0, 0, null);
        return new ComplianceTotals(t.Owed, t.OnTime, t.Late, t.NotReported, t.NotYetDue, t.AwaitingReview, t.Approved, t.Returned,
            OnTimeRate(t.OnTime, t.Late, t.NotReported));
    }

    /// <summary>On time among the reports due; null when none is due. Four decimals (0,8750).</summary>
    public static decimal? OnTimeRate(int onTime, int late, int notReported) =>
        onTime + late + notReported == 0 ? null : Math.Round((decimal)onTime / (onTime + late + notReported), 4);

    public static async Task<List<ComplianceDeadline>> DeadlinesAsync(ComplianceServices services, string framework, string period,
        IQueryable<ComplianceRow> rows, CancellationToken ct)
    {
        var sets = await rows.Select(r => new { r.Level, r.OverseeingUnit, r.OverseeingUnitName, r.DueAt }).Distinct().ToListAsync(ct);
        var closed = await services.Db.Set<PeriodClosure>().AsNoTracking()
            .Where(c => c.Tenant == services.Tenant && c.Framework == framework && c.Period == period)
            .Select(c => c.Level).ToListAsync(ct);
        return [.. sets
            .OrderBy(s => s.Level == "agency-to-province" ? 0 : 1).ThenBy(s => s.OverseeingUnitName, ReportText.NameOrder)
            .Select(s => new ComplianceDeadline(s.Level, ReportText.LevelName(s.Level), s.OverseeingUnit, s.OverseeingUnitName, s.DueAt,
                ReportText.Moment(s.DueAt), closed.Contains(s.Level)))];
    }

    public static ComplianceLine Line(ComplianceRow r, DateTimeOffset now) => new(r.ReportingUnit, r.ReportingUnitName, r.TargetUnit,
        r.TargetUnitName, r.OverseeingUnit, r.OverseeingUnitName, r.Level, r.Role, ComplianceStatuses.RoleName(r.Role), r.DueAt,
        ReportText.Moment(r.DueAt), r.Status, ComplianceStatuses.Name(r.Status), r.ReviewState, ComplianceStatuses.ReviewStateName(r.ReviewState),
        r.SubmittedAt, r.SubmittedAt is { } at ? ReportText.Moment(at) : null, DaysLate(r, now));

    /// <summary>Late: whole days (rounded up) from the deadline to the hand-in; not reported: since the deadline; else null.</summary>
    public static int? DaysLate(ComplianceRow r, DateTimeOffset now) => r.Status switch
    {
        ComplianceStatuses.Late when r.SubmittedAt is { } at => Math.Max(1, (int)Math.Ceiling((at - r.DueAt).TotalDays)),
        ComplianceStatuses.NotReported => Math.Max(1, (int)Math.Ceiling((now - r.DueAt).TotalDays)),
        _ => null,
    };
}

