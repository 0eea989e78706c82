namespace Platform.Web.Api;

/// <summary>Reporting's "who is late" (<c>GET /api/reporting/compliance/{framework}/{period}</c>): one framework and period in the caller's scope.</summary>
public sealed record ComplianceReport(string Framework, string FrameworkName, string Period, string PeriodName, string Unit, string UnitName,
    IReadOnlyList<ComplianceDeadline> Deadlines, ComplianceTotals Totals, int Total, int Page, int PageSize,
    IReadOnlyList<ComplianceLine> Lines, DateTimeOffset? AsOf, string? AsOfVietnam);

/// <summary>One deadline of <see cref="ComplianceReport"/>: a level (province, national), who oversees it, whether the period is closed there.</summary>
public sealed record ComplianceDeadline(string Level, string LevelName, string OverseeingUnit, string OverseeingUnitName, DateTimeOffset DueAt,
    string DueAtVietnam, bool Closed);

/// <summary>The counts of <see cref="ComplianceReport"/> over the whole filter (not only the page).</summary>
public sealed record ComplianceTotals(int Owed, int OnTime, int Late, int NotReported, int NotYetDue, int AwaitingReview, int Approved,
    int Returned, decimal? OnTimeRate);

/// <summary>One owed report: who reports what for whom, by when, its status and review state.</summary>
public sealed record ComplianceLine(string ReportingUnit, string ReportingUnitName, string TargetUnit, string TargetUnitName,
    string OverseeingUnit, string OverseeingUnitName, string Level, string Role, string RoleName, DateTimeOffset DueAt, string DueAtVietnam,
    string Status, string StatusName, string? ReviewState, string? ReviewStateName, DateTimeOffset? SubmittedAt, string? SubmittedAtVietnam,
    int? DaysLate);

/// <summary>The drill-down (<c>GET …/by-unit</c>): one row per reporting unit in the scope.</summary>
public sealed record ComplianceByUnit(string Framework, string FrameworkName, string Period, string PeriodName, string Unit, string UnitName,
    IReadOnlyList<UnitComplianceRow> Units);

/// <summary>One reporting unit's counts in <see cref="ComplianceByUnit"/>.</summary>
public sealed record UnitComplianceRow(string Unit, string UnitName, int Owed, int OnTime, int Late, int NotReported, int NotYetDue,
    int Approved, int AwaitingReview, int Returned);

/// <summary>On-time reporting over periods per unit (<c>GET /api/reporting/compliance/{framework}/trend</c>).</summary>
public sealed record ComplianceTrend(string Framework, string FrameworkName, string Unit, string UnitName, IReadOnlyList<string> Periods,
    IReadOnlyList<string> PeriodNames, IReadOnlyList<UnitComplianceTrend> Units);

/// <summary>One unit's line of <see cref="ComplianceTrend"/>, its periods aligned with the trend's.</summary>
public sealed record UnitComplianceTrend(string Unit, string UnitName, IReadOnlyList<PeriodCompliance> Periods, decimal? OnTimeRate);

/// <summary>One period of <see cref="UnitComplianceTrend"/>.</summary>
public sealed record PeriodCompliance(string Period, int Owed, int OnTime, int Late, int NotReported);

/// <summary>Participation in an NQ57 round (<c>GET /api/reporting/nq57/{round}</c>), from obligations and submissions.</summary>
public sealed record Nq57RoundSummary(string Framework, string FrameworkName, string Round, string Unit, string UnitName, DateTimeOffset? DueAt,
    string? DueAtVietnam, Nq57Totals Totals, IReadOnlyList<Nq57ProvinceRow> Provinces);

/// <summary>The counts of <see cref="Nq57RoundSummary"/>.</summary>
public sealed record Nq57Totals(int Communes, int SelfAssessed, int Approved, int Returned, int NotReported, int Late);

/// <summary>One province of <see cref="Nq57RoundSummary"/>.</summary>
public sealed record Nq57ProvinceRow(string Unit, string UnitName, int Communes, int SelfAssessed, int Approved, int Returned, int NotReported, int Late);
