using System.Text.Json;

namespace Platform.Intake.Submissions;

public static class SubmissionStates
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Returned = "returned";

    public static readonly IReadOnlyList<string> All = [Draft, Submitted, Approved, Returned];
}

/// <summary>
/// What one unit reports for one target unit, framework and period: draft → submitted → approved, or
/// returned (with a reason) → edited → submitted again. Every change bumps <see cref="Version"/>, the
/// concurrency token behind the ETag, and is recorded in the value history and the audit log.
/// </summary>
public sealed class Submission
{
    private Submission() { }

    public Guid Id { get; private init; }
    public string Tenant { get; private init; } = "";
    public string FrameworkId { get; private init; } = "";
    public string FrameworkVersion { get; private init; } = "";
    public string Period { get; private init; } = "";
    public string ReportingUnit { get; private init; } = "";
    public string TargetUnit { get; private init; } = "";

    /// <summary>The values as a JSON object (key → number, boolean or string), stored as jsonb.</summary>
    public string ValuesJson { get; private set; } = "{}";

    public string? Comments { get; private set; }
    public string State { get; private set; } = SubmissionStates.Draft;
    public string? ReturnReason { get; private set; }
    public bool Late { get; private set; }
    public int Version { get; private set; }
    public string CreatedBy { get; private init; } = "";
    public DateTimeOffset CreatedAt { get; private init; }
    /// <summary>Who saved the values last (web, Excel or API), and when; null on rows older than the column.</summary>
    public string? LastSavedBy { get; private set; }

    public DateTimeOffset? LastSavedAt { get; private set; }

    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The values of <see cref="ValuesJson"/>, parsed once: again only when it changes (an edit sets both).</summary>
    public IReadOnlyDictionary<string, JsonElement> Values
    {
        get
        {
            if (_values is null || !ReferenceEquals(_valuesOf, ValuesJson))
            {
                _values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(ValuesJson) ?? [];
                _valuesOf = ValuesJson;
            }
            return _values;
        }
    }

    private IReadOnlyDictionary<string, JsonElement>? _values;
    private string? _valuesOf;

    /// <summary>Rubric frameworks: the reviewer's score per criterion code as a JSON object (jsonb), null until scored.</summary>
    public string? ReviewerScoresJson { get; private set; }

    public IReadOnlyDictionary<string, decimal>? ReviewerScores =>
        ReviewerScoresJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, decimal>>(ReviewerScoresJson);

    /// <summary>Rubric frameworks: the reviewer's comment per criterion code (jsonb; the reason of an override), null when none.</summary>
    public string? ReviewerCommentsJson { get; private set; }

    public IReadOnlyDictionary<string, string>? ReviewerComments =>
        ReviewerCommentsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(ReviewerCommentsJson);

    /// <summary>Only a draft or a returned submission may be edited or submitted.</summary>
    public bool IsEditable => State is SubmissionStates.Draft or SubmissionStates.Returned;

    public static Submission Start(string tenant, string frameworkId, string frameworkVersion, string period,
        string reportingUnit, string targetUnit, string by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Tenant = tenant,
        FrameworkId = frameworkId,
        FrameworkVersion = frameworkVersion,
        Period = period,
        ReportingUnit = reportingUnit,
        TargetUnit = targetUnit,
        CreatedBy = by,
        CreatedAt = now,
        // The first Edit, which always follows, makes it version 1.
        Version = 0,
    };

    /// <summary>Replaces the values and comments; returns one history row per key whose value changed.</summary>
    public IReadOnlyList<SubmissionValueChange> Edit(IReadOnlyDictionary<string, JsonElement> values, string? comments, string by, string channel, DateTimeOffset now)
    {
        Ensure(IsEditable, "chỉnh sửa");
        var old = Values;
        var changes = new List<SubmissionValueChange>();
        foreach (var key in old.Keys.Union(values.Keys).Order(StringComparer.Ordinal))
        {
            var before = old.TryGetValue(key, out var o) ? o.GetRawText() : null;
            var after = values.TryGetValue(key, out var n) ? n.GetRawText() : null;
            if (before == after) continue;
            changes.Add(new SubmissionValueChange(Id, key, before, after, by, now, channel));
        }
        var sorted = values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary();
        ValuesJson = JsonSerializer.Serialize(sorted);
        (_values, _valuesOf) = (sorted, ValuesJson);
        Comments = comments;
        LastSavedBy = by;
        LastSavedAt = now;
        Version++;
        return changes;
    }

