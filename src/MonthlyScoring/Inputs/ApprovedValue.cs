namespace Platform.MonthlyScoring.Inputs;

/// <summary>
/// The latest approved value of one input of one unit for one framework and period, and where it came from
/// (which submission, at which revision, reported by whom, approved when). A later approval of the same input
/// replaces it; an older one arriving late is ignored. <see cref="Derived"/> marks a value the service derived
/// itself (e.g. <c>A.backlog</c> carried over from the previous month) rather than one an agency reported.
/// </summary>
public sealed class ApprovedValue
{
    public string Tenant { get; set; } = "";
    public string FrameworkId { get; set; } = "";
    public string Period { get; set; } = "";
    public string Unit { get; set; } = "";
    public string InputKey { get; set; } = "";

    /// <summary>The value as raw JSON: a number, <c>true</c>/<c>false</c> or a string (choice).</summary>
    public string ValueJson { get; set; } = "";

    public string FrameworkVersion { get; set; } = "";
    public Guid SubmissionId { get; set; }
    public int SubmissionRevision { get; set; }
    public string ReportingUnit { get; set; } = "";
    public DateTimeOffset ApprovedAt { get; set; }
    public bool Derived { get; set; }
}

/// <summary>Intake announced that a framework's period closed at one reporting level (<c>PeriodClosed</c>).</summary>
public sealed class ClosedPeriod
{
    public string Tenant { get; set; } = "";
    public string FrameworkId { get; set; } = "";
    public string Period { get; set; } = "";
    public string Level { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset ClosedAt { get; set; }
}
