using Microsoft.EntityFrameworkCore;
using Platform.Intake.Calendar;
using Platform.Intake.Data;

namespace Platform.Intake.Periods;

/// <summary>
/// A stored reopening: a reviewer let one unit submit for one framework and period after the deadline, until
/// <see cref="Until"/> (UTC, exclusive), for a written reason. The service never changes or deletes one; a later reopening of the
/// same unit's period simply adds a row, and the one running longest applies.
/// </summary>
public sealed class Reopening
{
    private Reopening() { }

    public Reopening(string tenant, string frameworkId, string period, string unit, DateTimeOffset until, string reason, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        Tenant = tenant;
        FrameworkId = frameworkId;
        Period = period;
        Unit = unit;
        Until = until;
        Reason = reason;
        By = by;
        At = at;
    }

    public Guid Id { get; private init; }
    public string Tenant { get; private init; } = "";
    public string FrameworkId { get; private init; } = "";
    public string Period { get; private init; } = "";

    /// <summary>The reporting unit whose period is reopened.</summary>
    public string Unit { get; private init; } = "";

    public DateTimeOffset Until { get; private init; }
    public string Reason { get; private init; } = "";
    public string By { get; private init; } = "";
    public DateTimeOffset At { get; private init; }

    /// <summary>The calendar's view of it.</summary>
    public PeriodReopening ToCalendar() => new(Unit, FrameworkId, Period, Until, Reason, By);
}

public static class Reopenings
{
    /// <summary>Every reopening of <paramref name="unit"/>'s period, for <see cref="ReportingCalendar.CanSubmit"/>.</summary>
    public static async Task<List<PeriodReopening>> ReopeningsOfAsync(
        this IntakeDbContext db, string tenant, string frameworkId, string period, string unit, CancellationToken ct)
    {
        var rows = await db.Reopenings.AsNoTracking()
            .Where(r => r.Tenant == tenant && r.FrameworkId == frameworkId && r.Period == period && r.Unit == unit)
            .ToListAsync(ct);
        return rows.Select(r => r.ToCalendar()).ToList();
    }
}
