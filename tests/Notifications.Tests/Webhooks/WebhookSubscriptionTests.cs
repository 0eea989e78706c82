using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Notifications.Webhooks;
using Platform.TestSupport;
using static Platform.Notifications.Tests.Webhooks.WebhookHost;

namespace Platform.Notifications.Tests.Webhooks;

public sealed class WebhookSubscriptionTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task A_subscription_with_bad_fields_is_refused_naming_every_field_in_Vietnamese()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-invalid");
        var request = new WebhookSubscriptionRequest(" ", "http://he-thong.gov.vn/hooks", ["ScoresPublished", "SubmissionReturned"], "ha-noi");

        var response = await host.Client(LaoCaiAdmin).PostAsJsonAsync(Api, request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Dữ liệu không hợp lệ", problem.RootElement.GetProperty("title").GetString());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["events", "name", "ownerUnit", "url"], errors.EnumerateObject().Select(e => e.Name).Order().ToArray());
        Assert.Equal("Tên hệ thống nhận là bắt buộc.", errors.GetProperty("name")[0].GetString());
        Assert.Contains("phải dùng https", errors.GetProperty("url")[0].GetString());
        Assert.Contains("\"SubmissionReturned\"", errors.GetProperty("events")[0].GetString());
        Assert.Contains("ngoài phạm vi quản lý", errors.GetProperty("ownerUnit")[0].GetString());
        Assert.Empty(await host.Client(RootAdmin).GetFromJsonAsync<List<WebhookSubscriptionView>>(Api, TestContext.Current.CancellationToken) ?? []);
    }

    [Fact]
    public async Task Only_platform_administrators_manage_webhooks()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-roles");

        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(LaoCaiReporter).GetAsync(Api, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync(Api, TestContext.Current.CancellationToken)).StatusCode);
        var events = await host.Client(LaoCaiAdmin).GetFromJsonAsync<List<WebhookEventType>>($"{Api}/events", TestContext.Current.CancellationToken);
        Assert.Contains(events!, e => e is { Event: "DxIndexPublished", Name: "Công bố Chỉ số chuyển đổi số cấp tỉnh (DTI)" });
    }

    [Fact]
    public async Task Another_provinces_administrator_can_neither_see_nor_read_the_log_of_a_subscription()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-scope");
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await host.SubscribeAsync(LaoCaiAdmin, receiver.Url, WebhookEvents.ScoresPublished);
        Assert.Equal("lao-cai", created.Subscription.OwnerUnit);
        var id = created.Subscription.Id;

        var others = host.Client(HaNoiAdmin);
        Assert.Empty(await others.GetFromJsonAsync<List<WebhookSubscriptionView>>(Api, TestContext.Current.CancellationToken) ?? []);
        Assert.Equal(HttpStatusCode.NotFound, (await others.GetAsync($"{Api}/{id}/deliveries", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await others.PostAsync($"{Api}/{id}/secret", null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await others.DeleteAsync($"{Api}/{id}", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(id, Assert.Single(await host.Client(RootAdmin).GetFromJsonAsync<List<WebhookSubscriptionView>>(Api, TestContext.Current.CancellationToken) ?? []).Id);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(LaoCaiAdmin).GetAsync($"{Api}/{id}/deliveries", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task After_rotation_deliveries_are_signed_with_the_new_secret_only()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-rotate");
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await host.SubscribeAsync(RootAdmin, receiver.Url, WebhookEvents.ScoresPublished);

        var response = await host.Client(RootAdmin).PostAsync($"{Api}/{created.Subscription.Id}/secret", null, TestContext.Current.CancellationToken);
        var rotated = (await response.Content.ReadFromJsonAsync<RotatedSecret>(TestContext.Current.CancellationToken))!;
        Assert.NotEqual(created.Secret, rotated.Secret);
        await host.DeliverAsync(SampleEvents.Scores(host.Time.GetUtcNow()));
        await host.WaitForDeliveriesAsync(created.Subscription.Id, p => p.Items.Any(d => d.State == "sent"), "the delivery sent");

        var request = Assert.Single(receiver.Received);
        var now = host.Time.GetUtcNow();
        Assert.True(PlainVerifier.Verify(rotated.Secret, request.Headers["Platform-Signature"], request.Body, now, TimeSpan.FromMinutes(5)));
        Assert.False(PlainVerifier.Verify(created.Secret, request.Headers["Platform-Signature"], request.Body, now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Deleting_a_subscription_is_audited_and_it_is_gone()
    {
        await using var host = await WebhookHost.StartAsync(infrastructure, "wh-delete");
        var created = await host.SubscribeAsync(LaoCaiAdmin, "https://he-thong.lao-cai.gov.vn/hooks", WebhookEvents.PeriodClosed);

        var response = await host.Client(LaoCaiAdmin).DeleteAsync($"{Api}/{created.Subscription.Id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await host.Client(RootAdmin).GetFromJsonAsync<List<WebhookSubscriptionView>>(Api, TestContext.Current.CancellationToken) ?? []);
        await using var db = host.Db();
        Assert.Equal(["created", "deleted"], db.AuditEntries.Where(a => a.EntityId == created.Subscription.Id.ToString()).Select(a => a.Action)
            .ToList().Order().ToArray());
    }
}
