using System.Text.Json;

namespace Platform.Intake.Submissions;

/// <summary>
/// One return of a submission, recorded with the return itself: when, by whom, why, and the values as they stood — so
/// a reviewer reading the resubmission sees what changed since (table <c>submission_returns</c>).
/// </summary>
public sealed class SubmissionReturnRecord
{
    private SubmissionReturnRecord() { }

    public SubmissionReturnRecord(Submission submission, string reason, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        SubmissionId = submission.Id;
        Version = submission.Version;
        ReturnedAt = at;
        ReturnedBy = by;
        Reason = reason;
        ValuesJson = submission.ValuesJson;
    }

    public Guid Id { get; private init; }
    public Guid SubmissionId { get; private init; }

    /// <summary>The submission's version the return made (orders returns even when their clocks agree).</summary>
    public int Version { get; private init; }
    public DateTimeOffset ReturnedAt { get; private init; }
    public string ReturnedBy { get; private init; } = "";
    public string Reason { get; private init; } = "";

    /// <summary>The values when returned; null for returns recorded before this table existed (reason only).</summary>
    public string? ValuesJson { get; private init; }

    public IReadOnlyDictionary<string, JsonElement>? Values => ValuesJson is null
        ? null
        : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(ValuesJson);
}
