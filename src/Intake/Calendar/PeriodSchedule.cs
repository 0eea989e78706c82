using Platform.ServiceDefaults.Time;

namespace Platform.Intake.Calendar;

public static class LatePolicies
{
    public const string Refuse = "refuse";
    public const string AcceptAndMarkLate = "accept-and-mark-late";
}

/// <summary>Where a period stands at an instant (serialised kebab-case: <c>not-open</c>, <c>open</c>, <c>late</c>, <c>locked</c>).</summary>
public enum PeriodStatus
{
    NotOpen,
    Open,

    /// <summary>Past the deadline, and the framework accepts late submissions (they are marked late).</summary>
    Late,

    /// <summary>Past the deadline, and the framework refuses late submissions (unless the unit's period is reopened).</summary>
    Locked,
}

/// <summary>
/// The dates of one period of one framework at one reporting level. Instants are UTC; the deadline is exclusive
/// (a submission at <see cref="DueAt"/> or later is late).
/// </summary>
public sealed record PeriodSchedule(
    string FrameworkId,
    string Period,
    string Level,
    DateOnly DataFrom,
    DateOnly DataTo,
    DateTimeOffset OpensAt,
    DateTimeOffset DueAt,
    DateTimeOffset? FrozenAt,
    string LatePolicy)
{
    /// <summary>The period locks at its deadline; under <c>accept-and-mark-late</c> "locked" only means "late from now on".</summary>
    public DateTimeOffset LocksAt => DueAt;

    public PeriodStatus StatusAt(DateTimeOffset instant) =>
        instant < OpensAt ? PeriodStatus.NotOpen
        : instant < DueAt ? PeriodStatus.Open
        : LatePolicy == LatePolicies.AcceptAndMarkLate ? PeriodStatus.Late
        : PeriodStatus.Locked;

    public bool IsLate(DateTimeOffset submittedAt) => submittedAt >= DueAt;

    /// <summary>
    /// Whether <paramref name="unitId"/> may submit at <paramref name="now"/>. A reopening of this unit's period
    /// that is still running lets it submit after the deadline whatever the policy; the submission is still late.
    /// </summary>
    public SubmitDecision CanSubmit(DateTimeOffset now, string unitId, IEnumerable<PeriodReopening> reopenings)
    {
        if (now < OpensAt)
            return SubmitDecision.Refused($"Kỳ báo cáo {Period} chưa mở (mở từ {VietnamTime.FormatMoment(OpensAt)}, giờ Việt Nam).");
        if (now < DueAt) return SubmitDecision.OnTime;

        var mine = reopenings.Where(r => r.Covers(unitId, FrameworkId, Period)).ToList();
        var running = mine.Where(r => now < r.Until).MaxBy(r => r.Until);
        if (running is not null) return SubmitDecision.AcceptedLate(running);
        if (LatePolicy == LatePolicies.AcceptAndMarkLate) return SubmitDecision.AcceptedLate(null);

        var refusal = $"Đã quá hạn nộp (trước {VietnamTime.FormatMoment(DueAt)}, giờ Việt Nam); kỳ báo cáo {Period} đã khoá.";
        var expired = mine.MaxBy(r => r.Until);
        return SubmitDecision.Refused(expired is null
            ? refusal + " Đề nghị đơn vị tiếp nhận mở lại kỳ báo cáo (ghi rõ lý do) nếu cần nộp bổ sung."
            : refusal + $" Thời hạn mở lại đã hết lúc {VietnamTime.FormatMoment(expired.Until)}.");
    }
}

/// <summary>The answer to "may this unit submit now?": allowed (perhaps late, perhaps through a reopening) or refused with a reason.</summary>
public sealed record SubmitDecision(bool Allowed, bool Late, PeriodReopening? Reopening, string? Refusal)
{
    public static SubmitDecision OnTime { get; } = new(true, false, null, null);

    public static SubmitDecision AcceptedLate(PeriodReopening? reopening) => new(true, true, reopening, null);

    public static SubmitDecision Refused(string reason) => new(false, false, null, reason);
}
