namespace Platform.Web.Api;

// The notifications service (`/api/notifications`, docs/notifications.md): the web's own records of what it reads and sends.

/// <summary>The signed-in person's in-app notifications, one page (<c>GET /api/notifications/inbox</c>).</summary>
public sealed record InboxPage(int Unread, int Total, int Page, int PageSize, IReadOnlyList<InboxItem> Items);

/// <summary>One in-app notification: <paramref name="Legal"/> marks a legal deadline reminder (it cannot be silenced).</summary>
public sealed record InboxItem(Guid Id, string Kind, string KindName, string Subject, string Body, string? Link,
    DateTimeOffset CreatedAt, string CreatedAtVietnam, bool Read, bool Legal);

/// <summary><c>GET /api/notifications/inbox/unread-count</c>: the bell's number.</summary>
public sealed record UnreadCount(int Unread);

/// <summary>The person's channels per kind of notification (<c>GET /api/notifications/preferences</c>).</summary>
public sealed record Preferences(IReadOnlyList<KindPreference> Kinds);

public sealed record KindPreference(string Kind, string KindName, bool Legal, bool Email, bool InApp);

/// <summary><c>PUT /api/notifications/preferences</c>: every kind's choice (a legal kind stays on).</summary>
public sealed record PreferencesUpdate(IReadOnlyList<KindChoice> Kinds);

public sealed record KindChoice(string Kind, bool Email, bool InApp);

/// <summary>What was sent, one page (<c>GET /api/notifications/log</c>, platform administrators, their subtree).</summary>
public sealed record LogPage(int Total, int Page, int PageSize, IReadOnlyList<LogItem> Items);

public sealed record LogItem(Guid Id, string Kind, string KindName, string Channel, string Recipient, string? RecipientName,
    string? Unit, string? UnitName, string Subject, string State, string StateName, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, string? LastError)
{
    /// <summary>A row the service sends again when asked (<c>POST /log/{id}/retry</c>): a dead or pending e-mail or webhook.</summary>
    public bool CanRetry => State is NotificationStates.Dead or NotificationStates.Pending && Channel is NotificationChannels.Email or NotificationChannels.Webhook;
}

/// <summary>One sent notification with its text and every attempt (<c>GET /api/notifications/log/{id}</c>).</summary>
public sealed record LogEntry(LogItem Item, string Body, string? Link, IReadOnlyList<AttemptView> Attempts);

/// <summary>One try to deliver: its outcome, what the other side said, how long it took.</summary>
public sealed record AttemptView(int Attempt, DateTimeOffset At, string Outcome, string? Detail, int DurationMs);

