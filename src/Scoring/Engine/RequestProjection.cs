namespace Platform.Scoring.Engine;

/// <summary>
/// A request written for one version as another version reads it (what-if simulation): the same units, values, previous
/// period and bonus, keeping only the inputs <c>framework</c> defines — an input it dropped is not reported to it, one it
/// added is missing — and the external references of its relative-to-best indicators.
/// </summary>
public static class RequestProjection
{
    public static ScoringRequest KnownTo(this ScoringRequest request, CompiledFramework framework)
    {
        var units = request.Units.Select(u => u with
        {
            Values = Known(framework, u.Values)!,
            Previous = Known(framework, u.Previous),
        }).ToList();
        var references = request.References?
            .Where(r => framework.Indicators.Any(i => i.Code == r.Key && i.Best is not null))
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        return request with { Units = units, References = references };
    }

    private static Dictionary<string, object>? Known(CompiledFramework framework, IReadOnlyDictionary<string, object>? values) =>
        values?.Where(v => framework.Slots.ContainsKey(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
}
