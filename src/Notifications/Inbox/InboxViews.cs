namespace Platform.Notifications.Inbox;

public sealed record InboxPage(int Unread, int Total, int Page, int PageSize, IReadOnlyList<InboxItem> Items);

public sealed record InboxItem(Guid Id, string Kind, string KindName, string Subject, string Body, string? Link,
    DateTimeOffset CreatedAt, string CreatedAtVietnam, bool Read, bool Legal);

public sealed record UnreadCount(int Unread);
