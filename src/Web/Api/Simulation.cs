using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>A framework version as intake lists it (<c>GET /api/intake/frameworks?id=</c>).</summary>
public sealed record FrameworkVersionInfo(string Id, string Version, string Name, string PeriodType, string EffectiveFrom, string? EffectiveTo);

/// <summary>
/// <c>POST /api/monthly-scoring/simulations</c>: a stored period and peer group scored again under exactly one of a
/// version the service knows or a draft definition (the JSON object of an uploaded file).
/// </summary>
public sealed record SimulationRequest(string Period, string PeerGroup, string? FrameworkVersion, JsonElement? Draft);

/// <summary>A what-if answer: never an official result; the baseline it is compared with, the alternative, every unit.</summary>
public sealed record SimulationAnswer(bool Simulation, string Label, string Period, string PeerGroup, SimulationBaselineInfo Baseline,
    SimulationAlternativeInfo Alternative, IReadOnlyList<SimulatedUnit> Units, SimulationSummary Summary);

/// <param name="Kind"><c>official</c> (the current published revision) or <c>unpublished</c> (scored from the approved values).</param>
public sealed record SimulationBaselineInfo(string Kind, string Label, int? Revision, string FrameworkVersion)
{
    public bool IsOfficial => Kind == "official";
}

public sealed record SimulationAlternativeInfo(string FrameworkVersion, bool Draft, string Name);

/// <param name="Delta">After − before of the totals; null when the unit has not reported on either side.</param>
public sealed record SimulatedUnit(string Unit, string? Name, SimulatedStanding Before, SimulatedStanding After, decimal? Delta,
    IReadOnlyList<MovedIndicator> IndicatorsMoved)
{
    public bool ChangedRank => Before.Rank != After.Rank;

    public bool ChangedClass => Before.Class != After.Class;
}

public sealed record SimulatedStanding(bool Reported, decimal? Total, string? Class, int? Rank);

/// <param name="Change"><c>changed</c>, <c>added</c> (only the alternative has it) or <c>removed</c> (only the baseline).</param>
public sealed record MovedIndicator(string Code, string Name, decimal? Before, decimal? After, string Change);

public sealed record SimulationSummary(int UnitsChangedClass, int UnitsChangedRank, UnitDelta? BiggestGain, UnitDelta? BiggestLoss,
    IReadOnlyList<IndicatorName> IndicatorsAdded, IReadOnlyList<IndicatorName> IndicatorsRemoved);

public sealed record UnitDelta(string Unit, string? Name, decimal Delta);

public sealed record IndicatorName(string Code, string Name);