    public void Submit(string by, bool late, DateTimeOffset now)
    {
        Ensure(IsEditable, "nộp");
        State = SubmissionStates.Submitted;
        // The reason answered is kept in the audit log; the resubmitted values await a new decision.
        ReturnReason = null;
        SubmittedBy = by;
        SubmittedAt = now;
        Late = late;
        Version++;
    }

    public void Approve(string by, DateTimeOffset now)
    {
        Ensure(State == SubmissionStates.Submitted, "phê duyệt");
        State = SubmissionStates.Approved;
        ReturnReason = null;
        Decide(by, now);
    }

    public void Return(string reason, string by, DateTimeOffset now)
    {
        Ensure(State == SubmissionStates.Submitted, "trả lại");
        State = SubmissionStates.Returned;
        ReturnReason = reason;
        Decide(by, now);
    }

    /// <summary>
    /// A reviewer scores a submitted rubric: <paramref name="scores"/> replaces the reviewer's earlier set. Returns one
    /// history row (key <c>reviewer.&lt;code&gt;</c>) per score that changed.
    /// </summary>
    public IReadOnlyList<SubmissionValueChange> Review(IReadOnlyDictionary<string, decimal> scores, IReadOnlyDictionary<string, string> comments,
        string by, string channel, DateTimeOffset now)
    {
        Ensure(State == SubmissionStates.Submitted, "chấm điểm thẩm định");
        var old = ReviewerScores ?? new Dictionary<string, decimal>();
        var changes = new List<SubmissionValueChange>();
        foreach (var code in old.Keys.Union(scores.Keys).Order(StringComparer.Ordinal))
        {
            decimal? before = old.TryGetValue(code, out var o) ? o : null;
            decimal? after = scores.TryGetValue(code, out var n) ? n : null;
            if (before == after) continue;
            changes.Add(new SubmissionValueChange(Id, "reviewer." + code,
                before is null ? null : JsonSerializer.Serialize(before), after is null ? null : JsonSerializer.Serialize(after), by, now, channel));
        }
        var oldComments = ReviewerComments ?? new Dictionary<string, string>();
        foreach (var code in oldComments.Keys.Union(comments.Keys).Order(StringComparer.Ordinal))
        {
            var before = oldComments.GetValueOrDefault(code);
            var after = comments.GetValueOrDefault(code);
            if (before == after) continue;
            changes.Add(new SubmissionValueChange(Id, "reviewer-comment." + code,
                before is null ? null : JsonSerializer.Serialize(before), after is null ? null : JsonSerializer.Serialize(after), by, now, channel));
        }
        ReviewerScoresJson = scores.Count == 0 ? null : JsonSerializer.Serialize(scores.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary());
        ReviewerCommentsJson = comments.Count == 0 ? null : JsonSerializer.Serialize(comments.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary());
        Version++;
        return changes;
    }

    private void Decide(string by, DateTimeOffset now)
    {
        DecidedBy = by;
        DecidedAt = now;
        Version++;
    }

    private void Ensure(bool allowed, string action)
    {
        if (!allowed) throw new InvalidTransitionException($"Không thể {action} báo cáo đang ở trạng thái '{StateName(State)}'.");
    }

    public static string StateName(string state) => state switch
    {
        SubmissionStates.Draft => "bản nháp",
        SubmissionStates.Submitted => "đã nộp",
        SubmissionStates.Approved => "đã phê duyệt",
        SubmissionStates.Returned => "bị trả lại",
        _ => state,
    };
}

/// <summary>A transition the submission's state does not allow; the message is Vietnamese.</summary>
public sealed class InvalidTransitionException(string message) : Exception(message);

/// <summary>One changed value: which key, old → new (raw JSON, null when absent), who, when, from which channel.</summary>
public sealed class SubmissionValueChange
{
    private SubmissionValueChange() { }

    public SubmissionValueChange(Guid submissionId, string key, string? oldValue, string? newValue, string changedBy, DateTimeOffset changedAt, string channel)
    {
        Id = Guid.CreateVersion7(changedAt);
        SubmissionId = submissionId;
        Key = key;
        OldValue = oldValue;
        NewValue = newValue;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
        Channel = channel;
    }

    public Guid Id { get; private init; }
    public Guid SubmissionId { get; private init; }
    public string Key { get; private init; } = "";
    public string? OldValue { get; private init; }
    public string? NewValue { get; private init; }
    public string ChangedBy { get; private init; } = "";
    public DateTimeOffset ChangedAt { get; private init; }
    public string Channel { get; private init; } = "";
}
