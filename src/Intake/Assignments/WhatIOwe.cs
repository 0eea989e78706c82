using Platform.ServiceDefaults.Time;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Calendar;
using Platform.DataAndMessaging.People;
using Platform.Intake.Submissions;
using Platform.Intake.Units;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Assignments;

/// <summary>One input the caller's unit owes for a period.</summary>
public sealed record OwedInput(
    string Key, string Label, string TargetUnit, string Role,
    DateTimeOffset DueAt, string DueAtVietnam, string Status, string? ReturnReason, Guid? SubmissionId,
    JsonElement? PreviousValue, string? TargetName = null);

public sealed record OwedInputs(string Framework, string Period, string ReportingUnit, IReadOnlyList<OwedInput> Inputs);

/// <summary>
/// <c>GET /api/intake/assignments/mine?framework=&amp;period=</c> — "what do I owe?": for the caller's unit, each
/// assigned input with its deadline, the state of the matching submission and the value approved for the previous
/// period; then the inputs of reports the unit started without an assignment (role <c>self</c>), so none is lost.
/// </summary>
public static class WhatIOwe
{
    public const string NotStarted = "not-started";

    public static async Task<Results<Ok<OwedInputs>, ValidationProblem, ProblemHttpResult>> Handle(
        string framework, string period, [AsParameters] IntakeServices services, ReportingCalendar calendar, FrameworkCatalog frameworks,
        CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        var definition = frameworks.Find(framework, null, period);
        if (definition is null)
            return FrameworkProblems.NotInForce(frameworks, framework, period);
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);

        var (reports, error) = await Obligations.ForPeriodAsync(db, frameworks, tenant, caller.Unit, framework, period, calendar, time, ct);
        if (error is not null) return ApiProblems.InvalidByKey("period", error);
        var targets = reports.Select(r => r.TargetUnit).Distinct().ToList();
        var names = await db.OrganisationUnits.AsNoTracking().AsOf(tenant, time.TodayInVietnam()).Where(u => targets.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var previousPeriod = Previous(period);
        var previous = previousPeriod is null ? [] : await db.Submissions.AsNoTracking()
            .Where(s => s.Tenant == tenant && s.FrameworkId == framework && s.Period == previousPeriod
                        && s.State == SubmissionStates.Approved && targets.Contains(s.TargetUnit))
            .OrderBy(s => s.DecidedAt).ToListAsync(ct);
        var labels = definition.Inputs.ToDictionary(i => i.Key, i => i.Label, StringComparer.Ordinal);

        var owed = new List<OwedInput>();
        foreach (var report in reports)
        {
            var due = report.Schedule.DueAt;
            var dueText = VietnamTime.ToVietnam(due).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
            foreach (var key in report.InputKeys)
            {
                // The latest approved value for the same target, whoever reported it.
                JsonElement? last = null;
                foreach (var p in previous.Where(p => p.TargetUnit == report.TargetUnit))
                    if (p.Values.TryGetValue(key, out var v)) last = v;
                owed.Add(new OwedInput(key, labels.GetValueOrDefault(key, key), report.TargetUnit, report.RoleOf[key], due, dueText,
                    report.Status, report.Submission?.ReturnReason, report.Submission?.Id, last, names.GetValueOrDefault(report.TargetUnit)));
            }
        }
        return TypedResults.Ok(new OwedInputs(framework, period, caller.Unit, owed));
    }

    /// <summary>The period before: <c>2026-01</c> → <c>2025-12</c>, <c>2026</c> → <c>2025</c>; null for other shapes (windows).</summary>
    public static string? Previous(string period)
    {
        if (DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return month.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (period.Length == 4 && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return (year - 1).ToString(CultureInfo.InvariantCulture);
        return null;
    }
}
