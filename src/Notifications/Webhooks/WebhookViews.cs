using Platform.Notifications.Delivery;
namespace Platform.Notifications.Webhooks;

/// <param name="OwnerUnit">The owning unit's code; the caller's unit when null.</param>
public sealed record WebhookSubscriptionRequest(string? Name, string? Url, IReadOnlyList<string>? Events, string? OwnerUnit);

/// <summary>PUT body: the request's fields and whether deliveries go out (null or absent: unchanged).</summary>
public sealed record WebhookSubscriptionUpdate(string? Name, string? Url, IReadOnlyList<string>? Events, string? OwnerUnit, bool? Active);

public sealed record WebhookSubscriptionView(Guid Id, string Name, string Url, IReadOnlyList<string> Events, string OwnerUnit, bool Active,
    DateTimeOffset CreatedAt, int Delivered, int Failed, int Dead);

/// <summary>The subscription and its signing secret, shown this once.</summary>
public sealed record CreatedWebhook(WebhookSubscriptionView Subscription, string Secret);

public sealed record RotatedSecret(Guid Id, string Secret);

public sealed record DeliveryPage(int Total, IReadOnlyList<WebhookDelivery> Items);

public sealed record WebhookDelivery(Guid Id, string Event, Guid MessageId, string State, string StateName, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? LastError, IReadOnlyList<AttemptView> AttemptLog);
