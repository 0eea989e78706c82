namespace Platform.Intake.Contacts;

/// <summary>
/// A person as their access token last described them to intake (name, e-mail, unit, roles): who to call about a
/// report. Intake keeps no user directory; this is only what signed-in people have shown it (<see cref="KnownPeople"/>).
/// </summary>
public sealed class KnownPerson
{
    private KnownPerson() { }

    public string Tenant { get; private init; } = "";

    /// <summary>The token's <c>sub</c>: what submissions record as <c>created_by</c>, <c>submitted_by</c>, ….</summary>
    public string Subject { get; private init; } = "";

    public string? Username { get; private init; }
    public string? Name { get; private init; }
    public string? Email { get; private init; }
    public string OrgUnit { get; private init; } = "";
    public string[] Roles { get; private init; } = [];
    public DateTimeOffset FirstSeenAt { get; private init; }
    public DateTimeOffset LastSeenAt { get; private init; }
}
