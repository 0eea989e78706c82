namespace Platform.Intake.Obligations;

/// <summary>
/// The last <c>ObligationsAnnounced</c> of one (tenant, framework, period, level, overseeing unit): its revision and the
/// hash of the set it carried. Written by <see cref="ObligationsAnnouncer"/> in the same save as the event, so the next
/// revision follows the last one published and an unchanged set is not announced again.
/// </summary>
public sealed class AnnouncedObligation
{
    private AnnouncedObligation() { }

    public AnnouncedObligation(string tenant, string frameworkId, string period, string level, string overseeingUnit)
    {
        Tenant = tenant;
        FrameworkId = frameworkId;
        Period = period;
        Level = level;
        OverseeingUnit = overseeingUnit;
    }

    public string Tenant { get; private init; } = "";
    public string FrameworkId { get; private init; } = "";
    public string Period { get; private init; } = "";
    public string Level { get; private init; } = "";
    public string OverseeingUnit { get; private init; } = "";

    /// <summary>The revision of the last event: 1 for the first announcement.</summary>
    public int Revision { get; private set; }

    /// <summary>SHA-256 (hex) of what the last event said (<see cref="OwedSet.Hash"/>).</summary>
    public string Hash { get; private set; } = "";

    public DateTimeOffset AnnouncedAt { get; private set; }

    /// <summary>Records the next announcement and returns its revision.</summary>
    public int Announce(string hash, DateTimeOffset at)
    {
        Revision++;
        Hash = hash;
        AnnouncedAt = at;
        return Revision;
    }
}
