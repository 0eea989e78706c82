using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Webhooks;

/// <summary>Webhook subscriptions of outside systems, their deliveries and replays (platform administrators, their subtree).</summary>
public static class WebhooksApi
{
    public const string AuditEntity = "webhook";

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{NotificationsModule.ServiceName}/webhooks").WithTags("Webhooks")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.PlatformAdmin));
        group.MapGet("events", ListEventTypes.Handle).WithName("ListWebhookEventTypes").WithSummary("The event types one can subscribe to");
        group.MapGet("", ListSubscriptions.Handle).WithName("ListWebhooks").WithSummary("Subscriptions in the caller's scope with delivery counts");
        group.MapPost("", CreateSubscription.Handle).WithName("CreateWebhook").WithSummary("Subscribe; the secret is shown this once");
        group.MapPut("{id:guid}", UpdateSubscription.Handle).WithName("UpdateWebhook").WithSummary("Change a subscription or (de)activate it");
        group.MapDelete("{id:guid}", DeleteSubscription.Handle).WithName("DeleteWebhook").WithSummary("Remove a subscription; its pending deliveries are skipped");
        group.MapPost("{id:guid}/secret", RotateSecret.Handle).WithName("RotateWebhookSecret").WithSummary("A new signing secret, shown this once");
        group.MapGet("{id:guid}/deliveries", ListDeliveries.Handle).WithName("ListWebhookDeliveries").WithSummary("Deliveries with every attempt, newest first");
        group.MapPost("{id:guid}/deliveries/{deliveryId:guid}/replay", ReplayDelivery.Handle).WithName("ReplayWebhookDelivery")
            .WithSummary("Send a dead or delivered delivery again (same id and body, new signature)");
        return app;
    }
}
