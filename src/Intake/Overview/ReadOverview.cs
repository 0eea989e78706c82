using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Assignments;
using Platform.Intake.Calendar;
using Platform.DataAndMessaging.People;
using Platform.Intake.Submissions;
using Platform.Intake.Units;
using Platform.Scoring;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Time;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Overview;

/// <summary>
/// <c>GET /api/intake/overview/{framework}/{period}?unit=</c>: the reports of a framework and period whose target is
/// <c>unit</c> (default the caller's own unit), for the caller's subtree only — a province account sees its province, a
/// ministry its ministry; a unit outside the subtree answers 404 and nothing is read about it. Contacts are what intake
/// truly knows: the people who saved or submitted (name and e-mail from their token) and the unit's leaders and
/// reporters who have signed in to intake.
/// </summary>
public static class ReadOverview
{
    public const string Unassigned = "unassigned";
    private const int MaxContacts = 4;

    public static async Task<Results<Ok<ReportingOverview>, ValidationProblem, ProblemHttpResult>> Handle(
        string framework, string period, string? unit, [AsParameters] IntakeServices services, ReportingCalendar calendar,
        FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        var definition = frameworks.Find(framework, null, period);
        if (definition is null)
            return FrameworkProblems.NotInForce(frameworks, framework, period);
        var valid = calendar.Find(framework, period, ReportingLevels.AgencyToProvince, tenant);
        if (!valid.IsFound) return ApiProblems.InvalidByKey(valid.Field, valid.Error);
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);

        var target = string.IsNullOrWhiteSpace(unit) ? caller.Unit : unit.Trim();
        var today = time.TodayInVietnam();
        var targetUnit = await db.VisibleUnits(tenant, caller.Unit, time).AsNoTracking().SingleOrDefaultAsync(u => u.Code == target, ct);
        if (targetUnit is null)
            return ApiProblems.NotFound($"Không tìm thấy đơn vị '{target}' trong phạm vi của bạn.");

        var assignments = await db.Assignments.AsNoTracking().ActiveOn(tenant, today)
            .Where(a => a.FrameworkId == framework && a.TargetUnit == target).ToListAsync(ct);
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.Tenant == tenant && s.FrameworkId == framework && s.Period == period && s.TargetUnit == target).ToListAsync(ct);
        var reporters = assignments.Select(a => a.ReportingUnit).Union(submissions.Select(s => s.ReportingUnit)).Distinct().ToList();
        var names = await db.OrganisationUnits.AsNoTracking().AsOf(tenant, today).Where(u => reporters.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var subjects = submissions.SelectMany(s => new[] { s.LastSavedBy, s.SubmittedBy }).OfType<string>().Distinct().ToList();
        var people = await db.KnownPeople.AsNoTracking()
            .Where(p => p.Tenant == tenant && (reporters.Contains(p.OrgUnit) || subjects.Contains(p.Subject)))
            .OrderByDescending(p => p.LastSeenAt).ToListAsync(ct);

        var now = time.GetUtcNow();
        var order = definition.Inputs.Select((input, index) => (input.Key, index)).ToDictionary(p => p.Key, p => p.index, StringComparer.Ordinal);
        var reports = new List<OverviewReport>();
        foreach (var reporting in reporters)
        {
            var owed = assignments.Where(a => a.ReportingUnit == reporting).ToList();
            var submission = submissions.FirstOrDefault(s => s.ReportingUnit == reporting);
            var keys = owed.Count > 0
                ? owed.SelectMany(a => a.InputKeys).Distinct().OrderBy(k => order.GetValueOrDefault(k, int.MaxValue)).ToList()
                : submission!.Values.Keys.OrderBy(k => order.GetValueOrDefault(k, int.MaxValue)).ToList();
            var role = owed.Count == 0 ? Unassigned
                : owed.Any(a => a.Role == AssignmentRoles.Lead) ? AssignmentRoles.Lead : AssignmentRoles.Cooperating;
            var level = ReportingLevels.Of(reporting, target, assigned: owed.Count > 0);
            var schedule = calendar.Find(framework, period, level, tenant) is { IsFound: true } found ? found.Schedule : valid.Schedule;
            reports.Add(Report(reporting, names.GetValueOrDefault(reporting, reporting), role, keys, schedule, submission, people, now));
        }

        var inputs = definition.Inputs.Select(i => new OverviewInput(i.Key, i.Label,
            assignments.Where(a => a.InputKeys.Contains(i.Key)).Select(a => a.ReportingUnit).Distinct().Order(StringComparer.Ordinal).ToList())).ToList();
        var ordered = reports.OrderBy(r => r.InputKeys.Count == 0 ? int.MaxValue : r.InputKeys.Min(k => order.GetValueOrDefault(k, int.MaxValue)))
            .ThenBy(r => r.ReportingUnitName, StringComparer.Ordinal).ToList();
        var counts = ordered.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        return TypedResults.Ok(new ReportingOverview(framework, definition.Definition.Name, period, target, targetUnit.Name, now,
            inputs, ordered, counts));
    }

    private static OverviewReport Report(string reporting, string name, string role, List<string> keys, PeriodSchedule schedule,
        Submission? submission, List<KnownPerson> people, DateTimeOffset now)
    {
        var status = submission?.State ?? WhatIOwe.NotStarted;
        var overdue = status is not (SubmissionStates.Submitted or SubmissionStates.Approved) && now >= schedule.DueAt;
        var lastSavedBy = Person(people, submission?.LastSavedBy, "saved-last");
        var submittedBy = Person(people, submission?.SubmittedBy, "submitted");
        // Who acted on the report first, then the unit's leaders and reporters intake has seen, most recent first.
        var contacts = new[] { submittedBy, lastSavedBy }.OfType<OverviewPerson>()
            .Concat(people.Where(p => p.OrgUnit == reporting && p.Roles.Contains(PlatformRoles.Leader)).Select(p => View(p, "leader")))
            .Concat(people.Where(p => p.OrgUnit == reporting && p.Roles.Contains(PlatformRoles.Reporter)).Select(p => View(p, "reporter")))
            .Where(p => p.Name is not null || p.Email is not null)
            .DistinctBy(p => (p.Username, p.Email)).Take(MaxContacts).ToList();
        return new OverviewReport(reporting, name, role, keys, schedule.Level, schedule.DueAt,
            VietnamTime.ToVietnam(schedule.DueAt).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), status,
            overdue, overdue ? (int)(now - schedule.DueAt).TotalDays : 0, overdue ? ListOpenObligations.Lateness(now - schedule.DueAt) : null,
            submission?.Late ?? false, submission?.Id, submission?.LastSavedAt, lastSavedBy, submission?.SubmittedAt, submittedBy,
            submission?.DecidedAt, submission?.ReturnReason, contacts);
    }

    private static OverviewPerson? Person(List<KnownPerson> people, string? subject, string relation) =>
        subject is null ? null
        : people.FirstOrDefault(p => p.Subject == subject) is { } known ? View(known, relation)
        : new OverviewPerson(null, null, null, relation);

    private static OverviewPerson View(KnownPerson p, string relation) => new(p.Name, p.Email, p.Username, relation);
}
