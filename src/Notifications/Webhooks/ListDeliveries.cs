using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Delivery;
using Platform.ServiceDefaults.Problems;

namespace Platform.Notifications.Webhooks;

/// <summary>A subscription's deliveries, newest first, each with every attempt (the delivery log).</summary>
public static class ListDeliveries
{
    public const int PageSize = 20;

    public static async Task<Results<Ok<DeliveryPage>, ValidationProblem, ProblemHttpResult>> Handle(Guid id, string? state, int? page,
        [AsParameters] WebhookServices services, CancellationToken ct)
    {
        if (await services.ScopeAsync(ct) is not { } scope) return ApiProblems.NoUnit();
        var errors = new Dictionary<string, string[]>();
        if (state is { Length: > 0 } && !StateNames.ContainsKey(state))
            errors["state"] = [$"Trạng thái \"{state}\" không hợp lệ: chỉ nhận {string.Join(", ", StateNames.Keys)}."];
        if (page is < 1) errors["page"] = ["Số trang phải từ 1 trở lên."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var subscription = await scope.Subscriptions(services.Db).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return WebhookProblems.NotFound(id);

        var recipient = subscription.Recipient;
        var query = services.Db.Notifications.AsNoTracking().Where(n => n.Channel == Channels.Webhook && n.Recipient == recipient);
        if (state is { Length: > 0 }) query = query.Where(n => n.State == state);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(((page ?? 1) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToArray();
        var attempts = (await services.Db.Set<DeliveryAttempt>().AsNoTracking().Where(a => ids.Contains(a.NotificationId))
                .OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.NotificationId);
        var items = rows.Select(n =>
        {
            var (eventType, messageId) = WebhookEnvelope.Read(n.Body);
            return new WebhookDelivery(n.Id, eventType, messageId, n.State, StateNames.GetValueOrDefault(n.State, n.State), n.Attempts, n.CreatedAt,
                n.SentAt, n.LastError, attempts[n.Id].Select(a => new AttemptView(a.Attempt, a.At, a.Outcome, a.Detail, a.DurationMs)).ToList());
        }).ToList();
        return TypedResults.Ok(new DeliveryPage(total, items));
    }

    public static IReadOnlyDictionary<string, string> StateNames { get; } = new Dictionary<string, string>
    {
        [NotificationStates.Pending] = "Đang chờ gửi",
        [NotificationStates.Sent] = "Đã gửi",
        [NotificationStates.Dead] = "Gửi không thành công (đã ngừng thử lại)",
        [NotificationStates.Skipped] = "Không gửi",
    };
}
