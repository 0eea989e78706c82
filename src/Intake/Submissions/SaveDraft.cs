using Platform.Intake.Audit;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Intake.Assignments;
using Platform.Intake.Calendar;
using Platform.DataAndMessaging.People;
using Platform.Intake.Data;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Submissions;

/// <summary>
/// <c>PUT /api/intake/submissions/{framework}/{period}/{targetUnit}</c>: the caller's unit saves the complete
/// set of values it reports for the target unit. The first save creates the draft; later saves need
/// <c>If-Match</c> with the version being edited. <see cref="SaveValuesAsync"/> is the one way values are saved,
/// shared with the Excel import and the machine API.
/// </summary>
public static class SaveDraft
{
    public const int MaxTextLength = 4000;

    public static async Task<Results<Ok<SubmissionView>, Created<SubmissionView>, ValidationProblem, ProblemHttpResult>> Handle(
        string framework, string period, string targetUnit, SaveDraftRequest body, [AsParameters] IntakeServices services,
        ReportingCalendar calendar, HttpRequest request, HttpResponse response, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);

        var definition = frameworks.Find(framework, null, period);
        if (definition is null)
            return FrameworkProblems.NotInForce(frameworks, framework, period);
        var schedule = calendar.Find(framework, period, ReportingLevels.AgencyToProvince, tenant);
        if (!schedule.IsFound) return ApiProblems.InvalidByKey(schedule.Field, schedule.Error);

        var save = new DraftValues(definition, period, targetUnit, body.Values, body.Comments, caller.Channel);
        var saved = await SaveValuesAsync(db, tenant, caller, save, time, ct, existing =>
        {
            var precondition = SubmissionHttp.CheckIfMatch(request, existing, required: true);
            return precondition == Precondition.Met ? null : SubmissionHttp.PreconditionProblem(precondition, response, existing);
        });
        if (saved.Invalid is { } problems) return ApiProblems.InvalidByKey(problems);
        if (saved.Refusal is { } refusal) return refusal;
        var submission = saved.Submission!;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await Stale(db, submission.Id, response, ct);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            return ApiProblems.Conflict("Báo cáo này vừa được tạo từ một phiên khác; vui lòng tải lại rồi lưu với If-Match.");
        }

        response.Headers.ETag = SubmissionHttp.ETagOf(submission);
        var view = SubmissionView.Of(submission);
        return saved.Created ? TypedResults.Created($"/api/intake/submissions/{submission.Id}", view) : TypedResults.Ok(view);
    }

    /// <summary>
    /// Checks and stages (does not save) what <paramref name="caller"/>'s unit reports for <see cref="DraftValues.TargetUnit"/>:
    /// scope and assignment, the values against the framework, create-or-edit of the draft, the value history with
    /// the channel, and the audit lines. The caller saves, so several units can go in one transaction; on a refusal
    /// nothing is staged. <paramref name="precondition"/> may refuse an existing submission before it is edited.
    /// </summary>
    internal static async Task<SavedValues> SaveValuesAsync(IntakeDbContext db, string tenant, Caller caller, DraftValues save,
        TimeProvider time, CancellationToken ct, Func<Submission, ProblemHttpResult?>? precondition = null)
    {
        var (definition, period, targetUnit) = (save.Definition, save.Period, save.TargetUnit);
        // The rule submitting applies too: a draft the unit could never hand in is never created.
        var right = await ReportingRights.CheckAsync(db, tenant, caller.Unit, definition.Id, targetUnit, time, ct);
        if (right.Refusal is { } refusal) return SavedValues.Refused(SubmissionHttp.Refused(refusal));

        if (save.Values is null) return SavedValues.Rejected("values", "Thiếu danh sách giá trị (values).");
        if (save.Comments is { Length: > MaxTextLength })
            return SavedValues.Rejected("comments", $"Ghi chú không được dài quá {MaxTextLength} ký tự.");
        if (save.Values.Keys.Where(k => !right.Allows(k)).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } foreign)
            return new SavedValues { Invalid = foreign.ToDictionary(k => k, k => new[] { right.KeyProblem(definition, k) }) };

        var submission = await db.Submissions.SingleOrDefaultAsync(s =>
            s.Tenant == tenant && s.FrameworkId == definition.Id && s.Period == period
            && s.ReportingUnit == caller.Unit && s.TargetUnit == targetUnit, ct);
        // A null value means "not reported": it is simply not stored.
        var values = save.Values.Where(v => v.Value.ValueKind != JsonValueKind.Null).ToDictionary(StringComparer.Ordinal);
        if (save.Replacing is { } replacing && submission is not null)
        {
            foreach (var (key, value) in submission.Values)
                if (!(replacing.Contains(key) && right.Allows(key))) values.TryAdd(key, value);
        }
        var problems = ValueValidation.Validate(definition, period, targetUnit, values);
        if (problems.Count > 0) return new SavedValues { Invalid = problems };

        // Nothing to keep: an import row left empty for a unit without a draft creates none.
        if (submission is null && values.Count == 0 && !save.WriteWhenUnchanged) return new SavedValues();
        var comments = save.Replacing is null ? save.Comments : submission?.Comments;
        var now = time.GetUtcNow();
        var created = submission is null;
        if (submission is null)
        {
            submission = Submission.Start(tenant, definition.Id, definition.Version, period, caller.Unit, targetUnit, caller.Subject, now);
            db.Submissions.Add(submission);
            db.AuditEntries.Add(SubmissionAudit.Entry("created", submission.Id, caller.Subject, now, save.Channel));
        }
        else
        {
            if (precondition?.Invoke(submission) is { } refused) return SavedValues.Refused(refused);
            // Asking for what is already stored is no edit, so it is answered even once the submission is handed in.
            if (!save.WriteWhenUnchanged && comments == submission.Comments && SameValues(submission.Values, values))
                return new SavedValues { Submission = submission, CheckedAgainst = definition, Right = right };
            if (!submission.IsEditable)
                return SavedValues.Refused(ApiProblems.Conflict($"Báo cáo đang ở trạng thái '{Submission.StateName(submission.State)}', không thể chỉnh sửa."));
        }

        var changes = submission.Edit(values, comments, caller.Subject, save.Channel, now);
        db.SubmissionValueChanges.AddRange(changes);
        db.AuditEntries.Add(SubmissionAudit.Entry("edited", submission.Id, caller.Subject, now,
            changes.Count == 0 ? "không đổi giá trị" : "đổi: " + string.Join(", ", changes.Select(c => c.Key))));
        return new SavedValues { Submission = submission, Created = created, Written = true, CheckedAgainst = definition, Right = right };
    }

    internal static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static bool SameValues(IReadOnlyDictionary<string, JsonElement> a, Dictionary<string, JsonElement> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v.GetRawText() == p.Value.GetRawText());

    /// <summary>Someone saved between our read and our write: answer 412 with the version now stored.</summary>
    internal static async Task<ProblemHttpResult> Stale(IntakeDbContext db, Guid id, HttpResponse response, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        return SubmissionHttp.PreconditionProblem(Precondition.Failed, response, current);
    }
}

