using Microsoft.EntityFrameworkCore;
using Platform.Intake.Calendar;
using Platform.Intake.Data;
using Platform.Intake.Submissions;
using Platform.Intake.Units;
using Platform.Scoring;

namespace Platform.Intake.Assignments;

/// <summary>
/// One report a unit owes: (framework, period, target) with the inputs it reports, its role, the deadline at its level
/// and the state of its submission (null: not started). <see cref="Role"/> is <see cref="SelfReported"/> for a report the
/// unit started without an assignment (<see cref="ReportingBasis.SelfReported"/>), listed so that it is never lost.
/// </summary>
internal sealed record OwedReport(
    string Framework, string Period, string TargetUnit, string Role, IReadOnlyList<string> InputKeys,
    IReadOnlyDictionary<string, string> RoleOf, PeriodSchedule Schedule, SubmissionState? Submission)
{
    public const string SelfReported = "self";

    public string Status => Submission?.State ?? WhatIOwe.NotStarted;
}

/// <summary>What the obligation lists need of a submission.</summary>
internal sealed record SubmissionState(
    Guid Id, string Framework, string Period, string TargetUnit, string State, string? ReturnReason, bool Late, DateTimeOffset? SubmittedAt);

/// <summary>
/// What a unit owes, from its assignments in force (<see cref="ReportingRights"/>: the same assignments that let it save
/// and submit) plus the reports it started on its own. Shared by "what do I owe" for one period and the list of every
/// open obligation across periods.
/// </summary>
internal static class Obligations
{
    /// <summary>The unit's reports of one period: each target of its assignments, then its own reports without one.</summary>
    public static async Task<(List<OwedReport> Reports, string? Error)> ForPeriodAsync(IntakeDbContext db, FrameworkCatalog frameworks, string tenant, string unit,
        string framework, string period, ReportingCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        var valid = calendar.Find(framework, period, ReportingLevels.AgencyToProvince, tenant);
        if (!valid.IsFound) return ([], valid.Error);
        var assignments = await AssignmentsOfAsync(db, tenant, unit, framework, time, ct);
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.Tenant == tenant && s.ReportingUnit == unit && s.FrameworkId == framework && s.Period == period)
            .Select(Project).ToListAsync(ct);
        var reports = assignments.GroupBy(a => a.TargetUnit)
            .Select(g => Report(framework, period, g.Key, g.ToList(), unit, submissions, calendar, tenant)!).ToList();
        reports.AddRange(SelfReported(frameworks, submissions.Where(s => assignments.All(a => a.TargetUnit != s.TargetUnit)), unit, calendar, tenant));
        return (reports, null);
    }

    /// <summary>
    /// Every report the unit still has to hand in, of every period from each assignment's start (and the framework's
    /// first version) up to the periods open now, plus its own unapproved reports without an assignment. Approved
    /// reports are done; submitted ones await review and are listed as such.
    /// </summary>
    public static async Task<List<OwedReport>> OpenAsync(IntakeDbContext db, FrameworkCatalog frameworks, string tenant, string unit, string? framework,
        ReportingCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        var assignments = await AssignmentsOfAsync(db, tenant, unit, framework, time, ct);
        var query = db.Submissions.AsNoTracking().Where(s => s.Tenant == tenant && s.ReportingUnit == unit);
        if (framework is not null) query = query.Where(s => s.FrameworkId == framework);
        var submissions = await query.Select(Project).ToListAsync(ct);

        var reports = new List<OwedReport>();
        foreach (var group in assignments.GroupBy(a => (a.FrameworkId, a.TargetUnit)))
        {
            var from = group.Min(a => a.ValidFrom);
            foreach (var period in calendar.OpenedPeriods(group.Key.FrameworkId, from, tenant))
            {
                if (frameworks.Find(group.Key.FrameworkId, null, period) is null) continue;
                if (Report(group.Key.FrameworkId, period, group.Key.TargetUnit, group.ToList(), unit, submissions, calendar, tenant) is { } report)
                    reports.Add(report);
            }
        }
        var assigned = assignments.Select(a => (a.FrameworkId, a.TargetUnit)).ToHashSet();
        reports.AddRange(SelfReported(frameworks, submissions.Where(s => !assigned.Contains((s.Framework, s.TargetUnit))), unit, calendar, tenant));
        return reports.Where(r => r.Status != SubmissionStates.Approved).ToList();
    }

    private static Task<List<Assignment>> AssignmentsOfAsync(IntakeDbContext db, string tenant, string unit, string? framework,
        TimeProvider time, CancellationToken ct)
    {
        var query = db.Assignments.AsNoTracking().ActiveOn(tenant, time.TodayInVietnam()).Where(a => a.ReportingUnit == unit);
        if (framework is not null) query = query.Where(a => a.FrameworkId == framework);
        return query.OrderBy(a => a.FrameworkId).ThenBy(a => a.TargetUnit).ThenBy(a => a.ValidFrom).ToListAsync(ct);
    }

    private static OwedReport? Report(string framework, string period, string target, List<Assignment> owed, string unit,
        List<SubmissionState> submissions, ReportingCalendar calendar, string tenant)
    {
        var schedule = Schedule(calendar, framework, period, ReportingLevels.Of(unit, target, assigned: true), tenant);
        if (schedule is null) return null;
        // Lead before cooperating: an input both leads and cooperates on is led.
        var roleOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in owed.OrderBy(a => a.Role == AssignmentRoles.Lead ? 0 : 1))
            foreach (var key in a.InputKeys) roleOf.TryAdd(key, a.Role);
        var role = owed.Any(a => a.Role == AssignmentRoles.Lead) ? AssignmentRoles.Lead : AssignmentRoles.Cooperating;
        var submission = submissions.FirstOrDefault(s => s.Framework == framework && s.Period == period && s.TargetUnit == target);
        return new OwedReport(framework, period, target, role, [.. roleOf.Keys], roleOf, schedule, submission);
    }

    private static IEnumerable<OwedReport> SelfReported(FrameworkCatalog frameworks, IEnumerable<SubmissionState> submissions, string unit, ReportingCalendar calendar, string tenant)
    {
        foreach (var s in submissions.Where(s => s.State != SubmissionStates.Approved))
        {
            var definition = frameworks.Find(s.Framework, null, s.Period);
            var schedule = Schedule(calendar, s.Framework, s.Period, ReportingLevels.Of(unit, s.TargetUnit, assigned: false), tenant);
            if (definition is null || schedule is null) continue;
            var keys = definition.Inputs.Select(i => i.Key).ToList();
            yield return new OwedReport(s.Framework, s.Period, s.TargetUnit, OwedReport.SelfReported, keys,
                keys.ToDictionary(k => k, _ => OwedReport.SelfReported, StringComparer.Ordinal), schedule, s);
        }
    }

    /// <summary>The schedule at <paramref name="level"/>, or the agencies' one when the framework has no deadline for that level.</summary>
    private static PeriodSchedule? Schedule(ReportingCalendar calendar, string framework, string period, string level, string tenant)
    {
        var found = calendar.Find(framework, period, level, tenant);
        if (!found.IsFound) found = calendar.Find(framework, period, ReportingLevels.AgencyToProvince, tenant);
        return found.Schedule;
    }

    private static readonly System.Linq.Expressions.Expression<Func<Submission, SubmissionState>> Project = s =>
        new SubmissionState(s.Id, s.FrameworkId, s.Period, s.TargetUnit, s.State, s.ReturnReason, s.Late, s.SubmittedAt);
}
