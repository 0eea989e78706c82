using Platform.DataAndMessaging.Obligations;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.Notifications.Scheduling;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Notifications.Tests.Reminders;

/// <summary>
/// A province (Lào Cai) with three departments owing the November 2026 monthly report (due 00:00 on 05/12/2026, seed 000),
/// their people, and helpers to move the service's clock and run the due jobs.
/// </summary>
internal static class DeadlineWorld
{
    public const string Framework = "monthly-4585";
    public const string Period = "2026-11";
    public const string Level = "agency-to-province";
    public const string Province = "lao-cai";
    public const string Finance = "lao-cai.so-tc";
    public const string Science = "lao-cai.so-khcn";
    public const string Interior = "lao-cai.so-nv";
    public const string Commune = "lao-cai.xa-bac-ha";
    public const string WebBaseUrl = "https://cds.test";

    public static readonly DateTimeOffset Due = Vn(2026, 12, 5);

    public static DateTimeOffset Vn(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(7));

    public static readonly TestUser FinanceReporter = new("bao-cao.so-tc", [PlatformRoles.Reporter], OrgUnit: Finance)
        { Name = "Nguyễn Văn An", Email = "an.nv@stc.laocai.gov.vn" };
    public static readonly TestUser FinanceLeader = new("giam-doc.so-tc", [PlatformRoles.Leader], OrgUnit: Finance)
        { Name = "Trần Thị Bình", Email = "binh.tt@stc.laocai.gov.vn" };
    public static readonly TestUser ScienceReporter = new("bao-cao.so-khcn", [PlatformRoles.Reporter], OrgUnit: Science)
        { Name = "Lê Văn Cường", Email = "cuong.lv@skhcn.laocai.gov.vn" };
    public static readonly TestUser ScienceLeader = new("giam-doc.so-khcn", [PlatformRoles.Leader], OrgUnit: Science)
        { Name = "Phạm Thị Dung", Email = "dung.pt@skhcn.laocai.gov.vn" };
    public static readonly TestUser ProvinceReviewer = new("tham-dinh.lao-cai", [PlatformRoles.Reviewer], OrgUnit: Province)
        { Name = "Hoàng Văn Em", Email = "em.hv@laocai.gov.vn" };
    public static readonly TestUser RootAdmin = new("quan-tri.vn", [PlatformRoles.PlatformAdmin], OrgUnit: "vn") { Name = "Quản trị" };

