namespace Platform.DxIndex.Dti.ActionPlans;

/// <summary>
/// What the action plans read from the DTI runs (docs/dx-index.md, "Action plans"): a province's points per indicator in
/// one year — the current official revision, else the provisional index — or null when the year has no score for it.
/// The runs register the implementation; without one, <c>withOutcome</c> answers no outcome.
/// </summary>
public interface IDtiIndicatorScores
{
    Task<IReadOnlyDictionary<string, IndicatorPoints>?> ForProvinceAsync(string tenant, int year, string unit, CancellationToken ct);
}

/// <param name="Score">Points scored.</param>
/// <param name="Max">The indicator's points.</param>
public sealed record IndicatorPoints(decimal Score, decimal Max);
