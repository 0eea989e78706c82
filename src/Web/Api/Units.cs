namespace Platform.Web.Api;

/// <summary>Intake's <c>GET /api/intake/units/{code}</c>, the parts the web application shows.</summary>
public sealed record UnitDetail(string Code, UnitRevision Current, IReadOnlyList<UnitRevision> History);

public sealed record UnitRevision(string Code, string Name, string Kind, string? Parent, IReadOnlyList<string> PeerGroups,
    DateOnly ValidFrom, DateOnly? ValidTo, int Revision);
