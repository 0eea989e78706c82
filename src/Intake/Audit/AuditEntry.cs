namespace Platform.Intake.Audit;

/// <summary>What an audit line is about.</summary>
public static class AuditEntities
{
    public const string Submission = "submission";
    public const string Assignment = "assignment";
    public const string Period = "period";
    public const string Evidence = "evidence";
    public const string Unit = "unit";
}

/// <summary>
/// One line of the append-only audit log (the table refuses UPDATE, DELETE and TRUNCATE): who did what to which
/// record, when, with a free-text detail (a reason, the values changed, "old → new").
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

    public static AuditEntry ForSubmission(string action, Guid submissionId, string by, DateTimeOffset at, string? detail) =>
        new(AuditEntities.Submission, submissionId.ToString(), action, by, at, detail);

    public Guid Id { get; private init; }

    /// <summary>One of <see cref="AuditEntities"/>.</summary>
    public string EntityType { get; private init; } = "";

    /// <summary>The record's id: a submission or assignment id, or a key such as <c>monthly-4585/2026-01/lao-cai</c>.</summary>
    public string EntityId { get; private init; } = "";

    /// <summary>E.g. <c>created</c>, <c>edited</c>, <c>submitted</c>, <c>approved</c>, <c>returned</c>, <c>assignment-edited</c>.</summary>
    public string Action { get; private init; } = "";
    public string By { get; private init; } = "";
    public DateTimeOffset At { get; private init; }
    public string? Detail { get; private init; }
}
