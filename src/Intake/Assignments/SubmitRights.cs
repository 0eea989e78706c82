using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.Intake.Units;
using Platform.Scoring.Engine;

namespace Platform.Intake.Assignments;

/// <summary>
/// The one rule of what a unit may report, and so hand in, for a target unit under a framework — read by every path
/// that writes or submits values (the web <c>PUT</c> through <c>SaveDraft.SaveValuesAsync</c>, the Excel template and
/// import, the machine API, <c>SubmitSubmission</c>), so that no path makes a draft another refuses to hand in.
/// Today: a unit reports any input of a unit in its own subtree (itself included); for any other unit, only the inputs
/// an assignment of the framework in force today gives it for that unit.
/// </summary>
public static class SubmitRights
{
    /// <summary>What <paramref name="reportingUnit"/> may report for <paramref name="targetUnit"/>; null when nothing at all.</summary>
    public static async Task<ReportScope?> ScopeAsync(IntakeDbContext db, string tenant, string reportingUnit, string framework,
        string targetUnit, TimeProvider time, CancellationToken ct)
    {
        if (await db.VisibleUnits(tenant, reportingUnit, time).AnyAsync(u => u.Code == targetUnit, ct)) return ReportScope.Everything;
        var assigned = await db.Assignments.AsNoTracking().ActiveOn(tenant, time.TodayInVietnam())
            .Where(a => a.FrameworkId == framework && a.ReportingUnit == reportingUnit && a.TargetUnit == targetUnit)
            .Select(a => a.InputKeys).ToListAsync(ct);
        return assigned.Count == 0 ? null : new ReportScope(assigned.SelectMany(k => k).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Checks <paramref name="keys"/> against the rule: <see cref="SubmitCheck.TargetAllowed"/> false when the unit may
    /// report nothing for the target, else the keys it may not report (empty when all are allowed).
    /// </summary>
    public static async Task<SubmitCheck> CheckAsync(IntakeDbContext db, string tenant, string reportingUnit, string framework,
        string targetUnit, IEnumerable<string> keys, TimeProvider time, CancellationToken ct) =>
        await ScopeAsync(db, tenant, reportingUnit, framework, targetUnit, time, ct) is { } scope
            ? new SubmitCheck(true, [.. keys.Where(k => !scope.Allows(k)).Order(StringComparer.Ordinal)])
            : new SubmitCheck(false, []);

    /// <summary>
    /// The targets <paramref name="reportingUnit"/> reports inputs of <paramref name="definition"/> for, with those inputs
    /// in definition order: each target of its assignments in force (their inputs together); a unit without any
    /// assignment for the framework reports every input for itself (its own subtree).
    /// </summary>
    public static async Task<List<OwedTarget>> OwedAsync(IntakeDbContext db, string tenant, string reportingUnit, CompiledFramework definition,
        TimeProvider time, CancellationToken ct)
    {
        var assignments = await db.Assignments.AsNoTracking().ActiveOn(tenant, time.TodayInVietnam())
            .Where(a => a.FrameworkId == definition.Id && a.ReportingUnit == reportingUnit)
            .Select(a => new { a.TargetUnit, a.InputKeys }).ToListAsync(ct);
        if (assignments.Count == 0)
            return [new OwedTarget(reportingUnit, [.. definition.Inputs.Select(i => i.Key)], ByAssignment: false)];
        return [.. assignments.GroupBy(a => a.TargetUnit, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var keys = g.SelectMany(a => a.InputKeys).ToHashSet(StringComparer.Ordinal);
            return new OwedTarget(g.Key, [.. definition.Inputs.Select(i => i.Key).Where(keys.Contains)], ByAssignment: true);
        })];
    }

    /// <summary>"{label}: chỉ số này không được giao …": what a person reads about an input their unit may not report.</summary>
    public static string NotAssigned(CompiledFramework definition, string key, string reportingUnit, string targetUnit) =>
        $"{(definition.Slots.TryGetValue(key, out var slot) ? slot.Input.Label : $"Chỉ số '{key}'")}: chỉ số này không được giao cho đơn vị của bạn ({reportingUnit}) báo cáo cho '{targetUnit}'.";

    /// <summary>What a person reads when handing in a report for a target their unit may no longer report on.</summary>
    public static string NoLongerAssigned(string reportingUnit, string targetUnit) =>
        $"Đơn vị của bạn ({reportingUnit}) không còn được giao báo cáo cho '{targetUnit}' trong khung này, nên không nộp được báo cáo này.";

    /// <summary>What a person reads when their unit may report nothing for the target (the same whether or not the target exists).</summary>
    public static string NoTarget(string reportingUnit, string targetUnit) =>
        $"Không tìm thấy đơn vị '{targetUnit}' trong phạm vi đơn vị của bạn ({reportingUnit}), hoặc đơn vị của bạn không được giao báo cáo cho đơn vị này.";
}

/// <summary>Inputs a unit may report for a target: all (<see cref="AssignedKeys"/> null) or the assigned ones.</summary>
public sealed record ReportScope(IReadOnlySet<string>? AssignedKeys)
{
    public static readonly ReportScope Everything = new((IReadOnlySet<string>?)null);

    public bool Allows(string key) => AssignedKeys is null || AssignedKeys.Contains(key);
}

/// <summary>The outcome of <see cref="SubmitRights.CheckAsync"/>: whether the target may be reported on at all, and the keys that may not.</summary>
public sealed record SubmitCheck(bool TargetAllowed, IReadOnlyList<string> NotAllowed)
{
    public bool Allowed => TargetAllowed && NotAllowed.Count == 0;
}

/// <summary>A target a unit reports for and the inputs it reports (<see cref="ByAssignment"/>: given by an assignment, not its own subtree).</summary>
public sealed record OwedTarget(string Target, IReadOnlyList<string> InputKeys, bool ByAssignment);
