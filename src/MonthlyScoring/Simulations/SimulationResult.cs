namespace Platform.MonthlyScoring.Simulations;

/// <summary>
/// A what-if answer: never an official result (<paramref name="Simulation"/> is always true and <paramref name="Label"/>
/// says so), the baseline it is compared with, the alternative, every unit before and after, and what changed.
/// </summary>
public sealed record SimulationResult(bool Simulation, string Label, string Period, string PeerGroup, SimulationBaselineView Baseline,
    SimulationAlternativeView Alternative, IReadOnlyList<SimulatedUnit> Units, SimulationSummary Summary)
{
    public const string Marking = "Mô phỏng – không phải kết quả chính thức";
}

/// <param name="Kind"><c>official</c> (the current published revision) or <c>unpublished</c> (scored now from the approved values).</param>
public sealed record SimulationBaselineView(string Kind, string Label, int? Revision, string FrameworkVersion);

/// <param name="Draft">True for an uploaded definition no catalogue holds.</param>
/// <param name="Name">The framework's name as the version or draft gives it.</param>
public sealed record SimulationAlternativeView(string FrameworkVersion, bool Draft, string Name);

/// <summary>
/// One unit side by side; <paramref name="Delta"/> is after − before of the (rounded) totals, null when the unit has not
/// reported; <paramref name="IndicatorsMoved"/> the indicators whose score differs, or that only one version has.
/// </summary>
public sealed record SimulatedUnit(string Unit, string? Name, SimulatedStanding Before, SimulatedStanding After, decimal? Delta,
    IReadOnlyList<MovedIndicator> IndicatorsMoved);

/// <summary>A unit's total, class and rank among the units that reported; all null when it has not reported ("chưa báo cáo").</summary>
public sealed record SimulatedStanding(bool Reported, decimal? Total, string? Class, int? Rank);

/// <param name="Before">Null when only the alternative has the indicator (added).</param>
/// <param name="After">Null when only the baseline has it (removed).</param>
/// <param name="Change"><c>changed</c>, <c>added</c> or <c>removed</c>.</param>
public sealed record MovedIndicator(string Code, string Name, decimal? Before, decimal? After, string Change);

/// <param name="BiggestGain">The unit whose total rises most (null when none rises).</param>
/// <param name="BiggestLoss">The unit whose total falls most (null when none falls).</param>
public sealed record SimulationSummary(int UnitsChangedClass, int UnitsChangedRank, UnitDelta? BiggestGain, UnitDelta? BiggestLoss,
    IReadOnlyList<IndicatorName> IndicatorsAdded, IReadOnlyList<IndicatorName> IndicatorsRemoved);

public sealed record UnitDelta(string Unit, string? Name, decimal Delta);

public sealed record IndicatorName(string Code, string Name);
