namespace Platform.Contracts;

/// <summary>
/// A framework version became known to the platform: shipped with a release (seeded at intake's first start) or
/// uploaded by a framework administrator. Intake owns the versions; scoring services keep their own copy from this
/// event. A version is in force from <paramref name="EffectiveFrom"/> until the period before the next version of the
/// same framework takes effect (or its own <paramref name="EffectiveTo"/>), so the order in which versions arrive does
/// not matter.
/// </summary>
/// <param name="Tenant">The deployment that recorded the version.</param>
/// <param name="FrameworkId">Framework id, e.g. <c>monthly-4585</c>.</param>
/// <param name="Version">Version name, e.g. <c>4585/QĐ-BKHCN (30/12/2025)</c>; unique per framework.</param>
/// <param name="Name">Vietnamese name of the framework version.</param>
/// <param name="EffectiveFrom">First period scored under this version (<c>YYYY-MM</c> or <c>YYYY</c>).</param>
/// <param name="EffectiveTo">Last period as the definition states it, null when open-ended.</param>
/// <param name="LegalBasis">The decision it rests on, in words, e.g. <c>Quyết định 4585/QĐ-BKHCN ngày 30/12/2025</c>; null when none is given.</param>
/// <param name="Source"><c>shipped</c> or <c>uploaded</c>.</param>
/// <param name="Definition">The definition's JSON text exactly as recorded (the format of <c>src/Scoring/Frameworks/*.json</c>).</param>
/// <param name="OccurredAt">When the version was recorded, UTC.</param>
public sealed record FrameworkVersionPublished(
    string Tenant,
    string FrameworkId,
    string Version,
    string Name,
    string EffectiveFrom,
    string? EffectiveTo,
    string? LegalBasis,
    string Source,
    string Definition,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
