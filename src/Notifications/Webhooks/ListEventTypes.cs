using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Notifications.Webhooks;

public static class ListEventTypes
{
    public static Ok<IReadOnlyList<WebhookEventType>> Handle() => TypedResults.Ok(WebhookEvents.All);
}
