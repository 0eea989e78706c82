namespace Platform.MonthlyScoring.Units;

/// <summary>
/// This service's copy of one organisation unit, kept from <c>OrganisationUnitRegistered</c> (latest revision wins):
/// who belongs to which peer group, and whether the unit still exists.
/// </summary>
public sealed class ScoredUnit
{
    public string Tenant { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? ParentCode { get; set; }
    public string[] PeerGroups { get; set; } = [];
    public DateOnly? ValidTo { get; set; }
    public int Revision { get; set; }
}
