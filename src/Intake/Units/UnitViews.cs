namespace Platform.Intake.Units;

/// <summary>One revision of a unit, as the API shows it.</summary>
public sealed record UnitView(
    string Code, string Name, string Kind, string? Parent, IReadOnlyList<string> PeerGroups, string? FormedFrom,
    DateOnly ValidFrom, DateOnly? ValidTo, int Revision)
{
    public static UnitView Of(OrganisationUnit u) =>
        new(u.Code, u.Name, u.Kind, u.ParentCode, u.PeerGroups, u.FormedFrom, u.ValidFrom, u.ValidTo, u.Revision);
}

/// <summary>
/// A unit with its history: every revision (oldest first), what it was formed from, and the sibling units of a merger:
/// <see cref="Predecessors"/> (units its <c>formed_from</c> names) and <see cref="Successors"/> (units whose
/// <c>formed_from</c> names it).
/// </summary>
public sealed record UnitDetailView(
    string Code, UnitView Current, IReadOnlyList<UnitView> History, IReadOnlyList<string> FormedFrom,
    IReadOnlyList<string> Predecessors, IReadOnlyList<string> Successors);
