using Platform.Contracts;
using Platform.Notifications.Data;
using Platform.Notifications.FocalPoints;
using Platform.TestSupport;
using Platform.TestSupport.Mail;
using Platform.TestSupport.Security;

namespace Platform.Notifications.Tests.Email;

/// <summary>The notifications service sending to a <see cref="TestSmtpServer"/>, on a clock the test moves, with a small world of units.</summary>
internal static class MailHost
{
    public const string WebBaseUrl = "https://thongbao.example.vn";
    public const string Province = "lao-cai";
    public const string Department = "lao-cai.so-tc";
    public const string Framework = "monthly-4585";

    public static Dictionary<string, string> Settings(TestSmtpServer smtp, int maxAttempts = 40)
    {
        var settings = new Dictionary<string, string>(smtp.Settings())
        {
            ["Notifications:WebBaseUrl"] = WebBaseUrl,
            ["Notifications:Email:From"] = "thongbao@platform.example.vn",
            ["Notifications:Delivery:email:PollInterval"] = "00:00:00.100",
            ["Notifications:Delivery:email:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return settings;
    }

    public static async Task<ServiceHost<Program, NotificationsDbContext>> StartAsync(PlatformInfrastructure infrastructure, TestSmtpServer smtp,
        string prefix, int maxAttempts = 40)
    {
        var host = await ServiceHost.StartAsync<Program, NotificationsDbContext>(infrastructure, NotificationsModule.DatabaseName, prefix,
            Settings(smtp, maxAttempts), now: DateTimeOffset.UtcNow);
        await SeedUnitsAsync(host);
        return host;
    }

    public static async Task SeedUnitsAsync(ServiceHost<Program, NotificationsDbContext> host)
    {
        var now = DateTimeOffset.UtcNow;
        await host.DeliverAsync(new OrganisationUnitRegistered(NotificationsHost.Tenant, "vn", "Việt Nam", "national", null, 1, now));
        await host.DeliverAsync(new OrganisationUnitRegistered(NotificationsHost.Tenant, Province, "Tỉnh Lào Cai", "province", "vn", 1, now));
        await host.DeliverAsync(new OrganisationUnitRegistered(NotificationsHost.Tenant, Department, "Sở Tài chính tỉnh Lào Cai", "department", Province, 1, now));
        await host.DeliverAsync(new OrganisationUnitRegistered(NotificationsHost.Tenant, "ha-noi", "Thành phố Hà Nội", "province", "vn", 1, now));
    }

    public static async Task AddFocalPointAsync(ServiceHost<Program, NotificationsDbContext> host, string unit, string name, string email, int ordinal = 0)
    {
        await using var db = host.Db();
        db.Add(new FocalPoint
        {
            Id = Guid.NewGuid(), Tenant = NotificationsHost.Tenant, Unit = unit, Framework = Framework, Ordinal = ordinal, Name = name,
            Position = "Chuyên viên", Email = email, RegisteredBy = "test", RegisteredAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Signs <paramref name="user"/> in once (any call records the person).</summary>
    public static async Task SignInAsync(ServiceHost<Program, NotificationsDbContext> host, TestUser user)
    {
        using var response = await host.Client(user).GetAsync("/api/notifications/inbox/unread-count", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public static TestUser Reporter(string name, string unit = Department) =>
        new(name, ["reporter"], OrgUnit: unit) { Name = name, Email = $"{name}@laocai.gov.vn" };

    public static TestUser Leader(string name, string unit = Department) =>
        new(name, ["leader"], OrgUnit: unit) { Name = name, Email = $"{name}@laocai.gov.vn" };

    public static TestUser Admin(string unit = "vn") => new("quan-tri", ["platform-admin"], OrgUnit: unit) { Name = "Quản trị" };

    public static SubmissionReturned Returned(string reason = "Số liệu chỉ tiêu A1 chưa khớp với báo cáo quý.") =>
        new(Guid.NewGuid(), NotificationsHost.Tenant, Framework, "4585/QĐ-BKHCN (30/12/2025)", "2026-11", Department, Department, reason,
            "reviewer-sub", 2, new DateTimeOffset(2026, 12, 3, 2, 30, 0, TimeSpan.Zero));
}
