using System.Net.Http.Json;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Data;
using Platform.Notifications.Webhooks;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Notifications.Tests.Webhooks;

/// <summary>
/// The notifications service for webhook tests: on a clock the test moves, polling for due deliveries every 100 ms, retrying
/// after 1 minute, dead after 3 attempts; with a small unit tree (national root, two provinces, a department).
/// </summary>
internal static class WebhookHost
{
    public static readonly TestUser RootAdmin = new("admin-vn", [PlatformRoles.PlatformAdmin], OrgUnit: "vn");
    public static readonly TestUser LaoCaiAdmin = new("admin-lao-cai", [PlatformRoles.PlatformAdmin], OrgUnit: "lao-cai");
    public static readonly TestUser HaNoiAdmin = new("admin-ha-noi", [PlatformRoles.PlatformAdmin], OrgUnit: "ha-noi");
    public static readonly TestUser LaoCaiReporter = new("reporter-lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai");

    public const int MaxAttempts = 3;
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);
    public const string Api = "/api/notifications/webhooks";

    public static async Task<ServiceHost<Program, NotificationsDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix)
    {
        var host = await ServiceHost.StartAsync<Program, NotificationsDbContext>(infrastructure, NotificationsModule.DatabaseName, prefix,
            new Dictionary<string, string>
            {
                ["Notifications:Delivery:webhook:PollInterval"] = "00:00:00.100",
                ["Notifications:Delivery:webhook:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Notifications:Delivery:webhook:RetryDelays:0"] = RetryDelay.ToString(),
            },
            now: DateTimeOffset.UtcNow);
        await using var db = host.Db();
        db.Units.AddRange(
            Unit("vn", "Cả nước", "national", null),
            Unit("lao-cai", "Tỉnh Lào Cai", "province", "vn"),
            Unit("lao-cai.so-tc", "Sở Tài chính tỉnh Lào Cai", "department", "lao-cai"),
            Unit("ha-noi", "Thành phố Hà Nội", "province", "vn"),
            Unit("ha-noi.so-tc", "Sở Tài chính thành phố Hà Nội", "department", "ha-noi"));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static KnownUnit Unit(string code, string name, string kind, string? parent) =>
        new() { Tenant = NotificationsHost.Tenant, Code = code, Name = name, Kind = kind, ParentCode = parent, Revision = 1 };

    public static async Task<CreatedWebhook> SubscribeAsync(this ServiceHost<Program, NotificationsDbContext> host, TestUser admin, string url,
        params string[] events)
    {
        var response = await host.Client(admin).PostAsJsonAsync(Api, new WebhookSubscriptionRequest("Hệ thống thử nghiệm", url, events, null),
            TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedWebhook>(TestContext.Current.CancellationToken))!;
    }

    public static async Task<DeliveryPage> DeliveriesAsync(this ServiceHost<Program, NotificationsDbContext> host, TestUser admin, Guid subscription) =>
        (await host.Client(admin).GetFromJsonAsync<DeliveryPage>($"{Api}/{subscription}/deliveries", TestContext.Current.CancellationToken))!;

    /// <summary>Waits (through the delivery log) until <paramref name="done"/> holds for the subscription's deliveries.</summary>
    public static Task<DeliveryPage> WaitForDeliveriesAsync(this ServiceHost<Program, NotificationsDbContext> host, Guid subscription,
        Func<DeliveryPage, bool> done, string what) =>
        Eventually.WaitForAsync(() => host.DeliveriesAsync(RootAdmin, subscription), done, TimeSpan.FromSeconds(30), what);
}
