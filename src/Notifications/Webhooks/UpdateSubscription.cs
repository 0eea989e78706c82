using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Webhooks;

public static class UpdateSubscription
{
    public static async Task<Results<Ok<WebhookSubscriptionView>, ValidationProblem, ProblemHttpResult>> Handle(Guid id, WebhookSubscriptionUpdate? request,
        [AsParameters] WebhookServices services, CancellationToken ct)
    {
        if (await services.ScopeAsync(ct) is not { } scope) return ApiProblems.NoUnit();
        var subscription = await scope.Subscriptions(services.Db).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return WebhookProblems.NotFound(id);
        if (request is null) return ApiProblems.Invalid("body", "Thiếu nội dung yêu cầu (tên, địa chỉ nhận, các loại sự kiện, trạng thái).");
        var owner = string.IsNullOrWhiteSpace(request.OwnerUnit) ? subscription.OwnerUnit : request.OwnerUnit.Trim();
        var errors = await WebhookValidation.CheckAsync(services.Db, scope, request.Name, request.Url, request.Events, owner,
            services.Environment.IsDevelopment(), ct);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var now = services.Time.GetUtcNow();
        var before = Describe(subscription);
        subscription.Name = request.Name!.Trim();
        subscription.Url = request.Url!.Trim();
        subscription.Events = request.Events!.Distinct().ToArray();
        subscription.OwnerUnit = owner;
        subscription.Active = request.Active ?? subscription.Active;
        subscription.UpdatedAt = now;
        services.Db.Add(new AuditEntry(WebhooksApi.AuditEntity, subscription.Id.ToString("D"), "updated", services.User.Subject() ?? "", now,
            $"{before} → {Describe(subscription)}"));
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(await SubscriptionViews.ForAsync(services.Db, subscription, ct));
    }

    private static string Describe(WebhookSubscription s) =>
        $"{s.Name}: {s.Url}; sự kiện {string.Join(", ", s.Events)}; đơn vị {s.OwnerUnit}; {(s.Active ? "hoạt động" : "ngừng")}";
}
