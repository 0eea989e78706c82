using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Calendar;
using Platform.DataAndMessaging.People;
using Platform.Intake.Submissions;
using Platform.Intake.Units;
using Platform.Scoring;
using Platform.ServiceDefaults.Time;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Assignments;

/// <summary>
/// One report the caller's unit has not finished: <see cref="Status"/> <c>not-started</c>, <c>draft</c>, <c>returned</c>
/// (to do) or <c>submitted</c> (awaiting review, for information). <see cref="Overdue"/> when still to do past the
/// deadline; <see cref="OverdueText"/> says how late ("quá hạn 3 ngày").
/// </summary>
public sealed record OpenObligation(
    string Framework, string FrameworkName, string Period, string TargetUnit, string TargetName, string Role,
    IReadOnlyList<string> InputKeys, string Level, DateTimeOffset DueAt, string DueAtVietnam, string Status,
    bool Overdue, int OverdueDays, string? OverdueText, string? ReturnReason, Guid? SubmissionId, bool Late, DateTimeOffset? SubmittedAt);

public sealed record OpenObligations(string ReportingUnit, DateTimeOffset AsOf, IReadOnlyList<OpenObligation> Items);

/// <summary>
/// <c>GET /api/intake/assignments/mine/open?framework=</c> — every report the caller's unit still owes, of every period
/// from each assignment's start up to the periods open now (<see cref="Obligations.OpenAsync"/>), overdue first (the
/// longest overdue first), then the rest by deadline, then those awaiting review.
/// </summary>
public static class ListOpenObligations
{
    public static async Task<Results<Ok<OpenObligations>, ValidationProblem, ProblemHttpResult>> Handle(
        string? framework, [AsParameters] IntakeServices services, ReportingCalendar calendar, FrameworkCatalog frameworks,
        CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        if (framework is not null && frameworks.All.All(f => f.Id != framework))
            return ApiProblems.InvalidByKey("framework", $"Không có khung đánh giá '{framework}'.");
        var tenant = options.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);

        var now = time.GetUtcNow();
        var reports = await Obligations.OpenAsync(db, frameworks, tenant, caller.Unit, framework, calendar, time, ct);
        var targets = reports.Select(r => r.TargetUnit).Distinct().ToList();
        var names = await db.OrganisationUnits.AsNoTracking().AsOf(tenant, time.TodayInVietnam()).Where(u => targets.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);

        var items = reports.Select(r => Item(frameworks, r, names.GetValueOrDefault(r.TargetUnit, r.TargetUnit), now))
            .OrderBy(i => i.Status == SubmissionStates.Submitted ? 2 : i.Overdue ? 0 : 1)
            .ThenBy(i => i.DueAt).ThenBy(i => i.Framework, StringComparer.Ordinal).ThenBy(i => i.TargetUnit, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new OpenObligations(caller.Unit, now, items));
    }

    private static OpenObligation Item(FrameworkCatalog frameworks, OwedReport r, string targetName, DateTimeOffset now)
    {
        var due = r.Schedule.DueAt;
        var overdue = r.Status != SubmissionStates.Submitted && now >= due;
        var late = now - due;
        return new OpenObligation(
            r.Framework, frameworks.Find(r.Framework, null, r.Period)?.Definition.Name ?? r.Framework, r.Period,
            r.TargetUnit, targetName, r.Role, r.InputKeys, r.Schedule.Level, due,
            VietnamTime.ToVietnam(due).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), r.Status,
            overdue, overdue ? (int)late.TotalDays : 0, overdue ? Lateness(late) : null,
            r.Submission?.ReturnReason, r.Submission?.Id, r.Submission?.Late ?? false, r.Submission?.SubmittedAt);
    }

    /// <summary>"quá hạn 3 ngày", "quá hạn 5 giờ", "quá hạn dưới 1 giờ".</summary>
    public static string Lateness(TimeSpan late) =>
        late.TotalDays >= 1 ? $"quá hạn {(int)late.TotalDays} ngày"
        : late.TotalHours >= 1 ? $"quá hạn {(int)late.TotalHours} giờ"
        : "quá hạn dưới 1 giờ";
}
