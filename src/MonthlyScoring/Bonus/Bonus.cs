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

/// <summary>
/// One line of this service's append-only audit log (the table refuses UPDATE, DELETE and TRUNCATE): who did what to
/// which record, when, with a free-text detail.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(string entityType, string entityId, string action, string by, DateTimeOffset at, string? detail)
    {
        Id = Guid.CreateVersion7(at);
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        By = by;
        At = at;
        Detail = detail;
    }

    public Guid Id { get; private init; }

    /// <summary>E.g. <c>bonus</c>.</summary>
    public string EntityType { get; private init; } = "";
    public string EntityId { get; private init; } = "";

    /// <summary>E.g. <c>proposed</c>, <c>approved</c>, <c>rejected</c>.</summary>
    public string Action { get; private init; } = "";
    public string By { get; private init; } = "";
    public DateTimeOffset At { get; private init; }
    public string? Detail { get; private init; }
}