    public static Dictionary<string, string> Settings(string? database = null, string? messaging = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Notifications:WebBaseUrl"] = WebBaseUrl,
            // Tests run the due jobs themselves (RunDueAsync) after moving the clock; the background loop looks once at start.
            ["Notifications:Scheduling:PollInterval"] = "01:00:00",
        };
        if (database is not null) settings[$"ConnectionStrings:{NotificationsModule.DatabaseName}"] = database;
        if (messaging is not null) settings["ConnectionStrings:messaging"] = messaging;
        return settings;
    }

    public static Task<ServiceHost<Program, NotificationsDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix, DateTimeOffset now,
        IReadOnlyDictionary<string, string>? settings = null) =>
        ServiceHost.StartAsync<Program, NotificationsDbContext>(infrastructure, NotificationsModule.DatabaseName, prefix, settings ?? Settings(), now: now.ToUniversalTime());

    public static async Task SeedUnitsAsync(ServiceHost<Program, NotificationsDbContext> host)
    {
        var at = host.Time.GetUtcNow();
        (string Code, string Name, string Kind, string? Parent)[] units =
        [
            ("vn", "Việt Nam", "national", null),
            (Province, "Tỉnh Lào Cai", "province", "vn"),
            (Finance, "Sở Tài chính tỉnh Lào Cai", "department", Province),
            (Science, "Sở Khoa học và Công nghệ tỉnh Lào Cai", "department", Province),
            (Interior, "Sở Nội vụ tỉnh Lào Cai", "department", Province),
            (Commune, "Xã Bắc Hà", "commune", Province),
        ];
        foreach (var (code, name, kind, parent) in units)
            await host.DeliverAsync(new OrganisationUnitRegistered(NotificationsHost.Tenant, code, name, kind, parent, 1, at));
    }

    /// <summary>The people sign in once (the service records them from their tokens).</summary>
    public static async Task SignInAsync(ServiceHost<Program, NotificationsDbContext> host, params TestUser[] users)
    {
        foreach (var user in users)
        {
            using var response = await host.Client(user).GetAsync("/api/notifications/reminder-settings", TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    public static ObligationsAnnounced Announcement(int revision, DateTimeOffset? due = null, params string[] units) => new(
        NotificationsHost.Tenant, Framework, "2026.1", Period, Level, Province, (due ?? Due).ToUniversalTime(), revision,
        (units.Length == 0 ? [Finance, Science, Interior] : units)
            .Select(u => new Platform.Contracts.OwedReport(u, Province, "lead", u == Finance ? ["A.due", "A.onTime", "D1.count"] : ["E3.onTime"])).ToList(),
        DateTimeOffset.UtcNow);

    public static SubmissionSubmitted Submitted(Guid id, string unit, int revision) =>
        new(id, NotificationsHost.Tenant, Framework, "2026.1", Period, unit, Province, false, "sub", revision, DateTimeOffset.UtcNow);

    public static SubmissionReturned Returned(Guid id, string unit, int revision) =>
        new(id, NotificationsHost.Tenant, Framework, "2026.1", Period, unit, Province, "Thiếu minh chứng", "sub", revision, DateTimeOffset.UtcNow);

    public static SubmissionApproved Approved(Guid id, string unit, int revision) =>
        new(id, NotificationsHost.Tenant, Framework, "2026.1", Period, unit, Province, new Dictionary<string, System.Text.Json.JsonElement>(),
            false, "sub", revision, DateTimeOffset.UtcNow);

    /// <summary>Moves the clock to <paramref name="instant"/> and runs every job due by then.</summary>
    public static async Task RunAtAsync(ServiceHost<Program, NotificationsDbContext> host, DateTimeOffset instant)
    {
        var now = host.Time.GetUtcNow();
        if (instant > now) host.Time.Advance(instant - now);
        var runner = host.Services.GetRequiredService<JobRunner>();
        while (await runner.RunDueAsync(TestContext.Current.CancellationToken) > 0) { }
        // A job the background loop claimed is finished by it: wait for that, not for a fixed time.
        var at = host.Time.GetUtcNow();
        await Eventually.WaitForAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Set<ScheduledJob>().CountAsync(j => j.State == JobStates.Pending && j.DueAt <= at, TestContext.Current.CancellationToken);
        }, n => n == 0, TimeSpan.FromSeconds(30), "every due job run");
    }

    public static async Task<List<Notification>> NotificationsAsync(ServiceHost<Program, NotificationsDbContext> host, string? kind = null)
    {
        await using var db = host.Db();
        return await db.Notifications.AsNoTracking().Where(n => kind == null || n.Kind == kind)
            .OrderBy(n => n.Cause).ThenBy(n => n.Channel).ThenBy(n => n.Recipient).ToListAsync(TestContext.Current.CancellationToken);
    }

    public static async Task RegisterFocalPointsAsync(ServiceHost<Program, NotificationsDbContext> host, TestUser user, params (string Name, string Email)[] people)
    {
        var client = host.Client(user);
        using var current = await client.GetAsync($"/api/notifications/focal-points/{Framework}", TestContext.Current.CancellationToken);
        current.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/notifications/focal-points/{Framework}")
        {
            Content = JsonContent.Create(new { people = people.Select(p => new { name = p.Name, position = "Chuyên viên", email = p.Email, phone = "0912345678" }) }),
        };
        request.Headers.IfMatch.Add(current.Headers.ETag!);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
