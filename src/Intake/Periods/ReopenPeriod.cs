using Platform.ServiceDefaults.Time;
using Platform.DataAndMessaging.Audit;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Audit;
using Platform.Intake.Calendar;
using Platform.Intake.Submissions;
using Platform.Intake.Units;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.Scoring;

namespace Platform.Intake.Periods;

/// <summary>Which unit's period to reopen, until when (ISO-8601 with an offset, e.g. <c>2026-02-05T17:00:00+07:00</c>), and why.</summary>
public sealed record ReopenRequest(string? Unit, string? Until, string? Reason);

/// <summary>
/// <c>POST /api/intake/periods/{framework}/{period}/reopenings</c>: a reviewer lets one unit of its subtree submit
/// after the deadline, for at most <see cref="MaxDays"/> days, with a written reason. The reopening and its audit
/// line are saved together, with <see cref="PeriodReopened"/> in the outbox.
/// </summary>
public static partial class ReopenPeriod
{
    public const int MaxDays = 31;

    public static async Task<Results<Created<ReopeningView>, ValidationProblem, ProblemHttpResult>> Handle(
        string framework, string period, ReopenRequest body, [AsParameters] IntakeServices services, ReportingCalendar calendar,
        FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        var now = time.GetUtcNow();

        if (PeriodsHttp.FindAnyLevel(calendar, framework, period, tenant) is { IsFound: false } lookup)
            return ApiProblems.InvalidByKey(lookup.Field, lookup.Error);
        var unit = body.Unit?.Trim();
        if (string.IsNullOrEmpty(unit)) return ApiProblems.InvalidByKey("unit", "Thiếu mã đơn vị được mở lại kỳ báo cáo (unit).");
        if (!await db.VisibleUnits(tenant, caller.Unit, time).AnyAsync(u => u.Code == unit, ct))
            return PeriodsHttp.UnitNotFound(unit, caller.Unit);
        if (unit == caller.Unit)
            return ApiProblems.Forbidden("Không được tự mở lại kỳ báo cáo của chính đơn vị mình; đề nghị cấp trên mở lại.");

        var errors = new Dictionary<string, string[]>();
        var reason = body.Reason?.Trim() ?? "";
        if (reason.Length > SaveDraft.MaxTextLength) errors["reason"] = [$"Lý do mở lại không được dài quá {SaveDraft.MaxTextLength} ký tự."];
        if (!TryParseInstant(body.Until, out var until))
        {
            errors["until"] = ["Thời hạn mở lại (until) phải là thời điểm ISO-8601 có múi giờ, ví dụ 2026-02-05T17:00:00+07:00."];
            until = DateTimeOffset.MaxValue;
        }
        else if (until > now.AddDays(MaxDays))
        {
            errors["until"] = [$"Thời hạn mở lại không được quá {MaxDays} ngày kể từ bây giờ (muộn nhất {VietnamTime.FormatMoment(now.AddDays(MaxDays))}, giờ Việt Nam)."];
        }
        var reopening = new Reopening(tenant, framework, period, unit, until, reason, caller.Subject, now);
        foreach (var problem in reopening.ToCalendar().Validate(now))
        {
            var field = problem == PeriodReopening.ReasonMissing ? "reason" : "until";
            errors[field] = [.. errors.GetValueOrDefault(field) ?? [], problem];
        }
        if (errors.Count > 0) return ApiProblems.InvalidByKey(errors);

        db.Reopenings.Add(reopening);
        db.AuditEntries.Add(new AuditEntry(AuditEntities.Period, $"{framework}/{period}/{unit}", "reopened", caller.Subject, now,
            AuditDetail(reopening)));
        // A period before the framework took effect has no version in force: the event says so with an empty version.
        var version = frameworks.Find(framework, null, period)?.Version ?? "";
        db.EnqueueEvent(new PeriodReopened(reopening.Id, tenant, reopening.FrameworkId, version, period, unit, until, reason, caller.Subject, now), time);
        // One save: the reopening, its audit line and PeriodReopened, or none of them.
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/intake/periods/{framework}/{period}/reopenings", ReopeningView.Of(reopening, now));
    }

    /// <summary>"Mở lại đến 17:00 ngày 05/02/2026 (giờ Việt Nam). Lý do: …", cut to the audit column's 4000 characters (the reopening keeps the whole reason).</summary>
    private static string AuditDetail(Reopening reopening)
    {
        var detail = $"Mở lại đến {VietnamTime.FormatMoment(reopening.Until)} (giờ Việt Nam). Lý do: {reopening.Reason}";
        return detail.Length <= SaveDraft.MaxTextLength ? detail : detail[..(SaveDraft.MaxTextLength - 1)] + "…";
    }

    /// <summary>An instant with an explicit offset; a bare local time would be read in the server's zone, so it is refused.</summary>
    private static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (text is null || !ExplicitOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
        {
            return false;
        }
        // Stored as timestamptz, which takes UTC only.
        instant = instant.ToUniversalTime();
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex ExplicitOffset();
}
