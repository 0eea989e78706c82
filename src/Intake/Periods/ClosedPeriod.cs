namespace Platform.Intake.Periods;

/// <summary>
/// A period whose deadline has passed at one level, recorded once by <see cref="PeriodCloser"/> together with its
/// <c>PeriodClosed</c> event. The primary key (tenant, framework, period, level) is what makes the event unique
/// even when several replicas close at the same moment.
/// </summary>
public sealed class ClosedPeriod
{
    private ClosedPeriod() { }

    public ClosedPeriod(string tenant, string frameworkId, string period, string level, DateTimeOffset closedAt)
    {
        Tenant = tenant;
        FrameworkId = frameworkId;
        Period = period;
        Level = level;
        ClosedAt = closedAt;
    }

    public string Tenant { get; private init; } = "";
    public string FrameworkId { get; private init; } = "";
    public string Period { get; private init; } = "";
    public string Level { get; private init; } = "";
    public DateTimeOffset ClosedAt { get; private init; }
}
