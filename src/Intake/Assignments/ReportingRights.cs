using Microsoft.EntityFrameworkCore;
using Platform.Intake.Calendar;
using Platform.Intake.Data;
using Platform.Intake.Units;
using Platform.Scoring.Engine;

namespace Platform.Intake.Assignments;

/// <summary>On what footing a unit reports (or may not report) a framework for a target unit.</summary>
public enum ReportingBasis
{
    /// <summary>Assignments in force give the unit these inputs for the target.</summary>
    Assigned,

    /// <summary>Nobody is assigned the framework for the target, which lies in the unit's subtree: every input (self-assessment).</summary>
    SelfReported,

    /// <summary>The target lies in the unit's subtree, but the framework's inputs for it are assigned to other units.</summary>
    AssignedToOthers,

    /// <summary>Neither assigned nor in the unit's subtree: answered as "not found", revealing nothing about the target.</summary>
    OutOfScope,
}

/// <summary>A unit assigned inputs of the framework for the target, by name.</summary>
public sealed record InputOwner(string Unit, string Name, IReadOnlyList<string> Keys);

/// <summary>Why a unit may not create or submit a report: status, Vietnamese title and detail.</summary>
public sealed record ReportingRefusal(int Status, string Title, string Detail);

/// <summary>
/// The answer of <see cref="ReportingRights.CheckAsync"/>: may the unit report the framework for the target, which inputs,
/// at which level (deadline), and who owns the other inputs. The same answer governs creating a draft (web form, Excel,
/// machine API) and submitting it, so a report that could never be handed in is never created.
/// </summary>
public sealed record ReportingRight(
    ReportingBasis Basis, string ReportingUnit, string TargetUnit, string TargetName,
    IReadOnlySet<string>? AssignedKeys, IReadOnlyList<InputOwner> Owners)
{
    public bool MayReport => Basis is ReportingBasis.Assigned or ReportingBasis.SelfReported;

    /// <summary>Whether the unit may report <paramref name="key"/>: every input when self-reported, else an assigned one.</summary>
    public bool Allows(string key) => Basis == ReportingBasis.SelfReported || (Basis == ReportingBasis.Assigned && AssignedKeys!.Contains(key));

    /// <summary>The reporting level whose deadline applies (<see cref="ReportingLevels.Of"/>).</summary>
    public string Level => ReportingLevels.Of(ReportingUnit, TargetUnit, Basis == ReportingBasis.Assigned);

    /// <summary>Why an input the unit may not report is refused: the input by its label, and who reports it.</summary>
    public string KeyProblem(CompiledFramework definition, string key)
    {
        var owner = Owners.FirstOrDefault(o => o.Unit != ReportingUnit && o.Keys.Contains(key));
        var label = definition.Slots.TryGetValue(key, out var slot) ? slot.Input.Label : $"Chỉ số '{key}'";
        return $"{label}: chỉ số này không được giao cho đơn vị của bạn báo cáo cho {TargetName}"
               + (owner is null ? "; chưa đơn vị nào được giao chỉ số này." : $"; chỉ số này do {owner.Name} báo cáo.");
    }

    /// <summary>What a person reads when handing in a report for a target their unit may no longer report on.</summary>
    public string NoLongerAssigned =>
        $"Đơn vị của bạn không còn được giao báo cáo khung này cho {TargetName}, nên không nộp được báo cáo này.";

    /// <summary>Null when the unit may report; otherwise the refusal (404 out of scope, 403 assigned to others).</summary>
    public ReportingRefusal? Refusal => Basis switch
    {
        // The same answer whether the target exists elsewhere or not at all: nothing about other provinces leaks.
        ReportingBasis.OutOfScope => new(404, "Không tìm thấy",
            $"Không tìm thấy đơn vị '{TargetUnit}' trong phạm vi đơn vị của bạn, hoặc đơn vị của bạn không được giao báo cáo cho đơn vị này."),
        ReportingBasis.AssignedToOthers => new(403, "Không được giao báo cáo",
            $"Đơn vị của bạn không được giao chỉ tiêu nào của khung này để báo cáo cho {TargetName}; "
            + $"các chỉ tiêu được giao cho: {string.Join("; ", Owners.Select(o => $"{o.Name} ({string.Join(", ", Indicators(o.Keys))})"))}. "
            + "Báo cáo do đơn vị được giao lập và nộp; tình hình nộp xem ở trang “Tình hình báo cáo”."),
        _ => null,
    };

    /// <summary>The indicators the inputs belong to, as the documents name them: <c>A.due</c> → A, <c>C1.records</c> → C1.</summary>
    private static IEnumerable<string> Indicators(IEnumerable<string> keys) =>
        keys.Select(k => k.LastIndexOf('.') is > 0 and var dot ? k[..dot] : k).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// The one rule for who may report what (docs/intake.md, "Who may report what"), read by every path that writes or
/// hands in values — the web form (save and submit), the machine API, the Excel template and import — so that no path
/// makes a draft another refuses to hand in:
/// <list type="bullet">
/// <item>a unit with assignments in force of the framework for the target reports exactly their inputs;</item>
/// <item>when the framework is assigned to other units for that target, a unit whose subtree holds the target (the
/// province itself) may not report it: its inputs belong to the assigned agencies (seed 000);</item>
/// <item>when nobody is assigned the framework for the target, a unit whose subtree holds it reports every input
/// (self-assessment, e.g. a commune's rubric);</item>
/// <item>otherwise the target is out of scope (404).</item>
/// </list>
/// </summary>
public static class ReportingRights
{
    public static async Task<ReportingRight> CheckAsync(IntakeDbContext db, string tenant, string reportingUnit, string framework,
        string targetUnit, TimeProvider time, CancellationToken ct)
    {
        var today = time.TodayInVietnam();
        var assignments = await db.Assignments.AsNoTracking().ActiveOn(tenant, today)
            .Where(a => a.FrameworkId == framework && a.TargetUnit == targetUnit)
            .Select(a => new { a.ReportingUnit, a.InputKeys }).ToListAsync(ct);
        var mine = assignments.Where(a => a.ReportingUnit == reportingUnit).SelectMany(a => a.InputKeys).ToHashSet(StringComparer.Ordinal);
        // Walking up from the target through units in force today is asking VisibleUnits, without walking down through the
        // reporting unit's whole subtree (docs/intake.md, "Performance").
        var inSubtree = mine.Count == 0 && await db.IsInSubtreeAsync(tenant, reportingUnit, targetUnit, today, ct);

        var basis = mine.Count > 0 ? ReportingBasis.Assigned
            : !inSubtree ? ReportingBasis.OutOfScope
            : assignments.Count == 0 ? ReportingBasis.SelfReported
            : ReportingBasis.AssignedToOthers;
        if (basis is ReportingBasis.OutOfScope or ReportingBasis.SelfReported)
            return new ReportingRight(basis, reportingUnit, targetUnit, targetUnit, null, []);

        var codes = assignments.Select(a => a.ReportingUnit).Append(targetUnit).Distinct().ToList();
        var names = await db.OrganisationUnits.AsNoTracking().AsOf(tenant, today).Where(u => codes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var owners = assignments.GroupBy(a => a.ReportingUnit, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new InputOwner(g.Key, names.GetValueOrDefault(g.Key, g.Key), [.. g.SelectMany(a => a.InputKeys).Distinct()]))
            .ToList();
        return new ReportingRight(basis, reportingUnit, targetUnit, names.GetValueOrDefault(targetUnit, targetUnit),
            basis == ReportingBasis.Assigned ? mine : null, owners);
    }

    /// <summary>
    /// The targets <paramref name="reportingUnit"/> reports inputs of <paramref name="definition"/> for, each with those
    /// inputs in definition order and its right: every target of its assignments in force; a unit without any
    /// assignment of the framework reports every input for itself only when nobody else is assigned it for the unit
    /// (a province whose inputs belong to its agencies owes nothing itself).
    /// </summary>
    public static async Task<List<OwedTarget>> OwedAsync(IntakeDbContext db, string tenant, string reportingUnit, CompiledFramework definition,
        TimeProvider time, CancellationToken ct)
    {
        var targets = await db.Assignments.AsNoTracking().ActiveOn(tenant, time.TodayInVietnam())
            .Where(a => a.FrameworkId == definition.Id && a.ReportingUnit == reportingUnit)
            .Select(a => a.TargetUnit).Distinct().OrderBy(t => t).ToListAsync(ct);
        if (targets.Count == 0) targets = [reportingUnit];
        var owed = new List<OwedTarget>();
        foreach (var target in targets)
        {
            var right = await CheckAsync(db, tenant, reportingUnit, definition.Id, target, time, ct);
            if (right.MayReport) owed.Add(new OwedTarget(right, [.. definition.Inputs.Select(i => i.Key).Where(right.Allows)]));
        }
        return owed;
    }
}

/// <summary>A target a unit reports for, its right there, and the inputs it reports, in the framework's order.</summary>
public sealed record OwedTarget(ReportingRight Right, IReadOnlyList<string> InputKeys)
{
    public string Target => Right.TargetUnit;
}
