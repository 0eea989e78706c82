using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Notifications.Delivery;
using Platform.TestSupport;

namespace Platform.Notifications.Tests.Webhooks;

public sealed class WebhookSettingsTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task Without_settings_webhooks_are_retried_after_1_min_5_min_30_min_2_h_then_every_6_h_and_dead_after_8_attempts()
    {
        await using var host = await NotificationsHost.StartAsync(infrastructure, "wh-defaults", DateTimeOffset.UtcNow);

        var options = host.Services.GetRequiredService<IOptionsMonitor<ChannelOptions>>().Get(Channels.Webhook);

        Assert.Equal(8, options.MaxAttempts);
        Assert.Equal([1, 5, 30, 120, 360, 360, 360], Enumerable.Range(2, 7).Select(n => options.DelayBefore(n).TotalMinutes).ToArray());
    }
}
