using Platform.Scoring.Definitions;
using Platform.Scoring.Engine;

namespace Platform.Intake.Frameworks;

/// <summary>One version of a framework as listed: what it is, from when to when it applies, on what legal basis.</summary>
public sealed record FrameworkVersionSummary(
    string Id, string Version, string Name, string PeriodType, string EffectiveFrom, string? EffectiveTo,
    LegalBasis? LegalBasis, decimal MaxPoints, bool Unscored)
{
    public static FrameworkVersionSummary Of(FrameworkDefinition d) =>
        new(d.Id, d.Version, d.Name, d.PeriodType, d.EffectiveFrom, d.EffectiveTo, d.LegalBasis, d.MaxPoints, d.Unscored);
}

/// <summary>
/// A framework version in full: its definition (the same JSON an administrator uploads) and, per input, the codes of
/// the indicators that use it (so forms can say what a value counts towards without compiling the rules).
/// </summary>
public sealed record FrameworkVersionView(FrameworkDefinition Definition, IReadOnlyDictionary<string, IReadOnlyList<string>> InputUsers)
{
    public static FrameworkVersionView Of(CompiledFramework framework) => new(framework.Definition,
        framework.Slots.ToDictionary(
            s => s.Key,
            s => (IReadOnlyList<string>)[.. framework.Indicators.Where(i => i.UsedSlots.Contains(s.Value.Slot)).Select(i => i.Code)],
            StringComparer.Ordinal));
}
