using Platform.Web.Api;

namespace Platform.Web.Tests.Notifications;

/// <summary>What the notifications service answers, as the web reads it.</summary>
internal static class NotificationData
{
    public static readonly DateTimeOffset ReturnedAt = new(2026, 2, 3, 1, 30, 0, TimeSpan.Zero); // 08:30 03/02/2026 in Vietnam

    public static InboxItem Returned(bool read = false, string? link = "/nhap-lieu/monthly-4585/2026-01/lao-cai") => new(
        Guid.Parse("5f0b1c3e-0000-4000-8000-000000000001"), "submission-returned", "Báo cáo bị trả lại",
        "Báo cáo tháng 01/2026 của Tỉnh Lào Cai bị trả lại", "Lý do: thiếu minh chứng cho chỉ tiêu 1.2.", link, ReturnedAt, "08:30 ngày 03/02/2026", read, Legal: false);

    public static InboxItem Reminder() => new(
        Guid.Parse("5f0b1c3e-0000-4000-8000-000000000002"), "deadline-reminder", "Nhắc hạn báo cáo",
        "Còn 1 ngày làm việc: hạn báo cáo tháng 01/2026", "Hạn nộp trước 00:00 ngày 05/02/2026.", "/viec-cua-toi", ReturnedAt.AddHours(-2), "06:30 ngày 03/02/2026", Read: true, Legal: true);

    public static InboxPage Inbox(params InboxItem[] items) => new(items.Count(i => !i.Read), items.Length, 1, 20, items);

    public static Preferences Preferences() => new(
    [
        new KindPreference("deadline-reminder", "Nhắc hạn báo cáo", Legal: true, Email: true, InApp: true),
        new KindPreference("submission-returned", "Báo cáo bị trả lại", Legal: false, Email: true, InApp: true),
        new KindPreference("results-published", "Kết quả được công bố", Legal: false, Email: false, InApp: true),
    ]);

    public static FocalPointRegistration Registration(bool overdue = false, params FocalPerson[] people) => new(
        "lao-cai", "Tỉnh Lào Cai", "monthly-4585", "Bộ chỉ số đánh giá hằng tháng (QĐ 4585)", people, "15/01/2026", overdue,
        people.Length == 0 ? null : ReturnedAt, people.Length == 0 ? null : "Nguyễn Văn A");

    public static readonly FocalPerson Hoa = new("Trần Thị Hoa", "Phó Giám đốc Sở KH&CN", "hoa.tt@laocai.gov.vn", "0912345678");

    public static LogItem LogRow(string state, string stateName, string channel = "email") => new(
        Guid.Parse(state == "dead" ? "7a000000-0000-4000-8000-0000000000de" : "7a000000-0000-4000-8000-0000000000a1"),
        "submission-returned", "Báo cáo bị trả lại", channel, "hoa.tt@laocai.gov.vn", "Trần Thị Hoa", "lao-cai", "Tỉnh Lào Cai",
        "Báo cáo tháng 01/2026 của Tỉnh Lào Cai bị trả lại", state, stateName, state == "dead" ? 40 : 1, ReturnedAt,
        state == "sent" ? ReturnedAt.AddMinutes(1) : null, state == "dead" ? "451 4.3.0 Mailbox temporarily unavailable" : null);

    public static WebhookSubscriptionView Subscription(bool active = true) => new(
        Guid.Parse("9b000000-0000-4000-8000-000000000001"), "Hệ thống báo cáo Bộ Nội vụ", "https://baocao.moha.gov.vn/hook",
        ["SubmissionApproved"], "vn", active, ReturnedAt, 12, 1, 0);

    public static readonly WebhookEventType[] Events =
    [
        new("SubmissionApproved", "Báo cáo được duyệt"),
        new("ScoresPublished", "Kết quả được công bố"),
    ];
}
