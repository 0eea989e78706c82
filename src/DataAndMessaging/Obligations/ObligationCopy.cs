using Microsoft.EntityFrameworkCore;
using Platform.Contracts;

namespace Platform.DataAndMessaging.Obligations;

/// <summary>
/// Keeps a service's copy of one (tenant, framework, period, level, overseeing unit)'s owed set from
/// <see cref="ObligationsAnnounced"/>: a higher revision replaces the deadline and every report; a stale or repeated one
/// changes nothing. Call inside the consumer's transaction; the caller saves.
/// </summary>
public static class ObligationCopy
{
    /// <returns>The stored set when the message was newer than what was stored (and was applied); null when it was stale.</returns>
    public static async Task<ObligationSet?> ApplyAsync(DbContext db, ObligationsAnnounced m, CancellationToken ct)
    {
        var set = await db.Set<ObligationSet>().SingleOrDefaultAsync(s => s.Tenant == m.Tenant && s.Framework == m.FrameworkId
            && s.Period == m.Period && s.Level == m.Level && s.OverseeingUnit == m.OverseeingUnit, ct);
        if (set is not null && set.Revision >= m.Revision) return null;
        if (set is null)
        {
            set = new ObligationSet { Tenant = m.Tenant, Framework = m.FrameworkId, Period = m.Period, Level = m.Level, OverseeingUnit = m.OverseeingUnit };
            db.Add(set);
        }
        set.FrameworkVersion = m.FrameworkVersion;
        set.DueAt = m.DueAt.ToUniversalTime();
        set.Revision = m.Revision;
        set.AnnouncedAt = m.OccurredAt.ToUniversalTime();
        await db.Set<OwedReport>().Where(r => r.Tenant == m.Tenant && r.Framework == m.FrameworkId && r.Period == m.Period
            && r.Level == m.Level && r.OverseeingUnit == m.OverseeingUnit).ExecuteDeleteAsync(ct);
        db.AddRange(m.Reports.DistinctBy(r => (r.ReportingUnit, r.TargetUnit)).Select(r => new OwedReport
        {
            Tenant = m.Tenant, Framework = m.FrameworkId, Period = m.Period, Level = m.Level, OverseeingUnit = m.OverseeingUnit,
            ReportingUnit = r.ReportingUnit, TargetUnit = r.TargetUnit, Role = r.Role, InputKeys = [.. r.InputKeys],
        }));
        return set;
    }
}
