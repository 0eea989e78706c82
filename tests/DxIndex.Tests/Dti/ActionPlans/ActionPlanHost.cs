using Microsoft.Extensions.DependencyInjection;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.ActionPlans;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.DxIndex.Tests.Dti.ActionPlans;

/// <summary>The service with two provinces (Lào Cai with one department, Thanh Hóa) under <c>vn</c>, on 06/12/2026, and their people.</summary>
internal static class ActionPlanHost
{
    public static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    /// <summary>Lào Cai's Department of Science and Technology: inside the province, so it writes the plan.</summary>
    public static readonly TestUser LaoCaiDepartment = new("lao-cai.so-khcn.reporter", [PlatformRoles.Reporter], OrgUnit: "lao-cai.so-khcn") { Name = "Nguyễn Văn Báo" };
    public static readonly TestUser LaoCaiReviewer = new("lao-cai.reviewer", [PlatformRoles.Reviewer], OrgUnit: "lao-cai") { Name = "Trần Thị Duyệt" };
    public static readonly TestUser LaoCaiPublisher = new("lao-cai.publisher", [PlatformRoles.Publisher], OrgUnit: "lao-cai");
    public static readonly TestUser ThanhHoaReviewer = new("thanh-hoa.reviewer", [PlatformRoles.Reviewer], OrgUnit: "thanh-hoa");
    public static readonly TestUser NationalReviewer = new("tw-tham-dinh", [PlatformRoles.Reviewer], OrgUnit: "vn");

    public static async Task<ServiceHost<Program, DxIndexDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix,
        IDtiIndicatorScores? scores = null)
    {
        var host = await ServiceHost.StartAsync<Program, DxIndexDbContext>(infrastructure, DxIndexModule.DatabaseName, prefix, now: Now,
            services: scores is null ? null : s => s.AddSingleton(scores));
        await using var db = host.Db();
        db.Units.AddRange(
            new KnownUnit { Tenant = DxIndexHost.Tenant, Code = "vn", Name = "Việt Nam", Kind = "national", Revision = 1 },
            Province("lao-cai", "Tỉnh Lào Cai"), Province("thanh-hoa", "Tỉnh Thanh Hóa"),
            new KnownUnit
            {
                Tenant = DxIndexHost.Tenant, Code = "lao-cai.so-khcn", Name = "Sở Khoa học và Công nghệ tỉnh Lào Cai", Kind = "department",
                ParentCode = "lao-cai", PeerGroups = ["lao-cai.departments"], Revision = 1,
            });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static KnownUnit Province(string code, string name) => new()
    {
        Tenant = DxIndexHost.Tenant, Code = code, Name = name, Kind = "province", ParentCode = "vn", PeerGroups = ["provinces"], Revision = 1,
    };
}
