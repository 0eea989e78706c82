using Platform.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Calendar;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Periods;

/// <summary>
/// One period at one level as the caller sees it now. Instants are UTC; each has a <c>…Display</c> twin in Vietnam
/// time (dd/MM/yyyy HH:mm). <c>DueAt</c> is exclusive: "trước ngày 03" is due at 00:00 on the 3rd.
/// </summary>
public sealed record PeriodView(
    string FrameworkId,
    string Period,
    string Level,
    DateOnly DataFrom,
    DateOnly DataTo,
    string DataFromDisplay,
    string DataToDisplay,
    DateTimeOffset OpensAt,
    string OpensAtDisplay,
    DateTimeOffset DueAt,
    string DueAtDisplay,
    DateTimeOffset? FrozenAt,
    string? FrozenAtDisplay,
    string Status,
    string StatusText,
    string LatePolicy,
    bool Closed,
    ReopeningView? Reopening);

/// <summary><c>GET /api/intake/periods/{framework}/{period}?level=…</c>: the schedule, where it stands now, and the caller's unit's reopening.</summary>
public static class ReadPeriod
{
    public static async Task<Results<Ok<PeriodView>, ValidationProblem, ProblemHttpResult>> Handle(
        string framework, string period, string? level, [AsParameters] IntakeServices services, ReportingCalendar calendar,
        CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        level ??= ReportingLevels.AgencyToProvince;
        if (!ReportingLevels.All.Contains(level))
            return ApiProblems.InvalidByKey("level", $"Cấp báo cáo '{level}' không hợp lệ; dùng '{ReportingLevels.AgencyToProvince}' hoặc '{ReportingLevels.ToNational}'.");
        var lookup = calendar.Find(framework, period, level, tenant);
        if (!lookup.IsFound) return ApiProblems.InvalidByKey(lookup.Field, lookup.Error);
        var s = lookup.Schedule;

        var now = time.GetUtcNow();
        var closed = await db.ClosedPeriods.AnyAsync(c => c.Tenant == tenant && c.FrameworkId == framework && c.Period == period && c.Level == level, ct);
        var reopening = await db.Reopenings.AsNoTracking()
            .Where(r => r.Tenant == tenant && r.FrameworkId == framework && r.Period == period && r.Unit == caller.Unit)
            .OrderByDescending(r => r.Until).FirstOrDefaultAsync(ct);
        var status = s.StatusAt(now);
        return TypedResults.Ok(new PeriodView(
            s.FrameworkId, s.Period, s.Level,
            s.DataFrom, s.DataTo, Date(s.DataFrom), Date(s.DataTo),
            s.OpensAt, PeriodsHttp.Display(s.OpensAt),
            s.DueAt, PeriodsHttp.Display(s.DueAt),
            s.FrozenAt, s.FrozenAt is { } frozen ? PeriodsHttp.Display(frozen) : null,
            PeriodsHttp.StatusName(status), StatusText(status, s, reopening, now),
            s.LatePolicy, closed,
            reopening is null ? null : ReopeningView.Of(reopening, now)));
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string StatusText(PeriodStatus status, PeriodSchedule s, Reopening? reopening, DateTimeOffset now) =>
        status is PeriodStatus.Late or PeriodStatus.Locked && reopening is { } r && now < r.Until
            ? $"Đã quá hạn (trước {VietnamTime.FormatMoment(s.DueAt)}); đơn vị của bạn được mở lại kỳ báo cáo đến {VietnamTime.FormatMoment(r.Until)} (báo cáo vẫn ghi nhận nộp muộn)."
            : StatusText(status, s);

    private static string StatusText(PeriodStatus status, PeriodSchedule s) => status switch
    {
        PeriodStatus.NotOpen => $"Chưa mở; mở từ {VietnamTime.FormatMoment(s.OpensAt)}.",
        PeriodStatus.Open => $"Đang mở; hạn nộp trước {VietnamTime.FormatMoment(s.DueAt)}.",
        PeriodStatus.Late => $"Đã quá hạn (trước {VietnamTime.FormatMoment(s.DueAt)}); vẫn nhận báo cáo nhưng ghi nhận nộp muộn.",
        _ => $"Đã khoá từ {VietnamTime.FormatMoment(s.DueAt)}; chỉ nộp được khi đơn vị tiếp nhận mở lại kỳ báo cáo.",
    };
}
