using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.Runs;
using Platform.Scoring;
using Platform.Scoring.Engine;

namespace Platform.DxIndex.Dti.ActionPlans;

/// <summary>
/// <see cref="IDtiIndicatorScores"/> from the DTI runs: the year's current official revision, else the provisional index
/// scored now; null when no version covers the year, the approved values cannot be scored, or the province has not
/// reported (a province that did not report has no points to compare, not zeros).
/// </summary>
public sealed class DtiIndicatorScores(DxIndexDbContext db, FrameworkCatalog frameworks, IOptions<DtiOptions> options, TimeProvider time)
    : IDtiIndicatorScores
{
    public async Task<IReadOnlyDictionary<string, IndicatorPoints>?> ForProvinceAsync(string tenant, int year, string unit, CancellationToken ct)
    {
        var period = year.ToString(CultureInfo.InvariantCulture);
        if (DtiScoring.Framework(frameworks, period) is not { } framework) return null;
        DtiResult? result;
        try
        {
            result = await DtiResults.ReadAsync(db, tenant, frameworks, framework, period, kind: null, options.Value.References, time, ct);
        }
        catch (ScoringInputException)
        {
            return null;
        }
        var standing = result?.Computed.Standings.FirstOrDefault(s => s.Line.Unit == unit);
        return standing is { Reported: true }
            ? standing.Line.Indicators.ToDictionary(i => i.Key, i => new IndicatorPoints(i.Value.Score, i.Value.Max), StringComparer.Ordinal)
            : null;
    }
}
