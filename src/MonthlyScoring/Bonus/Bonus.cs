namespace Platform.MonthlyScoring.Bonus;

public static class BonusStates
{
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

/// <summary>
/// Bonus points a unit proposes for itself for one month, decided by the steering committee (role
/// <c>bonus-approver</c>): proposed → approved (1–5 points) or rejected (with a reason). A unit has at most one
/// open or approved proposal per month; after a rejection it may propose again.
/// </summary>
public sealed class BonusProposal
{
    public Guid Id { get; set; }
    public string Tenant { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Period { get; set; } = "";
    public string Justification { get; set; } = "";
    public string? Evidence { get; set; }
    public string State { get; set; } = BonusStates.Proposed;
    public string ProposedBy { get; set; } = "";
    public DateTimeOffset ProposedAt { get; set; }
    public decimal? Points { get; set; }
    public string? DecisionNote { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>PostgreSQL's row version (<c>xmin</c>): two approvers deciding at once cannot both win.</summary>
    public uint Version { get; set; }
}
