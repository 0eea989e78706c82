using System.Text.Json;
using Platform.Contracts;
using Platform.DxIndex.Data;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.DxIndex.Tests.AnnualCriteria;

/// <summary>The DX index service with the unit tree the QĐ 2244 tests read, and the approvals they deliver.</summary>
internal static class AnnualCriteriaBench
{
    public const string Framework = "qd2244-annual";
    public const string Version = "2244/QĐ-TTg (13/10/2025)";
    public static readonly DateTimeOffset T0 = new(2026, 4, 10, 2, 0, 0, TimeSpan.Zero);

    public static readonly TestUser National = new("tw-lanh-dao", [PlatformRoles.Leader], OrgUnit: "vn");
    public static readonly TestUser LaoCaiReviewer = new("tham-dinh.lao-cai", [PlatformRoles.Reviewer], OrgUnit: "lao-cai");
    public static readonly TestUser LaoCaiScience = new("bao-cao.so-khcn.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai.so-khcn");
    public static readonly TestUser ThanhHoaLeader = new("lanh-dao.thanh-hoa", [PlatformRoles.Leader], OrgUnit: "thanh-hoa");

    public static async Task<ServiceHost<Program, DxIndexDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix, bool demoData = false)
    {
        var host = await ServiceHost.StartAsync<Program, DxIndexDbContext>(infrastructure, DxIndexModule.DatabaseName, prefix,
            new Dictionary<string, string> { ["DxIndex:AnnualCriteria:DemoData"] = demoData ? "true" : "false" });
        (string Code, string Name, string Kind, string? Parent)[] units =
        [
            ("vn", "Việt Nam", "national", null),
            ("lao-cai", "Tỉnh Lào Cai", "province", "vn"),
            ("thanh-hoa", "Tỉnh Thanh Hóa", "province", "vn"),
            ("lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "department", "lao-cai"),
            ("lao-cai.cong-an", "Công an tỉnh Lào Cai", "department", "lao-cai"),
            ("thanh-hoa.so-khcn", "Sở Khoa học và Công nghệ tỉnh Thanh Hóa", "department", "thanh-hoa"),
        ];
        foreach (var u in units) await host.DeliverAsync(new OrganisationUnitRegistered("national", u.Code, u.Name, u.Kind, u.Parent, 1, T0));
        return host;
    }

    /// <summary>Values as intake sends them: numbers in JSON.</summary>
    public static SubmissionApproved Approval(Guid submission, string reportingUnit, string province, int year, int revision,
        DateTimeOffset at, params (string Key, decimal Value)[] values) =>
        new(submission, "national", Framework, Version, year.ToString(System.Globalization.CultureInfo.InvariantCulture), reportingUnit, province,
            values.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value)), false, "tham-dinh.lao-cai", revision, at);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
