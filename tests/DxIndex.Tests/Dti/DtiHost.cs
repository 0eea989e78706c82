using System.Net.Http.Json;
using System.Text.Json;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.Inputs;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.DxIndex.Tests.Dti;

/// <summary>
/// The DX index service as the DTI tests host it: clock at 10:00 on 20 April 2026 in Vietnam (year 2025 collected and
/// closed), the people who read and publish, and seed helpers writing straight to the database.
/// </summary>
internal static class DtiHost
{
    public const string Tenant = DxIndexHost.Tenant;
    public const string Framework = "dti-province-405";
    public const string Version = "405/QĐ-BKHCN (03/4/2025)";
    public const string Year = "2025";
    public static readonly DateTimeOffset Now = new(2026, 4, 20, 3, 0, 0, TimeSpan.Zero);

    public static readonly TestUser Publisher = new("cong-bo.bo-khcn", [PlatformRoles.Publisher], OrgUnit: "vn");
    public static readonly TestUser LaoCaiPublisher = new("cong-bo.lao-cai", [PlatformRoles.Publisher], OrgUnit: "lao-cai");
    public static readonly TestUser NationalLeader = new("lanh-dao.vn", [PlatformRoles.Leader], OrgUnit: "vn");
    public static readonly TestUser LaoCaiReviewer = new("tham-dinh.lao-cai", [PlatformRoles.Reviewer], OrgUnit: "lao-cai");
    public static readonly TestUser LaoCaiReporter = new("bao-cao.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<ServiceHost<Program, DxIndexDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix,
        IReadOnlyDictionary<string, string>? settings = null) =>
        ServiceHost.StartAsync<Program, DxIndexDbContext>(infrastructure, DxIndexModule.DatabaseName, prefix, settings, now: Now);

    /// <summary>The national root <c>vn</c> and, under it, the provinces of the peer group with their approved values.</summary>
    public static async Task SeedAsync(this ServiceHost<Program, DxIndexDbContext> host, IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> provinces,
        string year = Year, bool demo = false)
    {
        await using var db = host.Db();
        if (!db.Units.Any(u => u.Code == "vn"))
            db.Units.Add(new KnownUnit { Tenant = Tenant, Code = "vn", Name = "Việt Nam", Kind = "national", Revision = 1 });
        foreach (var (unit, values) in provinces)
        {
            if (!db.Units.Any(u => u.Code == unit))
                db.Units.Add(new KnownUnit { Tenant = Tenant, Code = unit, Name = Names.GetValueOrDefault(unit, unit), Kind = "province", ParentCode = "vn", PeerGroups = ["provinces"], Revision = 1 });
            foreach (var (key, value) in values) db.Set<DtiApprovedValue>().Add(Value(unit, key, value, year, demo));
        }
        await db.SaveChangesAsync(Ct);
    }

    public static async Task CloseAsync(this ServiceHost<Program, DxIndexDbContext> host, string year = Year)
    {
        await using var db = host.Db();
        db.Set<DtiClosedYear>().Add(new DtiClosedYear { Tenant = Tenant, Year = year, DueAt = Now.AddDays(-5), ClosedAt = Now.AddDays(-5) });
        await db.SaveChangesAsync(Ct);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["lao-cai"] = "Tỉnh Lào Cai", ["thanh-hoa"] = "Tỉnh Thanh Hóa", ["cao-bang"] = "Tỉnh Cao Bằng",
        ["ha-noi"] = "Thành phố Hà Nội", ["da-nang"] = "Thành phố Đà Nẵng", ["can-tho"] = "Thành phố Cần Thơ",
    };

    private static DtiApprovedValue Value(string unit, string key, object value, string year, bool demo) => new()
    {
        Tenant = Tenant, FrameworkId = Framework, Year = year, Unit = unit, InputKey = key, ValueJson = JsonSerializer.Serialize(value),
        FrameworkVersion = Version, SubmissionId = Guid.NewGuid(), SubmissionRevision = 2, ReportingUnit = unit + ".so-khcn",
        ApprovedAt = Now.AddDays(-10), Demo = demo,
    };
}

/// <summary>
/// The hand-worked example (frameworks.md §2; every number worked out in <see cref="GoldenExampleTests"/>): Lào Cai and
/// Thanh Hóa filled pillars 1, 2 and indicator 7.5; Cao Bằng reported nothing.
/// </summary>
internal static class Example
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> Provinces = new Dictionary<string, IReadOnlyDictionary<string, object>>
    {
        ["lao-cai"] = new Dictionary<string, object>
        {
            ["1.1.chair"] = true, ["1.1.active"] = true, ["1.2.a"] = 3, ["1.2.b"] = 4, ["1.3.section"] = true, ["1.3.posts"] = 40,
            ["2.1.issued"] = true, ["2.4.fees"] = true, ["2.4.time"] = false,
            ["7.5.a"] = 300, ["info.enterprises"] = 1000,
        },
        ["thanh-hoa"] = new Dictionary<string, object>
        {
            ["1.1.chair"] = true, ["1.1.active"] = false, ["1.2.a"] = 5, ["1.2.b"] = 4, ["1.3.section"] = true, ["1.3.posts"] = 52,
            ["2.1.issued"] = false,
            ["7.5.a"] = 600, ["info.enterprises"] = 1200,
        },
        ["cao-bang"] = new Dictionary<string, object>(),
    };
}
