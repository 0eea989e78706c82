namespace Platform.Web.Api;

/// <summary>A framework as people choose it: its newest version's name, its kind of period, the first period any version covers.</summary>
public sealed record FrameworkChoice(string Id, string Name, string PeriodType, string EffectiveFrom);

/// <summary>
/// Each framework intake knows, once, in intake's order — for the pickers and to name a framework by its id. Empty,
/// with intake's <see cref="Problem"/>, when the list could not be read.
/// </summary>
public sealed record FrameworkChoices(IReadOnlyList<FrameworkChoice> All)
{
    public ApiProblem? Problem { get; init; }

    /// <summary>The session ended while the list was asked for.</summary>
    public bool SignedOut { get; init; }

    public FrameworkChoice? Find(string? id) => All.FirstOrDefault(f => f.Id == id);

    /// <summary>The framework's name, or its id when intake does not know it.</summary>
    public string Name(string id) => Find(id)?.Name ?? id;

    public static FrameworkChoices Of(IEnumerable<FrameworkVersionSummary> versions) => new(versions
        .GroupBy(v => v.Id, StringComparer.Ordinal)
        .Select(g =>
        {
            var newest = g.MaxBy(v => v.EffectiveFrom, StringComparer.Ordinal)!;
            var first = g.MinBy(v => v.EffectiveFrom, StringComparer.Ordinal)!;
            return new FrameworkChoice(g.Key, newest.Name, newest.PeriodType, first.EffectiveFrom);
        })
        .ToList());
}
