using Platform.Scoring;

namespace Platform.Intake.Assignments;

/// <summary>
/// Input keys as assignments name them: an exact key (<c>D2.rate</c>) or a prefix pattern (<c>3.1.*</c>, <c>A.*</c>),
/// matched against every version of a framework's definition.
/// </summary>
public static class InputPatterns
{
    /// <summary>The input keys of <paramref name="frameworkId"/>; empty when no such framework exists.</summary>
    public static IReadOnlyList<string> KeysOf(FrameworkCatalog frameworks, string frameworkId) =>
        [.. frameworks.All.Where(c => c.Id == frameworkId).SelectMany(c => c.Inputs).Select(i => i.Key).Distinct(StringComparer.Ordinal)];

    /// <summary>The keys <paramref name="patterns"/> stand for, in the framework's order, and the patterns that match nothing.</summary>
    public static (List<string> Keys, List<string> Unmatched) Expand(IReadOnlyList<string> known, IEnumerable<string> patterns)
    {
        var keys = new List<string>();
        var unmatched = new List<string>();
        foreach (var pattern in patterns)
        {
            var matched = pattern.EndsWith('*')
                ? known.Where(k => k.StartsWith(pattern[..^1], StringComparison.Ordinal)).ToList()
                : known.Where(k => k == pattern).ToList();
            if (matched.Count == 0) unmatched.Add(pattern);
            keys.AddRange(matched.Where(k => !keys.Contains(k)));
        }
        return (keys, unmatched);
    }
}
