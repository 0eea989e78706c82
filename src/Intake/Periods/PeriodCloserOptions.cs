using System.ComponentModel.DataAnnotations;

namespace Platform.Intake.Periods;

/// <summary>Settings under <c>Intake:PeriodCloser</c>.</summary>
public sealed class PeriodCloserOptions
{
    public const string Section = "Intake:PeriodCloser";

    /// <summary><c>Intake:PeriodCloser:Interval</c>: how often to look for deadlines that have passed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00",
        ErrorMessage = "Intake:PeriodCloser:Interval must be between 00:00:01 and 1.00:00:00. Fix: correct Intake__PeriodCloser__Interval or remove it to use the default (00:01:00).")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <c>Intake:PeriodCloser:Lookback</c>: how far back a passed deadline still gets its <c>PeriodClosed</c>
    /// (covers downtime; older periods are never announced, so a new deployment does not replay history).
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3660.00:00:00",
        ErrorMessage = "Intake:PeriodCloser:Lookback must be between 1.00:00:00 and 3660.00:00:00. Fix: correct Intake__PeriodCloser__Lookback or remove it to use the default (62.00:00:00).")]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(62);
}
