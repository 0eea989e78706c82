using Platform.DataAndMessaging.Audit;

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

/// <summary>Audit lines about submissions.</summary>
public static class SubmissionAudit
{
    public static AuditEntry Entry(string action, Guid submissionId, string by, DateTimeOffset at, string? detail) =>
        new(AuditEntities.Submission, submissionId.ToString(), action, by, at, detail);
}
