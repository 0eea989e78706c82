namespace Platform.MonthlyScoring.Bonus;

public static class BonusStates
{
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

/// <summary>
/// Bonus points a unit proposes for itself for one month (seed 001: a written proposal with its justification to the
/// standing body of the Government's steering committee, which evaluates it and proposes it at the meeting where the
/// Prime Minister decides): proposed → approved (1–5 points) or rejected (with a reason), recorded at national level
/// only, with who recorded it, when and on what basis. A unit has at most one open or approved proposal per month;
/// after a rejection it may propose again.
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
    /// <summary>The <c>sub</c> of who recorded the decision.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>Their name as the token gave it (<c>name</c>, else <c>preferred_username</c>), for people reading the decision.</summary>
    public string? DecidedByName { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>What the decision rests on: the Prime Minister's decision or the Government meeting conclusion (number, date).</summary>
    public string? DecisionBasis { get; set; }

    /// <summary>PostgreSQL's row version (<c>xmin</c>): two approvers deciding at once cannot both win.</summary>
    public uint Version { get; set; }
}
