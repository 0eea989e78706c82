using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.Notifications.Delivery;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Webhooks;

/// <summary>
/// Sends a dead or delivered delivery again: the same row (same delivery id, same body) becomes due now and is signed
/// afresh when sent. Its attempts keep counting, so a replay that fails after the attempt limit is dead again at once.
/// </summary>
public static class ReplayDelivery
{
    public static async Task<Results<Accepted, ProblemHttpResult>> Handle(Guid id, Guid deliveryId, [AsParameters] WebhookServices services,
        DeliverySignal signal, CancellationToken ct)
    {
        if (await services.ScopeAsync(ct) is not { } scope) return ApiProblems.NoUnit();
        var subscription = await scope.Subscriptions(services.Db).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return WebhookProblems.NotFound(id);
        if (!subscription.Active)
            return ApiProblems.Conflict("Đăng ký webhook đang ngừng hoạt động; hãy kích hoạt lại trước khi gửi lại.");

        var recipient = subscription.Recipient;
        var now = services.Time.GetUtcNow();
        await using var transaction = await services.Db.Database.BeginTransactionAsync(ct);
        var state = await services.Db.Notifications.Where(n => n.Id == deliveryId && n.Channel == Channels.Webhook && n.Recipient == recipient)
            .Select(n => n.State).SingleOrDefaultAsync(ct);
        if (state is null) return WebhookProblems.DeliveryNotFound(deliveryId);
        var replayed = await services.Db.Notifications
            .Where(n => n.Id == deliveryId && (n.State == NotificationStates.Dead || n.State == NotificationStates.Sent))
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.State, NotificationStates.Pending).SetProperty(n => n.NextAttemptAt, now)
                .SetProperty(n => n.LockedUntil, (DateTimeOffset?)null), ct);
        if (replayed == 0)
            return ApiProblems.Conflict(state == NotificationStates.Pending
                ? "Lần gửi này đang chờ gửi; không cần gửi lại."
                : "Lần gửi này không được gửi (đăng ký đã bị xóa hoặc ngừng); không gửi lại được.");
        services.Db.Add(new AuditEntry(WebhooksApi.AuditEntity, subscription.Id.ToString("D"), "replayed", services.User.Subject() ?? "", now,
            $"Gửi lại lần gửi {deliveryId:D} (trạng thái trước: {state})."));
        await services.Db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        signal.Notify();
        return TypedResults.Accepted((string?)null);
    }
}
