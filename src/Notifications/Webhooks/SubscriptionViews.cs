using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Webhooks;

/// <summary>Subscriptions as the API shows them, with their delivery counts.</summary>
internal static class SubscriptionViews
{
    public static async Task<List<WebhookSubscriptionView>> ForAsync(NotificationsDbContext db, IReadOnlyCollection<WebhookSubscription> subscriptions,
        CancellationToken ct)
    {
        var recipients = subscriptions.Select(s => s.Recipient).ToArray();
        var counts = await db.Notifications.AsNoTracking()
            .Where(n => n.Channel == Channels.Webhook && recipients.Contains(n.Recipient))
            .GroupBy(n => new { n.Recipient, n.State, Failed = n.Attempts > 0 })
            .Select(g => new { g.Key.Recipient, g.Key.State, g.Key.Failed, Count = g.Count() })
            .ToListAsync(ct);
        int Count(WebhookSubscription s, Func<string, bool, bool> pick) =>
            counts.Where(c => c.Recipient == s.Recipient && pick(c.State, c.Failed)).Sum(c => c.Count);
        return subscriptions.Select(s => new WebhookSubscriptionView(s.Id, s.Name, s.Url, s.Events, s.OwnerUnit, s.Active, s.CreatedAt,
            Delivered: Count(s, (state, _) => state == NotificationStates.Sent),
            Failed: Count(s, (state, failed) => state == NotificationStates.Pending && failed),
            Dead: Count(s, (state, _) => state == NotificationStates.Dead))).ToList();
    }

    public static async Task<WebhookSubscriptionView> ForAsync(NotificationsDbContext db, WebhookSubscription subscription, CancellationToken ct) =>
        (await ForAsync(db, [subscription], ct))[0];
}
