using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;

namespace Platform.Notifications.Webhooks;

public static class ListSubscriptions
{
    public static async Task<Results<Ok<List<WebhookSubscriptionView>>, ProblemHttpResult>> Handle([AsParameters] WebhookServices services, CancellationToken ct)
    {
        if (await services.ScopeAsync(ct) is not { } scope) return ApiProblems.NoUnit();
        var subscriptions = await scope.Subscriptions(services.Db).AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(await SubscriptionViews.ForAsync(services.Db, subscriptions, ct));
    }
}
