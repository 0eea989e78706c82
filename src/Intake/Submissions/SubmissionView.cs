using System.Text.Json;

namespace Platform.Intake.Submissions;

/// <summary>A submission as the API returns it; <see cref="Version"/> is also sent as the ETag.</summary>
public sealed record SubmissionView(
    Guid Id,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    string ReportingUnit,
    string TargetUnit,
    IReadOnlyDictionary<string, JsonElement> Values,
    string? Comments,
    string State,
    string? ReturnReason,
    bool Late,
    int Version,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? SubmittedBy,
    DateTimeOffset? SubmittedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    IReadOnlyDictionary<string, decimal>? ReviewerScores = null,
    IReadOnlyDictionary<string, string>? ReviewerComments = null)
{
    public static SubmissionView Of(Submission s) => new(
        s.Id, s.FrameworkId, s.FrameworkVersion, s.Period, s.ReportingUnit, s.TargetUnit, s.Values, s.Comments,
        s.State, s.ReturnReason, s.Late, s.Version, s.CreatedBy, s.CreatedAt, s.SubmittedBy, s.SubmittedAt, s.DecidedBy, s.DecidedAt,
        s.ReviewerScores, s.ReviewerComments);
}

/// <summary>Body of <c>PUT …/{framework}/{period}/{targetUnit}</c>: the complete set of values (null = not reported) and comments.</summary>
public sealed record SaveDraftRequest(Dictionary<string, JsonElement>? Values, string? Comments);

/// <summary>Body of <c>POST …/{id}/return</c>.</summary>
public sealed record ReturnRequest(string? Reason);
