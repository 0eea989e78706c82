using Platform.Contracts;
using Platform.Intake.Assignments;
using OwedReport = Platform.Contracts.OwedReport;
using Platform.Intake.Calendar;

namespace Platform.Intake.Obligations;

/// <summary>A period being announced: its version in force and its schedule at each level whose announcement window is open.</summary>
public sealed record AnnouncedPeriod(string FrameworkId, string Period, string FrameworkVersion, DateOnly DataTo, IReadOnlyDictionary<string, PeriodSchedule> Levels);

/// <summary>What the announcer reads of an assignment in force.</summary>
public sealed record AssignmentInForce(string FrameworkId, string ReportingUnit, string TargetUnit, string Role, string[] InputKeys, DateOnly ValidFrom);

/// <summary>
/// Groups the assignments in force into the owed sets of each period, in memory, the way "what do I owe" reads them
/// (<c>Assignments/Obligations.cs</c>): one report per (reporting unit, target unit), lead when any of its assignments
/// leads, at the level <see cref="ReportingLevels.Of"/> gives an assigned report; an assignment owes the periods from
/// the one that holds its first day. The overseeing unit is the target when an agency reports for another unit, else
/// the reporting unit's parent; a unit without one (the national root, or a unit no longer in the directory) has
/// nobody to report to and is left out.
/// </summary>
public static class OwedSets
{
    public static List<OwedSet> Group(IEnumerable<AnnouncedPeriod> periods, IReadOnlyList<AssignmentInForce> assignments,
        IReadOnlyDictionary<string, string?> parents)
    {
        var byFramework = assignments.ToLookup(a => a.FrameworkId, StringComparer.Ordinal);
        var sets = new List<OwedSet>();
        foreach (var period in periods)
        {
            var groups = new Dictionary<OwedSetKey, List<OwedReport>>();
            var owed = byFramework[period.FrameworkId].Where(a => a.ValidFrom <= period.DataTo)
                .GroupBy(a => (a.ReportingUnit, a.TargetUnit));
            foreach (var report in owed)
            {
                var (reporting, target) = report.Key;
                var level = ReportingLevels.Of(reporting, target, assigned: true);
                if (!period.Levels.ContainsKey(level)) continue;
                var overseeing = reporting != target ? target : parents.GetValueOrDefault(reporting);
                if (overseeing is null) continue;
                var key = new OwedSetKey(period.FrameworkId, period.Period, level, overseeing);
                if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
                var role = report.Any(a => a.Role == AssignmentRoles.Lead) ? AssignmentRoles.Lead : AssignmentRoles.Cooperating;
                list.Add(new OwedReport(reporting, target, role, [.. report.SelectMany(a => a.InputKeys).Distinct().Order(StringComparer.Ordinal)]));
            }
            sets.AddRange(groups.Select(g => new OwedSet(g.Key, period.FrameworkVersion, period.Levels[g.Key.Level].DueAt,
                [.. g.Value.OrderBy(r => r.ReportingUnit, StringComparer.Ordinal).ThenBy(r => r.TargetUnit, StringComparer.Ordinal)])));
        }
        return sets;
    }
}
