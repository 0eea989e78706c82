namespace Platform.Intake.Units;

/// <summary>
/// One validity period of an organisation unit (national root, ministry, province, department, commune).
/// Units merge, split and are renamed; a change never edits a row in place but closes it
/// (<see cref="ValidTo"/>) and opens the next revision, so "who was this unit on a given date" can always
/// be answered. The <see cref="Code"/> stays the same across revisions; other services refer to it.
/// </summary>
public sealed class OrganisationUnit
{
    private OrganisationUnit() { }

    public Guid Id { get; private init; }
    public string Tenant { get; private init; } = "";

    /// <summary>Stable code, e.g. <c>lao-cai</c>, <c>lao-cai.so-khcn</c>, <c>bkhcn</c>.</summary>
    public string Code { get; private init; } = "";

    /// <summary>Vietnamese name, e.g. <c>Tỉnh Lào Cai</c>.</summary>
    public string Name { get; private init; } = "";

    /// <summary>One of <see cref="UnitKinds.All"/>.</summary>
    public string Kind { get; private init; } = "";

    /// <summary>Null only for the national root.</summary>
    public string? ParentCode { get; private init; }

    /// <summary>Groups of units ranked against each other, e.g. <c>provinces</c>, <c>lao-cai.departments</c>.</summary>
    public string[] PeerGroups { get; private init; } = [];

    /// <summary>What the unit was formed from (mergers), free text, e.g. <c>Yên Bái; Lào Cai</c>.</summary>
    public string? FormedFrom { get; private init; }

    /// <summary>First day of this revision (inclusive).</summary>
    public DateOnly ValidFrom { get; private init; }

    /// <summary>First day this revision no longer applies (exclusive); null while it is current.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>1 for the first row of a code, +1 for every change.</summary>
    public int Revision { get; private init; }

    public UnitDetails Details => new(Code, Kind, Name, ParentCode, PeerGroups, FormedFrom);

    public static OrganisationUnit Register(string tenant, UnitDetails details, DateOnly validFrom) =>
        Revise(tenant, details, validFrom, revision: 1);

    /// <summary>
    /// Closes this revision on <paramref name="from"/> and returns the next one carrying
    /// <paramref name="details"/>; the caller adds it to the context.
    /// </summary>
    public OrganisationUnit Supersede(UnitDetails details, DateOnly from)
    {
        if (ValidTo is not null) throw new InvalidOperationException($"Revision {Revision} of '{Code}' is already closed.");
        if (details.Code != Code) throw new InvalidOperationException($"A unit's code never changes ('{Code}' → '{details.Code}').");
        if (from <= ValidFrom) throw new InvalidOperationException($"A change of '{Code}' must take effect after {ValidFrom:yyyy-MM-dd}, not on {from:yyyy-MM-dd}.");
        ValidTo = from;
        return Revise(Tenant, details, from, Revision + 1);
    }

    private static OrganisationUnit Revise(string tenant, UnitDetails details, DateOnly validFrom, int revision) => new()
    {
        Id = Guid.CreateVersion7(),
        Tenant = tenant,
        Code = details.Code,
        Name = details.Name,
        Kind = details.Kind,
        ParentCode = details.ParentCode,
        PeerGroups = [.. details.PeerGroups],
        FormedFrom = details.FormedFrom,
        ValidFrom = validFrom,
        Revision = revision,
    };
}

/// <summary>What describes a unit apart from its validity: a CSV row, or the data of one revision.</summary>
public sealed record UnitDetails(string Code, string Kind, string Name, string? ParentCode, IReadOnlyList<string> PeerGroups, string? FormedFrom)
{
    public bool SameAs(UnitDetails other) =>
        Code == other.Code && Kind == other.Kind && Name == other.Name && ParentCode == other.ParentCode
        && FormedFrom == other.FormedFrom && PeerGroups.SequenceEqual(other.PeerGroups);
}

public static class UnitKinds
{
    public const string National = "national";

    public static readonly IReadOnlyList<string> All =
        [National, "ministry", "ministerial-agency", "government-agency", "province", "city", "department", "commune"];
}
