namespace Platform.Reporting.Compliance;

/// <summary>Who owes what for one framework and period in a scope, one page of lines (<c>GET /compliance/{framework}/{period}</c>).</summary>
public sealed record ComplianceReport(string Framework, string FrameworkName, string Period, string PeriodName, string Unit, string UnitName,
    IReadOnlyList<ComplianceDeadline> Deadlines, ComplianceTotals Totals, int Total, int Page, int PageSize,
    IReadOnlyList<ComplianceLine> Lines, DateTimeOffset? AsOf, string? AsOfVietnam);

/// <summary>One announced deadline of the period in the scope (per level and overseeing unit).</summary>
public sealed record ComplianceDeadline(string Level, string LevelName, string OverseeingUnit, string OverseeingUnitName, DateTimeOffset DueAt,
    string DueAtVietnam, bool Closed);

/// <summary>Counts over the whole scope (whatever the status filter, search and page).</summary>
/// <param name="OnTimeRate">On-time hand-ins among the reports that are due (on time + late + not reported); null when none is due.</param>
public sealed record ComplianceTotals(int Owed, int OnTime, int Late, int NotReported, int NotYetDue, int AwaitingReview, int Approved, int Returned,
    decimal? OnTimeRate);

/// <summary>One owed report.</summary>
/// <param name="DaysLate">Late: days from the deadline to the hand-in; not reported: days since the deadline (both rounded up); else null.</param>
public sealed record ComplianceLine(string ReportingUnit, string ReportingUnitName, string TargetUnit, string TargetUnitName, string OverseeingUnit,
    string OverseeingUnitName, string Level, string Role, string RoleName, DateTimeOffset DueAt, string DueAtVietnam, string Status,
    string StatusName, string? ReviewState, string? ReviewStateName, DateTimeOffset? SubmittedAt, string? SubmittedAtVietnam, int? DaysLate);
