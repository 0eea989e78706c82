using Microsoft.AspNetCore.Http.HttpResults;
using Platform.DataAndMessaging.Audit;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Webhooks;

public static class CreateSubscription
{
    public static async Task<Results<Created<CreatedWebhook>, ValidationProblem, ProblemHttpResult>> Handle(WebhookSubscriptionRequest? request,
        [AsParameters] WebhookServices services, CancellationToken ct)
    {
        if (await services.ScopeAsync(ct) is not { } scope) return ApiProblems.NoUnit();
        if (request is null) return ApiProblems.Invalid("body", "Thiếu nội dung yêu cầu (tên, địa chỉ nhận, các loại sự kiện).");
        var owner = string.IsNullOrWhiteSpace(request.OwnerUnit) ? scope.Unit : request.OwnerUnit.Trim();
        var errors = await WebhookValidation.CheckAsync(services.Db, scope, request.Name, request.Url, request.Events, owner,
            services.Environment.IsDevelopment(), ct);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var now = services.Time.GetUtcNow();
        var secret = WebhookSecrets.NewSecret();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now), Tenant = services.Tenant, Name = request.Name!.Trim(), Url = request.Url!.Trim(),
            Events = request.Events!.Distinct().ToArray(), OwnerUnit = owner, Active = true, ProtectedSecret = services.Secrets.Protect(secret),
            CreatedBy = services.User.Subject() ?? "", CreatedAt = now, UpdatedAt = now,
        };
        services.Db.Add(subscription);
        services.Db.Add(new AuditEntry(WebhooksApi.AuditEntity, subscription.Id.ToString("D"), "created", subscription.CreatedBy, now,
            $"{subscription.Name}: {subscription.Url}; sự kiện {string.Join(", ", subscription.Events)}; đơn vị {owner}"));
        await services.Db.SaveChangesAsync(ct);
        var view = await SubscriptionViews.ForAsync(services.Db, subscription, ct);
        return TypedResults.Created($"/api/{NotificationsModule.ServiceName}/webhooks/{subscription.Id:D}", new CreatedWebhook(view, secret));
    }
}
