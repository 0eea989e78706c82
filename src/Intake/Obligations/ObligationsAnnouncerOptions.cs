using System.ComponentModel.DataAnnotations;

namespace Platform.Intake.Obligations;

/// <summary>Settings under <c>Intake:ObligationsAnnouncer</c>.</summary>
public sealed class ObligationsAnnouncerOptions
{
    public const string Section = "Intake:ObligationsAnnouncer";

    /// <summary>
    /// <c>Intake:ObligationsAnnouncer:Interval</c>: how often to recompute the owed sets (a change of an assignment in
    /// this process wakes the announcer at once; this catches periods opening, other replicas' changes and unit moves).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00",
        ErrorMessage = "Intake:ObligationsAnnouncer:Interval must be between 00:00:01 and 1.00:00:00. Fix: correct Intake__ObligationsAnnouncer__Interval or remove it to use the default (00:01:00).")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <c>Intake:ObligationsAnnouncer:Lookback</c>: how long after its deadline a period's owed set is still announced
    /// (escalation after the deadline needs it, and a change made then, e.g. an assignment closed, must still reach it).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "366.00:00:00",
        ErrorMessage = "Intake:ObligationsAnnouncer:Lookback must be between 00:00:00 and 366.00:00:00. Fix: correct Intake__ObligationsAnnouncer__Lookback or remove it to use the default (10.00:00:00).")]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(10);
}
