using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Notifications.Webhooks;
using Platform.TestSupport;
using static Platform.Notifications.Tests.Webhooks.WebhookHost;

namespace Platform.Notifications.Tests.Webhooks;

public sealed class WebhookDeliveryTests(PlatformInfrastructure infrastructure)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task An_event_is_delivered_once_signed_and_a_plain_client_verifies_the_signature()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-signed");
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await host.SubscribeAsync(RootAdmin, receiver.Url, WebhookEvents.ScoresPublished);
        Assert.StartsWith("whsec_", created.Secret);

        var messageId = await host.DeliverAsync(SampleEvents.Scores(host.Time.GetUtcNow()));
        var page = await host.WaitForDeliveriesAsync(created.Subscription.Id, p => p.Items.Any(d => d.State == "sent"), "the delivery sent");

        var delivery = Assert.Single(page.Items);
        Assert.Equal((WebhookEvents.ScoresPublished, messageId, "Đã gửi", 1), (delivery.Event, delivery.MessageId, delivery.StateName, delivery.Attempts));
        var attempt = Assert.Single(delivery.AttemptLog);
        Assert.Equal(("sent", "HTTP 200: ok"), (attempt.Outcome, attempt.Detail));

        var request = Assert.Single(receiver.Received);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal(WebhookEvents.ScoresPublished, request.Headers["Platform-Event"]);
        Assert.Equal(delivery.Id.ToString(), request.Headers["Platform-Delivery"]);
        Assert.True(PlainVerifier.Verify(created.Secret, request.Headers["Platform-Signature"], request.Body, host.Time.GetUtcNow(), Tolerance));
        Assert.False(PlainVerifier.Verify(created.Secret, request.Headers["Platform-Signature"], [.. request.Body, (byte)' '], host.Time.GetUtcNow(), Tolerance));
        Assert.False(PlainVerifier.Verify(created.Secret, request.Headers["Platform-Signature"], request.Body, host.Time.GetUtcNow().AddMinutes(10), Tolerance));

        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(messageId, root.GetProperty("messageId").GetGuid());
        Assert.Equal("ScoresPublished", root.GetProperty("event").GetString());
        var message = root.GetProperty("message");
        Assert.Equal(("monthly-4585", "2026-11", "provinces"),
            (message.GetProperty("frameworkId").GetString(), message.GetProperty("period").GetString(), message.GetProperty("peerGroup").GetString()));
        var unit = message.GetProperty("units")[0];
        Assert.Equal(JsonValueKind.Number, unit.GetProperty("total").ValueKind);
        Assert.Equal(87.4567m, unit.GetProperty("unrounded").GetDecimal());
        Assert.Equal(18.1m, unit.GetProperty("groups").GetProperty("A").GetDecimal());
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_when_the_clock_moves_past_the_back_off_then_delivered()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-retry");
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer(503);
        var created = await host.SubscribeAsync(RootAdmin, receiver.Url, WebhookEvents.ScoresPublished);

        await host.DeliverAsync(SampleEvents.Scores(host.Time.GetUtcNow()));
        var failed = await host.WaitForDeliveriesAsync(created.Subscription.Id, p => p.Items.Any(d => d.Attempts == 1), "the first attempt");
        Assert.Equal(("pending", 1), (failed.Items[0].State, failed.Items[0].Attempts));
        Assert.Equal("HTTP 503: trả lời thử 503", failed.Items[0].LastError);
        Assert.Single(receiver.Received);

        host.Time.Advance(RetryDelay);
        var page = await host.WaitForDeliveriesAsync(created.Subscription.Id, p => p.Items.Any(d => d.State == "sent"), "the retry delivered");

        var delivery = Assert.Single(page.Items);
        Assert.Equal([("failed", "HTTP 503: trả lời thử 503"), ("sent", "HTTP 200: ok")],
            delivery.AttemptLog.Select(a => (a.Outcome, a.Detail)).ToArray());
        var (first, second) = (receiver.Received[0], receiver.Received[1]);
        Assert.Equal(first.Headers["Platform-Delivery"], second.Headers["Platform-Delivery"]);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(60, PlainVerifier.Timestamp(second.Headers["Platform-Signature"]) - PlainVerifier.Timestamp(first.Headers["Platform-Signature"]));
        Assert.True(PlainVerifier.Verify(created.Secret, second.Headers["Platform-Signature"], second.Body, host.Time.GetUtcNow(), Tolerance));
    }

    [Fact]
    public async Task A_delivery_is_dead_after_the_attempt_limit_and_a_replay_sends_the_same_body_with_a_new_signature()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-dead");
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Otherwise = 500;
        var created = await host.SubscribeAsync(RootAdmin, receiver.Url, WebhookEvents.ScoresPublished);
        var id = created.Subscription.Id;

        await host.DeliverAsync(SampleEvents.Scores(host.Time.GetUtcNow()));
        for (var attempt = 1; attempt < MaxAttempts; attempt++)
        {
            await host.WaitForDeliveriesAsync(id, p => p.Items.Any(d => d.Attempts == attempt), $"attempt {attempt}");
            host.Time.Advance(RetryDelay);
        }
        var dead = await host.WaitForDeliveriesAsync(id, p => p.Items.Any(d => d.State == "dead"), "the delivery dead");
        var delivery = Assert.Single(dead.Items);
        Assert.Equal((MaxAttempts, "Gửi không thành công (đã ngừng thử lại)"), (delivery.Attempts, delivery.StateName));
        Assert.Equal(["failed", "failed", "dead"], delivery.AttemptLog.Select(a => a.Outcome).ToArray());
        var listed = await host.Client(RootAdmin).GetFromJsonAsync<List<WebhookSubscriptionView>>(Api, TestContext.Current.CancellationToken);
        Assert.Equal((0, 0, 1), (listed![0].Delivered, listed[0].Failed, listed[0].Dead));

        receiver.Otherwise = 200;
        host.Time.Advance(TimeSpan.FromMinutes(3));
        var replay = await host.Client(RootAdmin).PostAsync($"{Api}/{id}/deliveries/{delivery.Id}/replay", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var sent = await host.WaitForDeliveriesAsync(id, p => p.Items.Any(d => d.State == "sent"), "the replay delivered");

        Assert.Equal(MaxAttempts + 1, sent.Items[0].Attempts);
        Assert.Equal(MaxAttempts + 1, receiver.Received.Count);
        var (before, after) = (receiver.Received[MaxAttempts - 1], receiver.Received[MaxAttempts]);
        Assert.Equal(delivery.Id.ToString(), after.Headers["Platform-Delivery"]);
        Assert.Equal(before.Body, after.Body);
        Assert.NotEqual(before.Headers["Platform-Signature"], after.Headers["Platform-Signature"]);
        Assert.True(PlainVerifier.Verify(created.Secret, after.Headers["Platform-Signature"], after.Body, host.Time.GetUtcNow(), Tolerance));

        // A delivered one may be replayed too (the subscriber lost it).
        var again = await host.Client(RootAdmin).PostAsync($"{Api}/{id}/deliveries/{delivery.Id}/replay", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        await host.WaitForDeliveriesAsync(id, p => p.Items[0].State == "sent" && p.Items[0].Attempts == MaxAttempts + 2, "the second replay delivered");
        Assert.Equal(delivery.Id.ToString(), receiver.Received[^1].Headers["Platform-Delivery"]);
    }

    [Fact]
    public async Task A_redelivered_event_makes_one_delivery()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-once");
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await host.SubscribeAsync(RootAdmin, receiver.Url, WebhookEvents.ScoresPublished);

        var message = SampleEvents.Scores(host.Time.GetUtcNow());
        var messageId = await host.DeliverAsync(message);
        await host.DeliverAsync(message, messageId);
        await host.WaitForDeliveriesAsync(created.Subscription.Id, p => p.Items.Any(d => d.State == "sent"), "the delivery sent");

        var page = await host.DeliveriesAsync(RootAdmin, created.Subscription.Id);
        Assert.Equal(1, page.Total);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task An_inactive_subscription_or_one_to_other_events_gets_no_delivery()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-inactive");
        await using var receiver = await WebhookReceiver.StartAsync();
        var active = await host.SubscribeAsync(RootAdmin, receiver.Url, WebhookEvents.ScoresPublished);
        var paused = await host.SubscribeAsync(RootAdmin, receiver.Url, WebhookEvents.ScoresPublished);
        var other = await host.SubscribeAsync(RootAdmin, receiver.Url, WebhookEvents.DxIndexPublished);
        var update = new WebhookSubscriptionUpdate("Tạm dừng", receiver.Url, [WebhookEvents.ScoresPublished], null, Active: false);
        var put = await host.Client(RootAdmin).PutAsJsonAsync($"{Api}/{paused.Subscription.Id}", update, TestContext.Current.CancellationToken);
        Assert.False((await put.Content.ReadFromJsonAsync<WebhookSubscriptionView>(TestContext.Current.CancellationToken))!.Active);

        await host.DeliverAsync(SampleEvents.Scores(host.Time.GetUtcNow()));
        await host.WaitForDeliveriesAsync(active.Subscription.Id, p => p.Items.Any(d => d.State == "sent"), "the active subscription's delivery");

        Assert.Equal(0, (await host.DeliveriesAsync(RootAdmin, paused.Subscription.Id)).Total);
        Assert.Equal(0, (await host.DeliveriesAsync(RootAdmin, other.Subscription.Id)).Total);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task An_endpoint_answering_410_Gone_deactivates_its_subscription_without_retrying()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-gone");
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Otherwise = 410;
        var created = await host.SubscribeAsync(RootAdmin, receiver.Url, WebhookEvents.ScoresPublished);

        await host.DeliverAsync(SampleEvents.Scores(host.Time.GetUtcNow()));
        var page = await host.WaitForDeliveriesAsync(created.Subscription.Id, p => p.Items.Any(d => d.State == "dead"), "the delivery dead");

        Assert.Equal(1, page.Items[0].Attempts);
        var listed = await host.Client(RootAdmin).GetFromJsonAsync<List<WebhookSubscriptionView>>(Api, TestContext.Current.CancellationToken);
        Assert.False(Assert.Single(listed!).Active);
    }

    [Fact]
    public async Task A_province_subscription_receives_approvals_of_its_own_units_only()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-subtree");
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await host.SubscribeAsync(LaoCaiAdmin, receiver.Url, WebhookEvents.SubmissionApproved);

        await host.DeliverAsync(SampleEvents.Approval("ha-noi.so-tc", host.Time.GetUtcNow()));
        var own = await host.DeliverAsync(SampleEvents.Approval("lao-cai.so-tc", host.Time.GetUtcNow()));
        var page = await host.WaitForDeliveriesAsync(created.Subscription.Id, p => p.Items.Any(d => d.State == "sent"), "the own unit's approval");

        Assert.Equal(own, Assert.Single(page.Items).MessageId);
    }
}
