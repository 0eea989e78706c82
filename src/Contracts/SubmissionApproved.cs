using System.Text.Json;

namespace Platform.Contracts;

/// <summary>
/// A reviewer approved the values a unit reported for one framework and period. Scoring takes the
/// approved values from this event; a later approval of the same submission carries a higher
/// <paramref name="Revision"/> and replaces the earlier one.
/// </summary>
/// <param name="SubmissionId">Id of the submission in intake.</param>
/// <param name="Tenant">Deployment that produced the event.</param>
/// <param name="FrameworkId">Framework id, e.g. <c>monthly-4585</c>.</param>
/// <param name="FrameworkVersion">Version of the framework definition the values were validated under.</param>
/// <param name="Period"><c>YYYY-MM</c> or <c>YYYY</c>.</param>
/// <param name="ReportingUnit">Code of the unit that reported the values.</param>
/// <param name="TargetUnit">Code of the unit the values describe (whose score they feed).</param>
/// <param name="Values">
/// Approved values keyed by input key (e.g. <c>A.due</c>), as a JSON object whose values are plain JSON
/// numbers, booleans or strings (choice inputs), e.g. <c>{"A.due": 12, "E3.onTime": true}</c>.
/// Inputs not reported are absent.
/// </param>
/// <param name="Late">True when the values were submitted after the deadline.</param>
/// <param name="ApprovedBy">Subject (<c>sub</c>) of the reviewer.</param>
/// <param name="Revision">The submission's version after the approval; increases with every change.</param>
/// <param name="OccurredAt">When the approval happened, UTC.</param>
/// <param name="ReviewerScores">
/// Rubric frameworks (e.g. <c>nq57-self-2026</c>): the reviewer's score per criterion code, which replaces the
/// score computed from <paramref name="Values"/> for that criterion; null when no reviewer scored. Added later: optional.
/// </param>
/// <param name="ReviewerComments">
/// Rubric frameworks: the reviewer's comment per criterion code (required by intake where the reviewer's score differs
/// from the self score: the override's reason); null when none. Added later: optional.
/// </param>
public sealed record SubmissionApproved(
    Guid SubmissionId,
    string Tenant,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    string ReportingUnit,
    string TargetUnit,
    IReadOnlyDictionary<string, JsonElement> Values,
    bool Late,
    string ApprovedBy,
    int Revision,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, decimal>? ReviewerScores = null,
    IReadOnlyDictionary<string, string>? ReviewerComments = null) : IFrameworkPeriodEvent;
