using System.Security.Claims;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;
using Platform.DataAndMessaging.People;

namespace Platform.Notifications.Webhooks;

/// <summary>What the webhook handlers share, taken as one <c>[AsParameters] WebhookServices services</c>.</summary>
public sealed record WebhookServices(NotificationsDbContext Db, ClaimsPrincipal User, IOptions<NotificationsOptions> Options, TimeProvider Time,
    WebhookSecrets Secrets, IHostEnvironment Environment)
{
    public string Tenant => Options.Value.Tenant;

    internal async Task<WebhookScope?> ScopeAsync(CancellationToken ct)
    {
        await KnownPeople.RecordAsync(Db, Tenant, User, Time, ct);
        return await WebhookScope.ForAsync(Db, Tenant, User, ct);
    }
}