/// <summary>
/// One unit's values to save through <see cref="SaveDraft.SaveValuesAsync"/>. <see cref="Values"/> may hold JSON
/// nulls ("not reported"). With <see cref="Replacing"/> null they are the complete set and <see cref="Comments"/>
/// replaces the comments; otherwise only the keys in <see cref="Replacing"/> are replaced (absent = cleared), the
/// other stored values and the comments stay (an import of some columns).
/// </summary>
internal sealed record DraftValues(
    CompiledFramework Definition, string Period, string TargetUnit,
    IReadOnlyDictionary<string, JsonElement>? Values, string? Comments, string Channel)
{
    public IReadOnlySet<string>? Replacing { get; init; }

    /// <summary>True (the web's behaviour): a save with nothing changed still makes a new version.</summary>
    public bool WriteWhenUnchanged { get; init; } = true;
}

/// <summary>
/// The outcome of <see cref="SaveDraft.SaveValuesAsync"/>: staged (<see cref="Written"/>), already as asked
/// (<see cref="Submission"/> set, nothing staged), rejected values keyed by input (<see cref="Invalid"/>, a 400),
/// or refused (<see cref="Refusal"/>: 404, 409, 412, 428).
/// </summary>
internal sealed record SavedValues
{
    public Submission? Submission { get; init; }

    /// <summary>
    /// The version <see cref="Submission"/>'s values were checked against while saving: submitting them in the same
    /// request does not check them again.
    /// </summary>
    public CompiledFramework? CheckedAgainst { get; init; }

    /// <summary>
    /// The reporting right the values were saved under (with <see cref="Submission"/>): submitting them in the same request
    /// and transaction does not read it again.
    /// </summary>
    public ReportingRight? Right { get; init; }
    public bool Created { get; init; }
    public bool Written { get; init; }
    public Dictionary<string, string[]>? Invalid { get; init; }
    public ProblemHttpResult? Refusal { get; init; }

    public static SavedValues Refused(ProblemHttpResult problem) => new() { Refusal = problem };

    public static SavedValues Rejected(string key, string message) => new() { Invalid = new() { [key] = [message] } };
}
