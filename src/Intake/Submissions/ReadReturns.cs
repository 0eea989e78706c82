using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Intake.Audit;
using Platform.Intake.Data;

namespace Platform.Intake.Submissions;

/// <summary>One time a reviewer returned the submission: when, why, and the values as they stood when it was returned.</summary>
public sealed record SubmissionReturn(DateTimeOffset ReturnedAt, string ReturnedBy, string? Reason, IReadOnlyDictionary<string, JsonElement> Values);

/// <summary>
/// <c>GET /api/intake/submissions/{id}/returns</c>, newest first: so a reviewer reading a resubmission sees what changed
/// against the version they returned and why they returned it. Built from the audit log (the return and its reason) and
/// the value history (every edit after the return is undone to recover the returned values); nothing is stored twice.
/// </summary>
public static class ReadReturns
{
    public static async Task<Results<Ok<IReadOnlyList<SubmissionReturn>>, ProblemHttpResult>> Handle(
        Guid id, IntakeDbContext db, ClaimsPrincipal user, IOptions<IntakeOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (Caller.From(user) is not { } caller) return SubmissionHttp.NoUnit();
        var submission = await db.VisibleOrOwn(options.Value.Tenant, caller.Unit, time).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null) return SubmissionHttp.NotFound();

        var entityId = id.ToString();
        var returns = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == AuditEntities.Submission && a.EntityId == entityId && a.Action == "returned")
            .OrderByDescending(a => a.At).ToListAsync(ct);
        if (returns.Count == 0) return TypedResults.Ok<IReadOnlyList<SubmissionReturn>>([]);
        var oldest = returns[^1].At;
        var edits = await db.SubmissionValueChanges.AsNoTracking()
            .Where(c => c.SubmissionId == id && c.ChangedAt > oldest && !c.Key.StartsWith("reviewer."))
            .OrderBy(c => c.ChangedAt).ToListAsync(ct);

        var result = returns.Select(r => new SubmissionReturn(r.At, r.By, r.Detail, ValuesAt(submission.Values, edits, r.At))).ToList();
        return TypedResults.Ok<IReadOnlyList<SubmissionReturn>>(result);
    }

    /// <summary>The values at <paramref name="at"/>: today's values with every later edit undone (its first old value wins).</summary>
    public static IReadOnlyDictionary<string, JsonElement> ValuesAt(
        IReadOnlyDictionary<string, JsonElement> current, IReadOnlyList<SubmissionValueChange> editsOldestFirst, DateTimeOffset at)
    {
        var values = current.ToDictionary(StringComparer.Ordinal);
        var undone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edit in editsOldestFirst.Where(e => e.ChangedAt > at))
        {
            if (!undone.Add(edit.Key)) continue;
            if (edit.OldValue is null) values.Remove(edit.Key);
            else values[edit.Key] = JsonDocument.Parse(edit.OldValue).RootElement.Clone();
        }
        return values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
    }
}
