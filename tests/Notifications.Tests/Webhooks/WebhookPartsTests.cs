using System.Text.Json;
using Platform.Contracts;
using Platform.Notifications.Webhooks;
using Platform.TestSupport;
using static Platform.Notifications.Tests.Webhooks.WebhookHost;

namespace Platform.Notifications.Tests.Webhooks;

public sealed class WebhookPartsTests(PlatformInfrastructure infrastructure)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_large_group_reaches_only_subscriptions_to_its_parts_as_signed_ScoresPublishedPart_deliveries_one_per_part()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-parts");
        await using var wholeReceiver = await WebhookReceiver.StartAsync();
        await using var partsReceiver = await WebhookReceiver.StartAsync();
        var wholeOnly = await host.SubscribeAsync(RootAdmin, wholeReceiver.Url, WebhookEvents.ScoresPublished);
        var large = await host.SubscribeAsync(RootAdmin, partsReceiver.Url, WebhookEvents.ScoresPublished, WebhookEvents.ScoresPublishedPart);

        var whole = SampleEvents.Scores(host.Time.GetUtcNow());
        var units = new[] { whole.Units[0], whole.Units[0] with { Unit = "ha-noi", Rank = 2 } };
        ScoresPublishedPart Part(int part) => new(whole.Tenant, whole.FrameworkId, whole.FrameworkVersion, whole.Period, "communes",
            whole.Revision, null, null, null, part, 2, 2, [units[part - 1]], whole.OccurredAt);
        var second = await host.DeliverAsync(Part(2));
        await host.DeliverAsync(Part(2), second);
        var first = await host.DeliverAsync(Part(1));
        var page = await host.WaitForDeliveriesAsync(large.Subscription.Id, p => p.Items.Count(d => d.State == "sent") == 2, "both parts sent");

        Assert.Equal([(WebhookEvents.ScoresPublishedPart, first), (WebhookEvents.ScoresPublishedPart, second)],
            page.Items.Select(d => (d.Event, d.MessageId)).OrderBy(d => d.MessageId == second).ToList());
        Assert.Equal(0, (await host.DeliveriesAsync(RootAdmin, wholeOnly.Subscription.Id)).Total);
        Assert.Empty(wholeReceiver.Received);

        Assert.Equal(2, partsReceiver.Received.Count);
        var parts = new List<int>();
        foreach (var request in partsReceiver.Received)
        {
            Assert.Equal(WebhookEvents.ScoresPublishedPart, request.Headers["Platform-Event"]);
            Assert.True(PlainVerifier.Verify(large.Secret, request.Headers["Platform-Signature"], request.Body, host.Time.GetUtcNow(), Tolerance));
            using var body = JsonDocument.Parse(request.Body);
            Assert.Equal("ScoresPublishedPart", body.RootElement.GetProperty("event").GetString());
            var message = body.RootElement.GetProperty("message");
            Assert.Equal((2, 2), (message.GetProperty("parts").GetInt32(), message.GetProperty("unitCount").GetInt32()));
            var part = message.GetProperty("part").GetInt32();
            parts.Add(part);
            Assert.Equal(units[part - 1].Unit, Assert.Single(message.GetProperty("units").EnumerateArray()).GetProperty("unit").GetString());
        }
        Assert.Equal([1, 2], parts.Order());
    }
}
