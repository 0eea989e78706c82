using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Webhooks;

/// <summary>A new signing secret, shown this once; every delivery from now on (retries and replays included) is signed with it.</summary>
public static class RotateSecret
{
    public static async Task<Results<Ok<RotatedSecret>, ProblemHttpResult>> Handle(Guid id, [AsParameters] WebhookServices services, CancellationToken ct)
    {
        if (await services.ScopeAsync(ct) is not { } scope) return ApiProblems.NoUnit();
        var subscription = await scope.Subscriptions(services.Db).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return WebhookProblems.NotFound(id);

        var now = services.Time.GetUtcNow();
        var secret = WebhookSecrets.NewSecret();
        subscription.ProtectedSecret = services.Secrets.Protect(secret);
        subscription.UpdatedAt = now;
        services.Db.Add(new AuditEntry(WebhooksApi.AuditEntity, subscription.Id.ToString("D"), "secret-rotated", services.User.Subject() ?? "", now, null));
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RotatedSecret(subscription.Id, secret));
    }
}
