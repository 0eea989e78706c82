using Platform.DataAndMessaging.DataProtection;
using Platform.Notifications.Data;
using Microsoft.Extensions.Http.Resilience;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Webhooks;

public static class WebhooksModule
{
    /// <summary>
    /// Options, the secrets' Data Protection (key ring in the database), the HTTP client (one attempt with its own timeout,
    /// no redirects: the dispatcher retries) and the <c>webhook</c> channel with its default back-off (1 min, 5 min, 30 min,
    /// 2 h, 6 h; dead after 8 attempts), which <c>Notifications:Delivery:webhook</c> may override.
    /// </summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>()
            .Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero, $"{WebhookOptions.Section}:Timeout must be positive.")
            .ValidateOnStart();

        builder.Services.AddDatabaseKeyRing<NotificationsDbContext>("platform-notifications", NotificationsModule.DatabaseName);
        builder.Services.AddSingleton<WebhookSecrets>();

#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; the dispatcher owns retries and back-off.
        builder.Services.AddHttpClient(WebhookSender.ClientName)
            .ConfigureHttpClient((services, client) => client.Timeout = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.Configure<ChannelOptions>(Channels.Webhook, o => o.MaxAttempts = WebhookOptions.DefaultMaxAttempts);
        builder.AddChannel<WebhookSender>(Channels.Webhook);
        builder.Services.PostConfigure<ChannelOptions>(Channels.Webhook, o =>
        {
            if (o.RetryDelays.Count == 0) o.RetryDelays = [.. WebhookOptions.DefaultRetryDelays];
        });
        return builder;
    }
}
