using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.Notifications.Delivery;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Webhooks;

/// <summary>Removes a subscription; its pending deliveries are marked skipped, delivered and dead ones stay in the notifications log.</summary>
public static class DeleteSubscription
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, [AsParameters] WebhookServices services, CancellationToken ct)
    {
        if (await services.ScopeAsync(ct) is not { } scope) return ApiProblems.NoUnit();
        var subscription = await scope.Subscriptions(services.Db).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return WebhookProblems.NotFound(id);

        var now = services.Time.GetUtcNow();
        var recipient = subscription.Recipient;
        await using var transaction = await services.Db.Database.BeginTransactionAsync(ct);
        await services.Db.Notifications
            .Where(n => n.Channel == Channels.Webhook && n.Recipient == recipient && n.State == NotificationStates.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.State, NotificationStates.Skipped)
                .SetProperty(n => n.LastError, "Đăng ký webhook đã bị xóa."), ct);
        services.Db.Remove(subscription);
        services.Db.Add(new AuditEntry(WebhooksApi.AuditEntity, subscription.Id.ToString("D"), "deleted", services.User.Subject() ?? "", now,
            $"{subscription.Name}: {subscription.Url}"));
        await services.Db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