/// <summary>A unit's focal points (đầu mối) for one framework (<c>GET /api/notifications/focal-points/{framework}</c>, with an ETag).</summary>
/// <param name="DueDate">The date the overseeing unit set for registering them (dd/MM/yyyy), null when none.</param>
public sealed record FocalPointRegistration(string Unit, string UnitName, string Framework, string FrameworkName,
    IReadOnlyList<FocalPerson> People, string? DueDate, bool Overdue, DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record FocalPerson(string Name, string? Position, string Email, string? Phone);

/// <summary><c>PUT /api/notifications/focal-points/{framework}</c> (If-Match): the whole list.</summary>
public sealed record FocalPointsUpdate(IReadOnlyList<FocalPerson> People);

/// <summary>The reviewer's view: which agencies registered their focal points (<c>…/{framework}/overview</c>).</summary>
public sealed record FocalPointOverview(string Framework, string FrameworkName, string? DueDate, IReadOnlyList<FocalPointStatus> Units);

public sealed record FocalPointStatus(string Unit, string UnitName, int People, bool Registered, DateTimeOffset? UpdatedAt);

/// <summary><c>PUT /api/notifications/focal-points/{framework}/due-date</c>: dd/MM/yyyy.</summary>
public sealed record FocalPointDueDate(string DueDate);

/// <summary>When reminders go and whom escalation reaches (<c>GET/PUT /api/notifications/reminder-settings</c>); holidays dd/MM/yyyy.</summary>
public sealed record ReminderSettings(IReadOnlyList<ReminderOffset> Offsets, int LeaderAfterWorkingDays, int ReviewerAfterWorkingDays,
    IReadOnlyList<string> Holidays);

/// <summary>A reminder <paramref name="WorkingDaysBefore"/> working days before a deadline at <paramref name="Time"/> ("08:00").</summary>
public sealed record ReminderOffset(int WorkingDaysBefore, string Time);

/// <summary>The reminders to come (<c>GET /api/notifications/reminders?framework=&amp;period=</c>).</summary>
public sealed record ReminderSchedule(IReadOnlyList<ScheduledReminder> Items);

public sealed record ScheduledReminder(string Framework, string FrameworkName, string Period, string Level, string Kind,
    DateTimeOffset DueAt, string DueAtVietnam, string State, int Recipients);

/// <summary>A webhook subscription of another government system (<c>GET /api/notifications/webhooks</c>).</summary>
public sealed record WebhookSubscriptionView(Guid Id, string Name, string Url, IReadOnlyList<string> Events, string OwnerUnit,
    bool Active, DateTimeOffset CreatedAt, int Delivered, int Failed, int Dead);

/// <summary><c>POST /api/notifications/webhooks</c>.</summary>
public sealed record WebhookSubscriptionRequest(string Name, string Url, IReadOnlyList<string> Events, string? OwnerUnit);

/// <summary><c>PUT /api/notifications/webhooks/{id}</c>.</summary>
public sealed record WebhookSubscriptionUpdate(string Name, string Url, IReadOnlyList<string> Events, string? OwnerUnit, bool Active);

/// <summary>A new subscription with its signing secret, shown this once.</summary>
public sealed record CreatedWebhook(WebhookSubscriptionView Subscription, string Secret);

/// <summary><c>POST /api/notifications/webhooks/{id}/secret</c>: the new secret, shown once.</summary>
public sealed record RotatedSecret(Guid Id, string Secret);

/// <summary>A subscription's deliveries (<c>GET /api/notifications/webhooks/{id}/deliveries</c>).</summary>
public sealed record DeliveryPage(int Total, IReadOnlyList<WebhookDelivery> Items);

public sealed record WebhookDelivery(Guid Id, string Event, Guid MessageId, string State, string StateName, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? LastError, IReadOnlyList<AttemptView> AttemptLog);

/// <summary>An event kind one may subscribe to, with its Vietnamese name (<c>GET /api/notifications/webhooks/events</c>).</summary>
public sealed record WebhookEventType(string Event, string Name);

/// <summary>The notifications table's channels (<c>Notifications/Delivery/Notification.cs</c>).</summary>
public static class NotificationChannels
{
    public const string Email = "email";
    public const string InApp = "in-app";
    public const string Webhook = "webhook";

    public static readonly IReadOnlyList<string> All = [Email, InApp, Webhook];

    public static string Name(string channel) => channel switch
    {
        Email => "Thư điện tử",
        InApp => "Trong ứng dụng",
        Webhook => "Webhook",
        _ => channel,
    };
}

/// <summary>The notifications table's states; the service sends their Vietnamese names too (<c>StateName</c>).</summary>
public static class NotificationStates
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Dead = "dead";
    public const string Skipped = "skipped";

    public static readonly IReadOnlyList<string> All = [Pending, Sent, Dead, Skipped];

    /// <summary>For the filter, before any row is read.</summary>
    public static string Name(string state) => state switch
    {
        Pending => "Đang chờ gửi",
        Sent => "Đã gửi",
        Dead => "Gửi thất bại (đã ngừng thử)",
        Skipped => "Bỏ qua (người nhận đã tắt)",
        _ => state,
    };
}

/// <summary>An attempt's outcome (<c>DeliveryAttempt.Outcome</c>) in Vietnamese.</summary>
public static class AttemptOutcomes
{
    public static string Name(string outcome) => outcome switch
    {
        "sent" => "Thành công",
        "failed" => "Thất bại, sẽ thử lại",
        "dead" => "Thất bại, ngừng thử",
        _ => outcome,
    };
}
