namespace Platform.Contracts;

/// <summary>
/// An organisation unit (ministry, province, department, commune) was registered or its details changed.
/// Other services keep their own copy of the unit directory from this event.
/// </summary>
/// <param name="Tenant">Tenant that owns the unit.</param>
/// <param name="UnitCode">Stable unit code, e.g. <c>lao-cai</c>.</param>
/// <param name="Name">Vietnamese name, e.g. <c>Tỉnh Lào Cai</c>.</param>
/// <param name="Kind">One of <c>national</c>, <c>ministry</c>, <c>ministerial-agency</c>, <c>government-agency</c>, <c>province</c>, <c>city</c>, <c>department</c>, <c>commune</c>.</param>
/// <param name="ParentCode">Code of the parent unit, null for the national root.</param>
/// <param name="Revision">Increases with every change of the unit, so a consumer can ignore stale copies.</param>
/// <param name="OccurredAt">When the change happened, UTC.</param>
/// <param name="PeerGroups">Peer groups the unit is ranked in (e.g. <c>provinces</c>, <c>ministries</c>); added later, null from older publishers.</param>
/// <param name="ValidTo">First day (Vietnam date) the unit no longer exists (merged or split), null while it exists; added later.</param>
public sealed record OrganisationUnitRegistered(
    string Tenant,
    string UnitCode,
    string Name,
    string Kind,
    string? ParentCode,
    int Revision,
    DateTimeOffset OccurredAt,
    IReadOnlyList<string>? PeerGroups = null,
    DateOnly? ValidTo = null) : IIntegrationEvent;
