namespace Platform.Reporting.Compliance;

/// <summary>The drill-down: one row per reporting unit of the scope (<c>GET /compliance/{framework}/{period}/by-unit</c>).</summary>
public sealed record ComplianceByUnit(string Framework, string FrameworkName, string Period, string PeriodName, string Unit, string UnitName,
    IReadOnlyList<UnitComplianceRow> Units);

public sealed record UnitComplianceRow(string Unit, string UnitName, int Owed, int OnTime, int Late, int NotReported, int NotYetDue, int Approved,
    int AwaitingReview, int Returned);
