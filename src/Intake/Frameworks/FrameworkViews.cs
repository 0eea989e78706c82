using Platform.DataAndMessaging.Frameworks;
using Platform.Scoring.Definitions;
using Platform.Scoring.Engine;

namespace Platform.Intake.Frameworks;

/// <summary>
/// One version of a framework as listed: what it is, from when to when it applies (<paramref name="EffectiveTo"/> as in
/// force: the period before the next version, if any), on what legal basis, and who recorded it.
/// </summary>
/// <param name="Source"><c>shipped</c> or <c>uploaded</c>; null when the store does not hold the version (never, once seeded).</param>
public sealed record FrameworkVersionSummary(
    string Id, string Version, string Name, string PeriodType, string EffectiveFrom, string? EffectiveTo,
    LegalBasis? LegalBasis, decimal MaxPoints, bool Unscored, string? Source = null, string? RecordedBy = null, DateTimeOffset? RecordedAt = null)
{
    public static FrameworkVersionSummary Of(FrameworkDefinition d, StoredFrameworkVersion? stored = null) =>
        new(d.Id, d.Version, d.Name, d.PeriodType, d.EffectiveFrom, d.EffectiveTo, d.LegalBasis, d.MaxPoints, d.Unscored,
            stored?.Source, stored?.RecordedBy, stored?.RecordedAt);
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

/// <summary>
/// What uploading a definition would do (<c>POST /api/intake/frameworks/preview</c>): the version, the version it follows
/// and the last period that one keeps, the readable changes, and the problems that would refuse it (empty: it may be
/// uploaded). Nothing is stored.
/// </summary>
public sealed record FrameworkUploadPreview(
    FrameworkVersionSummary? Version, FrameworkVersionSummary? Follows, string? FollowsUntil, IReadOnlyList<FrameworkChange> Changes,
    IReadOnlyDictionary<string, string[]> Problems);

/// <summary>A version's changes against the version it follows (<c>GET …/versions/{version}/changes</c>).</summary>
public sealed record FrameworkVersionChanges(FrameworkVersionSummary Version, FrameworkVersionSummary? Follows, IReadOnlyList<FrameworkChange> Changes);
