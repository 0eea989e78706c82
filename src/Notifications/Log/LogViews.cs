using Platform.Notifications.Delivery;
namespace Platform.Notifications.Log;

public sealed record LogPage(int Total, int Page, int PageSize, IReadOnlyList<LogItem> Items);

public sealed record LogItem(Guid Id, string Kind, string KindName, string Channel, string Recipient, string? RecipientName, string? Unit,
    string? UnitName, string Subject, string State, string StateName, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    string? LastError);

public sealed record LogEntry(LogItem Item, string Body, string? Link, IReadOnlyList<AttemptView> Attempts);
