using Platform.Contracts;

namespace Platform.Notifications.Webhooks;

/// <summary>An event type an outside system may subscribe to, with its Vietnamese name.</summary>
public sealed record WebhookEventType(string Event, string Name);

/// <summary>
/// The events offered to outside systems: published results and the reporting calendar, which other government systems
/// act on, and approvals (their reviewer appears only as the pseudonymous subject id docs/events.md already promises).
/// Returned reports, reopenings and bonus decisions carry free-text reasons and stay inside the platform.
/// </summary>
public static class WebhookEvents
{
    public const string ScoresPublished = nameof(Contracts.ScoresPublished);
    public const string ScoresPublishedPart = nameof(Contracts.ScoresPublishedPart);
    public const string DxIndexPublished = nameof(Contracts.DxIndexPublished);
    public const string SubmissionApproved = nameof(Contracts.SubmissionApproved);
    public const string PeriodClosed = nameof(Contracts.PeriodClosed);
    public const string ObligationsAnnounced = nameof(Contracts.ObligationsAnnounced);

    public static IReadOnlyList<WebhookEventType> All { get; } =
    [
        new(ScoresPublished, "Công bố kết quả đánh giá, xếp hạng hằng tháng (Quyết định 4585)"),
        // A peer group of more than 2,000 units, in parts: subscribed to on its own, as on the bus, so that a system that
        // knows only ScoresPublished never takes a part for the whole ranking (docs/webhooks.md).
        new(ScoresPublishedPart, "Công bố kết quả hằng tháng của nhóm đơn vị lớn (trên 2.000 đơn vị), gửi thành nhiều phần"),
        new(DxIndexPublished, "Công bố Chỉ số chuyển đổi số cấp tỉnh (DTI)"),
        new(SubmissionApproved, "Báo cáo của đơn vị được phê duyệt"),
        new(PeriodClosed, "Hết hạn nộp báo cáo của một kỳ"),
        new(ObligationsAnnounced, "Công bố danh sách báo cáo phải nộp của một kỳ"),
    ];

    public static bool IsKnown(string name) => All.Any(e => e.Event == name);

    public static string NameOf(string eventType) => All.FirstOrDefault(e => e.Event == eventType)?.Name ?? eventType;

    /// <summary>
    /// The units an event is about, for subscriptions owned below the national root: they receive it only when one of
    /// these is in their subtree. Null: the event concerns everyone (published results, a period's close).
    /// </summary>
    public static IReadOnlyList<string>? UnitsOf(object message) => message switch
    {
        SubmissionApproved m => [m.ReportingUnit, m.TargetUnit],
        ObligationsAnnounced m => [m.OverseeingUnit],
        _ => null,
    };
}
