namespace Platform.Reporting.Compliance;

/// <summary>On-time reporting per reporting unit of the scope over periods (<c>GET /compliance/{framework}/trend</c>).</summary>
/// <param name="Periods">Oldest first; <see cref="UnitComplianceTrend.Periods"/> are aligned with them.</param>
public sealed record ComplianceTrend(string Framework, string FrameworkName, string Unit, string UnitName, IReadOnlyList<string> Periods,
    IReadOnlyList<string> PeriodNames, IReadOnlyList<UnitComplianceTrend> Units);

/// <param name="OnTimeRate">On time among the reports due over all the periods; null when none was due.</param>
public sealed record UnitComplianceTrend(string Unit, string UnitName, IReadOnlyList<PeriodCompliance> Periods, decimal? OnTimeRate);

public sealed record PeriodCompliance(string Period, int Owed, int OnTime, int Late, int NotReported);
