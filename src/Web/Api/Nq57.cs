namespace Platform.Web.Api;

/// <summary>dx-index's round view (<c>GET /api/dx-index/nq57/rounds/{round}</c>): the communes of a province, or all.</summary>
public sealed record Nq57Round(string Round, string FrameworkId, string FrameworkVersion, string FrameworkName, string Scope, string ScopeName,
    decimal MaxPoints, int Communes, int Submitted, int NotSubmitted, int Approved, int Decided, bool Demo,
    IReadOnlyList<Nq57RoundRow> Rows, IReadOnlyList<Nq57MissedCriterion> MostMissed);

/// <summary>One commune of <see cref="Nq57Round"/>.</summary>
public sealed record Nq57RoundRow(string Unit, string Name, string? Province, string ProvinceName, string? State, string StateName, bool Late,
    DateTimeOffset? SubmittedAt, decimal? SelfTotal, decimal? ReviewerTotal, decimal? FinalTotal, decimal? FinalA, decimal? FinalB,
    int? DecisionRevision, bool DecisionOutdated, int? Rank, bool Demo);

/// <summary>A criterion communes most often did not reach (final below its points).</summary>
public sealed record Nq57MissedCriterion(string Code, string Name, decimal Max, int Communes, decimal AverageFinal);

/// <summary>dx-index's commune view (<c>GET …/rounds/{round}/communes/{unit}</c>, also the answer of a decision).</summary>
public sealed record Nq57Commune(string Round, string FrameworkId, string FrameworkVersion, string Unit, string Name, string? State, string StateName,
    bool Late, int Revision, DateTimeOffset? SubmittedAt, string? ReturnReason, DateTimeOffset? ApprovedAt, string? ApprovedBy, bool Demo,
    decimal MaxPoints, decimal? SelfTotal, decimal? ReviewerTotal, decimal? FinalTotal,
    IReadOnlyDictionary<string, decimal>? SelfGroups, IReadOnlyDictionary<string, decimal>? ReviewerGroups,
    bool Decidable, bool DecisionOutdated, IReadOnlyList<Nq57CommuneCriterion> Criteria, IReadOnlyList<Nq57FinalDecision> Decisions);

/// <summary>One criterion of <see cref="Nq57Commune"/>.</summary>
public sealed record Nq57CommuneCriterion(string Code, string Name, string Group, decimal Max, decimal Self, decimal? Reviewer, string? Comment,
    decimal Suggested, decimal? Final, string? FinalReason, IReadOnlyList<string> Flags);

/// <summary>One decision revision of <see cref="Nq57Commune"/>.</summary>
public sealed record Nq57FinalDecision(int Revision, decimal Total, decimal GroupA, decimal GroupB, string? Reason,
    IReadOnlyDictionary<string, string> Changes, string DecidedBy, string DecidedByName, string DecidedByUnit, DateTimeOffset DecidedAt,
    int AssessmentRevision);

/// <summary>Body of <c>POST …/communes/{unit}/decisions</c>.</summary>
public sealed record Nq57Decide(Dictionary<string, decimal?> Scores, Dictionary<string, string?> Reasons, string? Reason);

/// <summary>Intake's rubric assessment (<c>GET /api/intake/submissions/{id}/assessment</c>).</summary>
public sealed record RubricAssessment(Guid SubmissionId, string FrameworkId, string FrameworkVersion, string Period, string TargetUnit, string State,
    int Version, decimal MaxPoints, decimal SelfTotal, decimal FinalTotal, IReadOnlyDictionary<string, decimal> SelfGroups,
    IReadOnlyDictionary<string, decimal> FinalGroups, IReadOnlyList<RubricCriterion> Criteria);

/// <summary>One criterion of <see cref="RubricAssessment"/>.</summary>
public sealed record RubricCriterion(string Code, string Name, decimal Max, decimal Self, decimal? Reviewer, decimal Final,
    IReadOnlyList<string> Flags, int EvidenceFiles, string? ReviewerComment);

/// <summary>Body of <c>PUT /api/intake/submissions/{id}/reviewer-scores</c>.</summary>
public sealed record RubricReviewerScores(Dictionary<string, decimal?> Scores, Dictionary<string, string?> Comments);

/// <summary>The NQ57 pages' shared words.</summary>
public static class Nq57Text
{
    public const string Framework = "nq57-self-2026";
    public const string Demo = "dữ liệu minh họa";

    /// <summary>The seed's round deadline as people read it (Vietnam time).</summary>
    public static string Flag(string flag) => flag switch
    {
        "needs-review" => "cần thẩm định",
        "missing" => "chưa báo cáo",
        "reviewed" => "đã thẩm định",
        _ => flag,
    };
}
