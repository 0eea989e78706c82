namespace Platform.Intake.Periods;

/// <summary>A reopening as the API shows it: instants in UTC, with their Vietnam-time display (dd/MM/yyyy HH:mm).</summary>
public sealed record ReopeningView(
    Guid Id,
    string FrameworkId,
    string Period,
    string Unit,
    DateTimeOffset Until,
    string UntilDisplay,
    string Reason,
    string By,
    DateTimeOffset At,
    string AtDisplay,
    bool Running)
{
    public static ReopeningView Of(Reopening r, DateTimeOffset now) => new(
        r.Id, r.FrameworkId, r.Period, r.Unit, r.Until, PeriodsHttp.Display(r.Until), r.Reason, r.By, r.At, PeriodsHttp.Display(r.At), now < r.Until);
}
