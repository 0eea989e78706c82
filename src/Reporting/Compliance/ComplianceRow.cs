namespace Platform.Reporting.Compliance;

/// <summary>One owed report with its status, as <see cref="ComplianceRows"/> computes it in SQL.</summary>
public sealed class ComplianceRow
{
    public string Period { get; init; } = "";
    public string ReportingUnit { get; init; } = "";
    public string ReportingUnitName { get; init; } = "";
    public string TargetUnit { get; init; } = "";
    public string TargetUnitName { get; init; } = "";
    public string OverseeingUnit { get; init; } = "";
    public string OverseeingUnitName { get; init; } = "";

    /// <summary>Reporting and target unit names folded for <see cref="NameSearch"/>.</summary>
    public string SearchName { get; init; } = "";

    public string Level { get; init; } = "";
    public string Role { get; init; } = "";
    public string FrameworkVersion { get; init; } = "";
    public DateTimeOffset DueAt { get; init; }
    public string Status { get; init; } = "";

    /// <summary>The latest state of the submission that counts (<c>submitted</c>, <c>approved</c>, <c>returned</c>); null: none.</summary>
    public string? ReviewState { get; init; }

    /// <summary>First hand-in (or, when only an approval is known, the approval), UTC.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }
}
